package cn.jiandu.notification.dingtalk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps this node's calls of each of DingTalk's new APIs (to-dos, cards) under a rate
 * (调用频率): DingTalk allows 20 calls a second per app and API and answers 90018 / HTTP 429
 * above it. The senders wait their turn instead of being refused and backing off for
 * seconds; several nodes together can still go over, and DingTalk's refusal is then retried
 * by the outbox as any other. {@code jiandu.dingtalk.api-qps} (default 15) per node and API.
 */
@Component
public class ApiPace {

    private final long intervalNanos;
    private final Map<String, long[]> next = new ConcurrentHashMap<>();

    ApiPace(@Value("${jiandu.dingtalk.api-qps:15}") int callsPerSecond) {
        if (callsPerSecond < 1) {
            throw new IllegalArgumentException("jiandu.dingtalk.api-qps must be at least 1, not " + callsPerSecond);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / callsPerSecond;
    }

    /**
     * Waits until this node may make the next call of {@code api}; answers the moment
     * ({@link System#nanoTime()}) the call was given, which the thread reaches at or after it.
     */
    public long acquire(String api) {
        long[] slot = next.computeIfAbsent(api, a -> new long[] {System.nanoTime()});
        long wait;
        long at;
        synchronized (slot) {
            long now = System.nanoTime();
            at = Math.max(slot[0], now);
            slot[0] = at + intervalNanos;
            wait = at - now;
        }
        if (wait > 0) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DingTalkException("interrupted while waiting to call DingTalk " + api, null, true, e);
            }
        }
        return at;
    }
}
