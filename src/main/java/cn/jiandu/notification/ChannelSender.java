package cn.jiandu.notification;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.jiandu.notification.dingtalk.DingTalkException;

/**
 * Sends the outbox rows of some channels to DingTalk (one Spring bean per kind of message:
 * work notification, robot, to-do, card, read check, DING). The {@link Dispatcher} claims the
 * rows, holds those of a quota-bound sender while the month's quota is used up, marks what was
 * sent, and retries failures with backoff, counting attempts; a sender only sends.
 */
interface ChannelSender {

    /** The outbox channels it sends ({@link OutboxMessage#WORK} …), each sent by one sender only. */
    Set<String> channels();

    /**
     * The round's rows of its channels as they go out, in order: each list is sent by one call
     * of {@link #send} and marked (sent, failed, rescheduled) together. Each row alone unless
     * the sender groups them (one message's recipients, one task's changes).
     */
    default Collection<List<OutboxMessage>> groups(List<OutboxMessage> rows) {
        return rows.stream().map(List::of).toList();
    }

    /**
     * Whether its groups go out side by side on the dispatcher's send threads; else one after
     * another in the order of {@link #groups}, after the parallel ones are under way.
     */
    default boolean parallel() {
        return false;
    }

    /**
     * Whether its rows wait, no attempt spent, while the month's metered calls are used up
     * (to-dos and cards; work notifications and DING go on until DingTalk refuses them).
     */
    default boolean waitsForQuota() {
        return false;
    }

    /**
     * Its rows wait for the quota: notes it where the sender keeps its own state and returns
     * the reason the rows show (in Chinese).
     */
    default String quotaUsedUp(List<OutboxMessage> group) {
        return "钉钉接口本月额度已用完，暂停发送（工作通知照常发送）";
    }

    /** Whether its sent rows count in {@code jiandu.notifications.sent} (messages that reach someone). */
    default boolean countedAsSent() {
        return false;
    }

    /**
     * Sends one group.
     *
     * @throws DingTalkException when DingTalk refuses or cannot be reached: an attempt spent
     */
    Outcome send(List<OutboxMessage> group);

    /** The rows by a key (a message, a task), in the order the keys first come. */
    static Collection<List<OutboxMessage>> byKey(List<OutboxMessage> rows, Function<OutboxMessage, String> key) {
        Map<String, List<OutboxMessage>> groups = new LinkedHashMap<>();
        for (OutboxMessage row : rows) {
            groups.computeIfAbsent(key.apply(row), k -> new ArrayList<>()).add(row);
        }
        return groups.values();
    }

    /**
     * What came of a send: sent ({@code dingtalkTask} the id DingTalk gave it, if any;
     * {@code andThen} done in the transaction that marks it sent), or to be tried again at
     * {@code waitUntil} without spending an attempt ({@code why} its reason, may be null).
     */
    record Outcome(String dingtalkTask, Runnable andThen, Instant waitUntil, String why) {

        static Outcome sent() {
            return sent(null, () -> {
            });
        }

        static Outcome sent(String dingtalkTask, Runnable andThen) {
            return new Outcome(dingtalkTask, andThen, null, null);
        }

        static Outcome waitUntil(Instant when, String why) {
            return new Outcome(null, null, when, why);
        }

        boolean waits() {
            return waitUntil != null;
        }
    }
}
