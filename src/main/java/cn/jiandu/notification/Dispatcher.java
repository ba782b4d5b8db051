package cn.jiandu.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.notification.dingtalk.DingTalkException;
import cn.jiandu.notification.dingtalk.DingTalkQuota;

/**
 * Sends what the outbox holds. Rows are claimed by an update only one node can win, sent
 * outside any transaction by the {@link ChannelSender} of their channel, then marked; a node
 * that dies mid-send leaves its claim to expire and the rows go back to the queue (DingTalk
 * drops the same content to the same person the same day, so such a resend does not reach
 * anyone twice). Failures are retried with exponential backoff; after the last attempt the row
 * is FAILED. Rows of a sender that waits for the quota wait, no attempt spent, while the month's
 * metered calls are used up. A message sent while the database is away is marked as soon as it
 * is back (within half the claim time), so that an outage of the database does not send it
 * again. Counts what it sent ({@code jiandu.notifications.sent}, per channel) for the node's
 * metrics.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration MARK_RETRY = Duration.ofSeconds(1);

    private final OutboxMapper mapper;
    /** in their order: the parallel ones are set going first, then the others send in this order */
    private final List<ChannelSender> channelSenders;
    private final Map<String, ChannelSender> byChannel = new HashMap<>();
    private final Map<String, Counter> sent = new HashMap<>();
    private final DingTalkQuota quota;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    /**
     * Groups of parallel senders go out this many at a time (work notifications: B4 in
     * bench/results.md); each is marked sent by its own thread as soon as it is sent.
     */
    private final ExecutorService senders;

    Dispatcher(OutboxMapper mapper, List<ChannelSender> channelSenders, DingTalkQuota quota,
            NotificationProperties properties, Clock clock, TransactionTemplate tx, MeterRegistry meters) {
        this.mapper = mapper;
        this.channelSenders = List.copyOf(channelSenders);
        this.quota = quota;
        this.properties = properties;
        this.clock = clock;
        this.tx = tx;
        for (ChannelSender sender : channelSenders) {
            for (String channel : sender.channels()) {
                if (byChannel.putIfAbsent(channel, sender) != null) {
                    throw new IllegalStateException("Two senders of outbox channel " + channel);
                }
                if (sender.countedAsSent()) {
                    sent.put(channel, Counter.builder("jiandu.notifications.sent").tag("channel", channel)
                            .description("Outbox rows this node sent to DingTalk (one per recipient)")
                            .register(meters));
                }
            }
        }
        CustomizableThreadFactory threads = new CustomizableThreadFactory("dingtalk-send-");
        threads.setDaemon(true);
        this.senders = Executors.newFixedThreadPool(properties.sendThreads(), threads);
    }

    @Scheduled(fixedDelayString = "${jiandu.notification.poll-interval:PT2S}", initialDelayString = "PT5S")
    void poll() {
        if (!properties.dispatcherEnabled()) {
            return;
        }
        try {
            while (dispatchOnce() >= properties.batchSize()) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            log.warn("Dispatching notifications failed; will try again: {}", e.toString());
        }
    }

    /** One round: claims what is due and sends it. Returns how many rows it handled. */
    public int dispatchOnce() {
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        List<OutboxMessage> claimed = tx.execute(status -> {
            mapper.releaseExpired(now);
            List<Long> ids = mapper.dueIds(now, properties.batchSize());
            if (ids.isEmpty()) {
                return List.<OutboxMessage>of();
            }
            mapper.claim(ids, token, now.plus(properties.claimTimeout()));
            return mapper.claimed(token);
        });
        if (claimed == null || claimed.isEmpty()) {
            return 0;
        }
        Map<ChannelSender, List<OutboxMessage>> rows = new LinkedHashMap<>();
        channelSenders.forEach(sender -> rows.put(sender, new ArrayList<>()));
        List<Long> unknown = new ArrayList<>();
        for (OutboxMessage m : claimed) {
            ChannelSender sender = byChannel.get(m.channel());
            if (sender == null) {
                unknown.add(m.id());
            } else {
                rows.get(sender).add(m);
            }
        }
        if (!unknown.isEmpty()) {
            log.warn("Notification(s) {} FAILED: no sender of their channel", unknown);
            tx.executeWithoutResult(s -> mapper.markFailed(unknown, "no sender of this channel"));
        }
        // how long a sent message may take to be marked (a deadlock, the database away): half the
        // claim, in real elapsed time, not the app's clock, which an administrator may move
        long markUntil = System.nanoTime() + properties.claimTimeout().dividedBy(2).toNanos();
        Map<ChannelSender, Collection<List<OutboxMessage>>> groups = new LinkedHashMap<>();
        rows.forEach((sender, ofSender) -> groups.put(sender,
                ofSender.isEmpty() ? List.of() : sender.groups(ofSender)));
        List<Future<?>> sends = new ArrayList<>();
        groups.forEach((sender, ofSender) -> {
            if (sender.parallel()) {
                ofSender.forEach(group -> sends.add(senders.submit(() -> send(sender, group, markUntil))));
            }
        });
        groups.forEach((sender, ofSender) -> {
            if (!sender.parallel()) {
                ofSender.forEach(group -> send(sender, group, markUntil));
            }
        });
        awaitAll(sends);
        return claimed.size();
    }

    /** Waits for every send of the round; then throws the first failure, if any. */
    private static void awaitAll(List<Future<?>> sends) {
        RuntimeException first = null;
        for (Future<?> send : sends) {
            try {
                send.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending", e);
            } catch (ExecutionException e) {
                RuntimeException failure = e.getCause() instanceof RuntimeException runtime ? runtime
                        : new IllegalStateException(e.getCause());
                if (first == null) {
                    first = failure;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @PreDestroy
    void stop() {
        senders.shutdown();
    }

    /**
     * Sends one group of rows with its sender and marks them: sent, failed (an attempt spent)
     * or again later (no attempt spent: the quota used up, the sender's own wait).
     */
    private void send(ChannelSender sender, List<OutboxMessage> group, long markUntil) {
        List<Long> ids = group.stream().map(OutboxMessage::id).toList();
        if (sender.waitsForQuota() && !quota.allowsTodosAndCards()) {
            // the month's metered calls are used up: looked at again after the longest backoff
            String why = sender.quotaUsedUp(group);
            tx.executeWithoutResult(s -> mapper.reschedule(ids, clock.instant().plus(properties.backoffMax()), why,
                    false));
            return;
        }
        ChannelSender.Outcome outcome;
        try {
            outcome = sender.send(group);
        } catch (DingTalkException e) {
            failed(ids, maxAttempts(group), e);
            return;
        }
        if (outcome.waits()) {
            String why = outcome.why() == null ? null : abbreviate(outcome.why());
            tx.executeWithoutResult(s -> mapper.reschedule(ids, outcome.waitUntil(), why, false));
            return;
        }
        markSent(ids, outcome.dingtalkTask(), markUntil, outcome.andThen());
        Counter counter = sent.get(group.get(0).channel());
        if (counter != null) {
            counter.increment(ids.size());
        }
    }

    /**
     * Marks sent rows, trying again while the database is away or picks this node as a
     * deadlock's loser, until {@code until} ({@link System#nanoTime()}: half the claim time,
     * so that no node has released the rows yet). Past it the rows stay claimed,
     * go back to the queue when the claim expires and are sent again: DingTalk drops the same
     * content to the same person on the same day.
     */
    private void markSent(List<Long> ids, String task, long until, Runnable andThen) {
        while (true) {
            try {
                tx.executeWithoutResult(s -> {
                    mapper.markSent(ids, clock.instant(), task);
                    andThen.run();
                });
                return;
            } catch (DataAccessException | TransactionException e) {
                if (System.nanoTime() - until >= 0) {
                    throw e;
                }
                log.warn("Notification(s) {} sent but not yet marked (the database is away or chose this node as a "
                        + "deadlock's loser); trying again: {}", ids, e.toString());
                try {
                    Thread.sleep(MARK_RETRY.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private void failed(List<Long> ids, int attemptsSoFar, DingTalkException e) {
        int attempt = attemptsSoFar + 1;
        String error = abbreviate((e.errcode() == null ? "" : "errcode " + e.errcode() + ": ") + e.getMessage());
        if (!e.retryable() || attempt >= properties.maxAttempts()) {
            log.warn("Notification(s) {} FAILED after {} attempt(s): {}", ids, attempt, error);
            tx.executeWithoutResult(s -> mapper.markFailed(ids, error));
            return;
        }
        Instant next = clock.instant().plus(backoff(attempt));
        log.info("Notification(s) {} attempt {} failed ({}); next at {}", ids, attempt, error, next);
        tx.executeWithoutResult(s -> mapper.reschedule(ids, next, error, true));
    }

    /** base, 2×base, 4×base … up to the maximum. */
    Duration backoff(int attempt) {
        Duration delay = properties.backoffBase().multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(properties.backoffMax()) > 0 ? properties.backoffMax() : delay;
    }

    private static int maxAttempts(List<OutboxMessage> group) {
        return group.stream().mapToInt(OutboxMessage::attempts).max().orElse(0);
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
