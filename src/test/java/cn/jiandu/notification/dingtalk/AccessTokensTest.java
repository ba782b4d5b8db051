package cn.jiandu.notification.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.jiandu.fakedingtalk.FakeDingTalk;

class AccessTokensTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T01:00:00Z"));
    private FakeDingTalk fake;
    private AccessTokens tokens;

    @BeforeEach
    void startFake() {
        fake = new FakeDingTalk(FakeDingTalk.Config.of("key", "secret", 1L).withClock(clock)).start();
        tokens = new AccessTokens(new SdkTokenSource(fake.baseUrl(), "key", "secret", Duration.ofSeconds(5), clock),
                clock, Duration.ofMinutes(5));
    }

    @AfterEach
    void stopFake() {
        fake.stop();
    }

    @Test
    void shouldFetchOneTokenForManyUses() {
        // when
        String first = tokens.get();
        for (int i = 0; i < 49; i++) {
            assertThat(tokens.get()).isEqualTo(first);
        }

        // then
        assertThat(fake.calls("accessToken")).isEqualTo(1);
    }

    @Test
    void shouldRenewTheTokenRenewBeforeAheadOfExpiry() {
        // given a token of 7200 s, renewed 5 minutes early
        String first = tokens.get();

        // when the clock reaches expiry - 5 minutes - 1 s, the token is kept
        clock.advance(Duration.ofSeconds(7200 - 300 - 1));
        assertThat(tokens.get()).isEqualTo(first);
        assertThat(fake.calls("accessToken")).isEqualTo(1);

        // when it passes expiry - 5 minutes, a new one is fetched
        clock.advance(Duration.ofSeconds(2));
        assertThat(tokens.get()).isNotEqualTo(first);
        assertThat(fake.calls("accessToken")).isEqualTo(2);
    }

    @Test
    void shouldDropOnlyTheTokenThatWasRefused() {
        // given
        String first = tokens.get();
        tokens.invalidate(first);
        String second = tokens.get();

        // when another thread reports the old token again
        tokens.invalidate(first);

        // then the new token is kept
        assertThat(second).isNotEqualTo(first);
        assertThat(tokens.get()).isEqualTo(second);
        assertThat(fake.calls("accessToken")).isEqualTo(2);
    }

    @Test
    void shouldMakeOneFetchForThreadsWaitingTogether() throws Exception {
        // given a source that blocks its first fetch until released
        AtomicInteger fetches = new AtomicInteger();
        CountDownLatch fetching = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AccessTokens shared = new AccessTokens(() -> {
            fetches.incrementAndGet();
            fetching.countDown();
            await(release);
            return new AccessTokens.Token("T" + fetches.get(), clock.instant().plusSeconds(7200));
        }, clock, Duration.ofMinutes(5));

        // when two threads need a token at once
        CompletableFuture<String> first = CompletableFuture.supplyAsync(shared::get);
        assertThat(fetching.await(5, TimeUnit.SECONDS)).isTrue();
        Thread[] second = new Thread[1];
        CompletableFuture<String> secondResult = new CompletableFuture<>();
        second[0] = new Thread(() -> secondResult.complete(shared.get()));
        second[0].start();
        waitUntilBlocked(second[0]);
        release.countDown();

        // then both get the one token fetched
        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("T1");
        assertThat(secondResult.get(5, TimeUnit.SECONDS)).isEqualTo("T1");
        assertThat(fetches).hasValue(1);
    }

    /** Bounded poll: the thread waits for the lock held by the fetching thread. */
    private static void waitUntilBlocked(Thread thread) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (thread.getState() != Thread.State.BLOCKED && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        assertThat(thread.getState()).isEqualTo(Thread.State.BLOCKED);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
