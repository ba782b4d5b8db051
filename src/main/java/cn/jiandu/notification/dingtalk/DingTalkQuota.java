package cn.jiandu.notification.dingtalk;

import java.time.Clock;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.time.Times;

/**
 * The organisation's metered DingTalk calls (计量调用) this month: DingTalk's standard edition
 * allows {@code jiandu.dingtalk.monthly-quota} (5,000) a month for to-dos, cards, work
 * notifications and DING together; tokens, 免登, user look-ups and getsendresult are free.
 * Every metered call is counted in the database ({@code dingtalk_quota}, month in China's
 * time, per API; all nodes add to the same rows) and in the node's counter
 * {@code jiandu.dingtalk.calls} (Prometheus: {@code jiandu_dingtalk_calls_total}, tag api).
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

    /**
     * Counts one metered call to DingTalk (made, whatever its answer): {@code api} names it,
     * e.g. asyncsend_v2, todo.create. Warns once a month when the warning share is crossed.
     */
    public void count(String api) {
        String month = month();
        counters.computeIfAbsent(api, name -> Counter.builder("jiandu.dingtalk.calls").tag("api", name)
                .description("Metered DingTalk calls this node made").register(meters)).increment();
        try {
            tx.executeWithoutResult(status -> {
                if (mapper.increment(month, api) == 0) {
                    try {
                        mapper.insert(month, api);
                    } catch (DuplicateKeyException another) {
                        // another node counted the month's first call of this API at the same moment
                        mapper.increment(month, api);
                    }
                }
            });
        } catch (DataAccessException e) {
            log.warn("A metered DingTalk call ({}) could not be counted: {}", api, e.toString());
            return;
        }
        warnIfNear();
    }

    /** False once the month's quota is used up: to-dos and cards wait, work notifications go on. */
    public boolean allowsTodosAndCards() {
        return usage().calls() < properties.monthlyQuota();
    }

    /** Whether the administrator should be warned: the month's use at or above the warning share. */
    public boolean nearLimit() {
        return usage().ratio() >= properties.quotaWarnRatio();
    }

    /** This month's use, per API too. */
    public Usage usage() {
        String month = month();
        List<QuotaMapper.ApiCalls> rows = mapper.month(month);
        Map<String, Long> byApi = new LinkedHashMap<>();
        long calls = 0;
        for (QuotaMapper.ApiCalls row : rows) {
            byApi.put(row.api(), row.calls());
            calls += row.calls();
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
