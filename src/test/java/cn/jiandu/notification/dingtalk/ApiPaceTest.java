package cn.jiandu.notification.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ApiPaceTest {

    @Test
    void shouldSpaceCallsOfOneApiEvenFromSeveralThreads() throws Exception {
        ApiPace pace = new ApiPace(20);
        // the moments the calls were given: a thread may wake later than its moment on a busy
        // machine (and up to half a millisecond sooner: Thread.sleep rounds to milliseconds), so
        // the spacing is asserted on the moments themselves
        List<Long> at = Collections.synchronizedList(new ArrayList<>());
        List<Long> early = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 30; i++) {
            threads.submit(() -> {
                long given = pace.acquire("todo.create");
                long woke = System.nanoTime();
                at.add(given);
                if (woke < given - TimeUnit.MILLISECONDS.toNanos(1)) {
                    early.add(given - woke);
                }
            });
        }
        threads.shutdown();
        assertThat(threads.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(at).hasSize(30);
        assertThat(early).as("threads that went before their moment").isEmpty();
        List<Long> sorted = new ArrayList<>(at);
        Collections.sort(sorted);
        // 30 calls at 20 a second: the last no sooner than 29 intervals of 50 ms after the first
        assertThat(sorted.get(29) - sorted.get(0)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(29 * 50));
        // no 21 calls within any one second
        for (int i = 20; i < sorted.size(); i++) {
            assertThat(sorted.get(i) - sorted.get(i - 20)).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1000));
        }
    }

    @Test
    void shouldNotMakeOneApiWaitForAnother() {
        ApiPace pace = new ApiPace(1);
        pace.acquire("todo.create");
        long start = System.nanoTime();
        pace.acquire("createAndDeliver");
        assertThat(System.nanoTime() - start).isLessThan(TimeUnit.MILLISECONDS.toNanos(500));
    }

    @Test
    void shouldRefuseARateBelowOne() {
        assertThatThrownBy(() -> new ApiPace(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("jiandu.dingtalk.api-qps");
    }
}
