package cn.jiandu.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

import cn.jiandu.notification.dingtalk.CardClient;
import cn.jiandu.notification.dingtalk.DingTalkCardProperties;
import cn.jiandu.notification.dingtalk.DingTalkClient;
import cn.jiandu.notification.dingtalk.DingTalkException;
import cn.jiandu.notification.dingtalk.DingTalkQuota;
import cn.jiandu.notification.dingtalk.DingTalkTodos;

/**
 * Sends what the outbox holds. Rows are claimed by an update only one node can win, sent
 * outside any transaction, then marked; a node that dies mid-send leaves its claim to
 * expire and the rows go back to the queue (DingTalk drops the same content to the same
 * person the same day, so such a resend does not reach anyone twice). Failures are retried
 * with exponential backoff; after the last attempt the row is FAILED. A message sent while
 * the database is away is marked as soon as it is back (within half the claim time), so that
 * an outage of the database does not send it again. Counts what it sent
 * ({@code jiandu.notifications.sent}, per channel) for the node's metrics.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    private static final Duration MARK_RETRY = Duration.ofSeconds(1);

    private final OutboxMapper mapper;
    private final DingTalkClient dingtalk;
    private final RobotThrottle throttle;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Counter sentWork;
    private final Counter sentRobot;
    private final Counter sentTodo;
    /**
     * Work notifications of one round go out this many at a time: a call to DingTalk takes
     * tens of milliseconds, one after another they made at most a few dozen messages a
     * second (B4 in bench/results.md). Each is marked sent by its own thread as soon as it
     * is sent. Robot messages stay one at a time (20 a minute per robot anyway).
     */
    private final ExecutorService senders;
    private final TodoSender todos;
    private final DingTalkQuota quota;
    /** the follow-up of red messages (read check, DING or an urgent second notification) */
    private final ReadFollowUp followUp;
    private final CardClient cardClient;
    private final DingTalkCardProperties cardSettings;
    private final com.fasterxml.jackson.databind.ObjectMapper json;

    Dispatcher(OutboxMapper mapper, DingTalkClient dingtalk, RobotThrottle throttle, NotificationProperties properties,
            Clock clock, TransactionTemplate tx, MeterRegistry meters, TodoSender todos, DingTalkQuota quota,
            DingTalkFollowUpProperties followUp, CardClient cardClient, DingTalkCardProperties cardSettings,
            com.fasterxml.jackson.databind.ObjectMapper json) {
        this.todos = todos;
        this.quota = quota;
        this.cardClient = cardClient;
        this.cardSettings = cardSettings;
        this.json = json;
        this.mapper = mapper;
        this.dingtalk = dingtalk;
        this.throttle = throttle;
        this.properties = properties;
        this.clock = clock;
        this.tx = tx;
        this.sentWork = sent(meters, OutboxMessage.WORK);
        this.sentRobot = sent(meters, OutboxMessage.ROBOT);
        this.sentTodo = sent(meters, OutboxMessage.TODO);
        CustomizableThreadFactory threads = new CustomizableThreadFactory("dingtalk-send-");
        threads.setDaemon(true);
        this.senders = Executors.newFixedThreadPool(properties.sendThreads(), threads);
        this.followUp = new ReadFollowUp(mapper, dingtalk, followUp, clock);
    }

    private static Counter sent(MeterRegistry meters, String channel) {
        return Counter.builder("jiandu.notifications.sent").tag("channel", channel)
                .description("Outbox rows this node sent to DingTalk (one per recipient)").register(meters);
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
        Map<String, List<OutboxMessage>> work = new LinkedHashMap<>();
        List<OutboxMessage> robots = new ArrayList<>();
        Map<String, List<OutboxMessage>> todoTasks = new LinkedHashMap<>();
        List<OutboxMessage> readChecks = new ArrayList<>();
        Map<String, List<OutboxMessage>> dings = new LinkedHashMap<>();
        List<OutboxMessage> cards = new ArrayList<>();
        for (OutboxMessage m : claimed) {
            if (OutboxMessage.READ_CHECK.equals(m.channel())) {
                readChecks.add(m);
            } else if (OutboxMessage.DING.equals(m.channel())) {
                dings.computeIfAbsent(m.messageKey(), k -> new ArrayList<>()).add(m);
            } else if (OutboxMessage.WORK.equals(m.channel())) {
                work.computeIfAbsent(m.messageKey(), k -> new ArrayList<>()).add(m);
            } else if (OutboxMessage.TODO.equals(m.channel())) {
                // every change of one task's to-do in the round: one reconciliation
                todoTasks.computeIfAbsent(m.recipient(), k -> new ArrayList<>()).add(m);
            } else if (OutboxMessage.CARD.equals(m.channel()) || OutboxMessage.CARD_UPDATE.equals(m.channel())) {
                cards.add(m);
            } else {
                robots.add(m);
            }
        }
        // how long a sent message may take to be marked (a deadlock, the database away): half the
        // claim, in real elapsed time, not the app's clock, which an administrator may move
        long markUntil = System.nanoTime() + properties.claimTimeout().dividedBy(2).toNanos();
        List<Future<?>> sends = new ArrayList<>();
        work.values().forEach(group -> sends.add(senders.submit(() -> sendWork(group, markUntil))));
        todoTasks.values().forEach(group -> sends.add(senders.submit(() -> sendTodo(group, markUntil))));
        robots.forEach(message -> sendRobot(message, markUntil));
        readChecks.forEach(check -> checkRead(check, markUntil));
        dings.values().forEach(group -> sendDing(group, markUntil));
        // a card before its updates: one at a time, in the order they were written
        cards.forEach(message -> sendCard(message, markUntil));
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

    private void sendWork(List<OutboxMessage> group, long markUntil) {
        OutboxMessage first = group.get(0);
        List<Long> ids = group.stream().map(OutboxMessage::id).toList();
        try {
            quota.count("asyncsend_v2");
            String task = dingtalk.sendWorkNotification(group.stream().map(OutboxMessage::recipient).toList(),
                    first.title(), first.body(), "查看问题并办理", first.link());
            markSent(ids, task, markUntil, () -> followUp.scheduleCheck(group, task));
            sentWork.increment(ids.size());
        } catch (DingTalkException e) {
            failed(ids, maxAttempts(group), e);
        }
    }

    /**
     * A task's to-do made what dingtalk_todo wishes (TodoSender). While the month's quota is
     * used up it waits (no attempt spent) and is looked at again after the longest backoff.
     */
    private void sendTodo(List<OutboxMessage> group, long markUntil) {
        List<Long> ids = group.stream().map(OutboxMessage::id).toList();
        try {
            todos.reconcile(group.get(0).recipient());
            markSent(ids, null, markUntil);
            sentTodo.increment(ids.size());
        } catch (TodoSender.QuotaUsedUp e) {
            tx.executeWithoutResult(s -> mapper.reschedule(ids, clock.instant().plus(properties.backoffMax()),
                    e.getMessage(), false));
        } catch (DingTalkException e) {
            if (DingTalkTodos.isThrottled(e)) {
                // over DingTalk's calls a second: again in 1 to 3 s, no attempt spent (a storm of
                // to-dos would otherwise back off for minutes and end FAILED)
                Instant again = clock.instant().plusMillis(1000 + java.util.concurrent.ThreadLocalRandom.current()
                        .nextLong(2000));
                tx.executeWithoutResult(s -> mapper.reschedule(ids, again, abbreviate(e.getMessage()), false));
                return;
            }
            failed(ids, maxAttempts(group), e);
        }
    }

    private void sendRobot(OutboxMessage message, long markUntil) {
        List<Long> ids = List.of(message.id());
        Optional<Instant> wait = throttle.acquire(message.recipient());
        if (wait.isPresent()) {
            tx.executeWithoutResult(s -> mapper.reschedule(ids, wait.get(), null, false));
            return;
        }
        try {
            List<String> mobiles = message.atMobiles() == null ? List.of() : Arrays.asList(message.atMobiles().split(","));
            dingtalk.sendRobotMarkdown(message.recipient(), message.title(), message.body(), mobiles, List.of());
            markSent(ids, null, markUntil);
            sentRobot.increment();
        } catch (DingTalkException e) {
            failed(ids, message.attempts(), e);
        }
    }

    /**
     * A red message's read check (READ_CHECK): asks DingTalk who read it, stores that and
     * queues the follow-up of the unread, in the transaction that marks the check done.
     */
    private void checkRead(OutboxMessage check, long markUntil) {
        List<Long> ids = List.of(check.id());
        try {
            ReadFollowUp.ReadState state = followUp.fetch(check);
            markSent(ids, check.recipient(), markUntil, () -> followUp.record(check, state));
        } catch (DingTalkException e) {
            failed(ids, check.attempts(), e);
        }
    }

    /** DING (钉一下) to the unread of a red message, up to 200 at a time. */
    private void sendDing(List<OutboxMessage> group, long markUntil) {
        for (int from = 0; from < group.size(); from += DingTalkClient.MAX_DING_USERS) {
            List<OutboxMessage> part = group.subList(from, Math.min(group.size(), from + DingTalkClient.MAX_DING_USERS));
            List<Long> ids = part.stream().map(OutboxMessage::id).toList();
            try {
                quota.count("ding");
                String ding = followUp.ding(part);
                markSent(ids, ding, markUntil);
            } catch (DingTalkException e) {
                failed(ids, maxAttempts(part), e);
            }
        }
    }

    /**
     * An interactive card (CARD: createAndDeliver, a reused outTrackId counting as delivered)
     * or its update (CARD_UPD: updateCard). The body is the JSON Cards wrote.
     */
    private void sendCard(OutboxMessage message, long markUntil) {
        List<Long> ids = List.of(message.id());
        if (!quota.allowsTodosAndCards()) {
            // the month's metered calls are used up: cards wait, work notifications go on
            tx.executeWithoutResult(s -> mapper.reschedule(ids, clock.instant().plus(properties.backoffMax()),
                    "钉钉接口本月额度已用完，互动卡片暂停发送（工作通知照常发送）", false));
            return;
        }
        try {
            com.fasterxml.jackson.databind.JsonNode body = json.readTree(message.body());
            Map<String, String> params = strings(body.path("params"));
            if (OutboxMessage.CARD.equals(message.channel())) {
                String templateId = cardSettings.templateId(body.path("kind").asText());
                if (templateId == null) {
                    throw new DingTalkException("No card template configured for jiandu.dingtalk.cards."
                            + body.path("kind").asText() + ".template-id", null, false);
                }
                quota.count("card.create");
                cardClient.createAndDeliver(templateId, message.messageKey(), message.recipient(), params);
            } else {
                quota.count("card.update");
                cardClient.updateCard(message.messageKey(), params, body.path("privateUserId").asText(null),
                        body.has("privateParams") ? strings(body.path("privateParams")) : null);
            }
            markSent(ids, null, markUntil);
        } catch (DingTalkException e) {
            failed(ids, message.attempts(), e);
        } catch (java.io.IOException e) {
            failed(ids, message.attempts(), new DingTalkException("Unreadable card row: " + e.getMessage(), null, false));
        }
    }

    private static Map<String, String> strings(com.fasterxml.jackson.databind.JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    /**
     * Marks sent rows, trying again while the database is away or picks this node as a
     * deadlock's loser, until {@code until} ({@link System#nanoTime()}: half the claim time,
     * so that no node has released the rows yet). Past it the rows stay claimed,
     * go back to the queue when the claim expires and are sent again: DingTalk drops the same
     * content to the same person on the same day.
     */
    private void markSent(List<Long> ids, String task, long until) {
        markSent(ids, task, until, () -> {
        });
    }

    /** Marks sent rows and, in the same transaction, does what follows from their sending. */
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

    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void prune() {
        throttle.prune();
    }

    private static int maxAttempts(List<OutboxMessage> group) {
        return group.stream().mapToInt(OutboxMessage::attempts).max().orElse(0);
    }

    private static String abbreviate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}
