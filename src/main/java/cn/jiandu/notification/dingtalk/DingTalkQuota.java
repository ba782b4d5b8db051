package cn.jiandu.notification.dingtalk;

import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.time.Times;

/**
 * The organisation's metered DingTalk calls (计量调用) this month: DingTalk's standard edition
 * allows {@code jiandu.dingtalk.monthly-quota} (5,000) a month for to-dos, cards, work
 * notifications and DING together; tokens, 免登, user look-ups and getsendresult are free.
 * Every metered call is counted in the node's memory, per month (China's time) and API, and
 * added to the database ({@code dingtalk_quota}; all nodes add to the same rows) every
 * {@code jiandu.dingtalk.quota-flush-interval} (5 s) and when the node stops, so that the send
 * path does not write the database once a call; a node that dies loses at most the calls of its
 * last few seconds. The checks read the table plus what this node has not added yet. Counted
 * too in the node's counter {@code jiandu.dingtalk.calls} (Prometheus:
 * {@code jiandu_dingtalk_calls_total}, tag api).
 * At the warning share (80 %) the administrator is warned (log once a month per node, the
 * gauge {@code jiandu.dingtalk.quota.used}, the problem page's banner); at 100 % to-dos and
 * cards stop ({@link #allowsTodosAndCards()}) so that work notifications, the messages that
 * matter most, keep going until DingTalk itself refuses them.
 */
@Component
public class DingTalkQuota {

    private static final Logger log = LoggerFactory.getLogger(DingTalkQuota.class);

    /** The month's use of the quota. */
    public record Usage(String month, long calls, long quota, double ratio, Map<String, Long> byApi) {

        /** The share in whole per cent, e.g. 80. */
        public long percent() {
            return Math.round(ratio * 100);
        }
    }

    private final QuotaMapper mapper;
    private final QuotaProperties properties;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    /** calls counted on this node and not yet added to the table, per month and API */
    private final Map<Tally, AtomicLong> unflushed = new ConcurrentHashMap<>();
    /** the month this node last warned of (a warning a month per node) */
    private final AtomicReference<String> warned = new AtomicReference<>();

    DingTalkQuota(QuotaMapper mapper, QuotaProperties properties, Clock clock, PlatformTransactionManager transactions,
            MeterRegistry meters) {
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.meters = meters;
        Gauge.builder("jiandu.dingtalk.quota.used", this, DingTalkQuota::ratioOrNaN)
                .description("Share of the monthly DingTalk quota of metered calls used this month (1 = all)")
                .register(meters);
    }

    /** A month's calls of one API. */
    private record Tally(String month, String api) {
    }

    /**
     * Counts one metered call to DingTalk (made, whatever its answer): {@code api} names it,
     * e.g. asyncsend_v2, todo.create. In memory; {@link #flush} adds it to the table.
     */
    public void count(String api) {
        counters.computeIfAbsent(api, name -> Counter.builder("jiandu.dingtalk.calls").tag("api", name)
                .description("Metered DingTalk calls this node made").register(meters)).increment();
        unflushed.computeIfAbsent(new Tally(month(), api), k -> new AtomicLong()).incrementAndGet();
    }

    /**
     * Adds the calls counted here since the last flush to the table ({@code calls = calls + n},
     * so that the nodes add up) and warns once a month when the warning share is crossed. What
     * cannot be written now stays for the next flush. A call counted while it runs is kept for
     * the next one; until its row is written a flushed figure counts in both places (never less).
     */
    @Scheduled(fixedDelayString = "${jiandu.dingtalk.quota-flush-interval:PT5S}",
            initialDelayString = "${jiandu.dingtalk.quota-flush-interval:PT5S}")
    @PreDestroy
    public synchronized void flush() {
        boolean added = false;
        for (Map.Entry<Tally, AtomicLong> entry : unflushed.entrySet()) {
            long calls = entry.getValue().get();
            if (calls == 0) {
                continue;
            }
            Tally tally = entry.getKey();
            try {
                tx.executeWithoutResult(status -> add(tally, calls));
            } catch (DataAccessException e) {
                log.warn("{} metered DingTalk call(s) ({}) not yet added to the month's count; trying again: {}",
                        calls, tally.api(), e.toString());
                continue;
            }
            entry.getValue().addAndGet(-calls);
            added = true;
        }
        // no call is counted any more in a month before the last one
        String last = YearMonth.parse(month()).minusMonths(1).toString();
        unflushed.entrySet().removeIf(e -> e.getKey().month().compareTo(last) < 0 && e.getValue().get() == 0);
        if (!added) {
            return;
        }
        try {
            warnIfNear();
        } catch (DataAccessException e) {
            log.warn("The month's DingTalk quota could not be read: {}", e.toString());
        }
    }

    private void add(Tally tally, long calls) {
        if (mapper.add(tally.month(), tally.api(), calls) == 0) {
            try {
                mapper.insert(tally.month(), tally.api(), calls);
            } catch (DuplicateKeyException another) {
                // another node added the month's first calls of this API at the same moment
                mapper.add(tally.month(), tally.api(), calls);
            }
        }
    }

    /** False once the month's quota is used up: to-dos and cards wait, work notifications go on. */
    public boolean allowsTodosAndCards() {
        return usage().calls() < properties.monthlyQuota();
    }

    /** Whether the administrator should be warned: the month's use at or above the warning share. */
    public boolean nearLimit() {
        return usage().ratio() >= properties.quotaWarnRatio();
    }

    /** This month's use, per API too: the table's and what this node has not added to it yet. */
    public Usage usage() {
        String month = month();
        List<QuotaMapper.ApiCalls> rows = mapper.month(month);
        Map<String, Long> byApi = new LinkedHashMap<>();
        long calls = 0;
        for (QuotaMapper.ApiCalls row : rows) {
            byApi.put(row.api(), row.calls());
            calls += row.calls();
        }
        for (Map.Entry<Tally, AtomicLong> entry : unflushed.entrySet()) {
            long here = entry.getValue().get();
            if (entry.getKey().month().equals(month) && here > 0) {
                byApi.merge(entry.getKey().api(), here, Long::sum);
                calls += here;
            }
        }
        long quota = properties.monthlyQuota();
        return new Usage(month, calls, quota, (double) calls / quota, byApi);
    }

    private void warnIfNear() {
        Usage usage = usage();
        if (usage.ratio() >= properties.quotaWarnRatio()) {
            String month = usage.month();
            String before = warned.getAndSet(month);
            if (!month.equals(before)) {
                log.warn("DingTalk quota: {} of {} metered calls used in {} ({} %); at 100 % to-dos and cards stop, "
                        + "work notifications go on", usage.calls(), usage.quota(), month, usage.percent());
            }
        }
    }

    private double ratioOrNaN() {
        try {
            return usage().ratio();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private String month() {
        return YearMonth.from(clock.instant().atZone(Times.CHINA)).toString();
    }
}
