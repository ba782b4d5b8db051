package cn.jiandu.notification.dingtalk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The app's access token, shared by every send: fetched once, renewed {@code renewBefore}
 * ahead of its expiry (at most half its lifetime ahead), dropped when DingTalk calls it
 * invalid. Thread-safe and single-flight: threads that need a token while none is valid
 * wait for one fetch instead of each making its own.
 */
final class AccessTokens {

    /** Fetches a new token from DingTalk; throws DingTalkException when it cannot. */
    @FunctionalInterface
    interface Source {
        Token fetch();
    }

    /** A token and when DingTalk says it expires. */
    record Token(String value, Instant expiresAt) {
        @Override
        public String toString() {
            return "Token[expiresAt=" + expiresAt + "]";
        }
    }

    private record Cached(String value, Instant renewAt) {
    }

    private final Source source;
    private final Clock clock;
    private final Duration renewBefore;
    private final Object fetching = new Object();
    private volatile Cached current;

    AccessTokens(Source source, Clock clock, Duration renewBefore) {
        this.source = source;
        this.clock = clock;
        this.renewBefore = renewBefore;
    }

    /** A valid token, fetched only when the cached one is missing or due for renewal. */
    String get() {
        Cached cached = current;
        if (fresh(cached)) {
            return cached.value();
        }
        synchronized (fetching) {
            cached = current;
            if (fresh(cached)) {
                return cached.value();
            }
            Instant fetchedAt = clock.instant();
            Token token = source.fetch();
            Duration lifetime = Duration.between(fetchedAt, token.expiresAt());
            Duration ahead = renewBefore.compareTo(lifetime.dividedBy(2)) > 0 ? lifetime.dividedBy(2) : renewBefore;
            current = new Cached(token.value(), token.expiresAt().minus(ahead));
            return token.value();
        }
    }

    /**
     * Forgets {@code token} after DingTalk refused it; a token fetched meanwhile by another
     * thread is kept, so concurrent refusals lead to one new fetch, not one each.
     */
    void invalidate(String token) {
        synchronized (fetching) {
            Cached cached = current;
            if (cached != null && cached.value().equals(token)) {
                current = null;
            }
        }
    }

    private boolean fresh(Cached cached) {
        return cached != null && clock.instant().isBefore(cached.renewAt());
    }
}
