package cn.jiandu.calendar;

import cn.jiandu.time.Times;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import jakarta.annotation.PostConstruct;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The one time source of the app, in China time: the system clock plus an offset that is
 * always 0 in production. With jiandu.clock.adjustable=true (demo and test runs only) an
 * administrator moves the time (POST /api/admin/clock) to show or test what happens
 * days later; Camunda's clock (ClockUtil) moves by the same offset and keeps running, so
 * timers due by then fire. The offset is kept in table app_clock and loaded at start, so a
 * restart or a node started later sees the same time; a node already running keeps its
 * own offset until it restarts. Inject this instead of calling Instant.now() or
 * LocalDate.now() without a clock.
 * <p>
 * Not transactional on purpose (one statement each): a proxy would sit in front of
 * every millis() call.
 */
@Component
public class AppClock extends Clock {

    /**
     * The years the app's dates may be in: the calendar, the clock, the reports' and the
     * statistics' periods. Outside them a date is a typing error, and near the ends of
     * java.time's range it would overflow.
     */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2999;

    /** Whether a year is one the app's dates may be in. */
    public static boolean isInRange(int year) {
        return year >= FIRST_YEAR && year <= LAST_YEAR;
    }

    /** The range as the error messages print it: 1900–2999. */
    public static String range() {
        return FIRST_YEAR + "–" + LAST_YEAR;
    }

    private static final Logger log = LoggerFactory.getLogger(AppClock.class);

    private final ZoneId zone = Times.CHINA;
    private final boolean adjustable;
    private final ClockMapper mapper;
    private final ObjectProvider<ProcessEngine> engine;
    private volatile long offsetMillis;

    AppClock(ClockProperties properties, ClockMapper mapper, ObjectProvider<ProcessEngine> engine) {
        this.adjustable = properties.adjustable();
        this.mapper = mapper;
        this.engine = engine;
    }

    @PostConstruct
    void load() {
        if (!adjustable) {
            // production: system time, whatever a demo run may have left in app_clock
            apply(0);
            return;
        }
        Long stored = mapper.findOffset();
        apply(stored == null ? 0 : stored);
        log.warn("Adjustable clock is on (jiandu.clock.adjustable=true: demo and test only); now {} (offset {} ms)",
                ZonedDateTime.now(this), offsetMillis);
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return zone.equals(other) ? this : new Zoned(this, other);
    }

    @Override
    public long millis() {
        return System.currentTimeMillis() + offsetMillis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    public boolean isAdjustable() {
        return adjustable;
    }

    /**
     * Moves the time of the app and of Camunda so that now is {@code now}, then wakes the
     * job executor so that timers due by then fire. Moving backwards is allowed (tests need
     * to return), but what already happened stays: fired timers do not come back, and
     * history may show later steps with earlier times.
     *
     * @throws IllegalStateException when the clock is not adjustable
     */
    public void setNow(Instant now) {
        if (!adjustable) {
            throw new IllegalStateException("The clock is not adjustable (jiandu.clock.adjustable=false)");
        }
        long offset = now.toEpochMilli() - System.currentTimeMillis();
        store(offset);
        apply(offset);
        log.warn("Clock moved to {} (offset {} ms)", ZonedDateTime.now(this), offset);
        wakeJobExecutor();
    }

    /** Back to system time, for tests; stored when adjustable so that other runs start from it. */
    public void reset() {
        if (adjustable) {
            store(0);
        }
        apply(0);
    }

    private void store(long offset) {
        if (mapper.updateOffset(offset) == 0) {
            mapper.insertOffset(offset);
        }
    }

    private synchronized void apply(long offset) {
        offsetMillis = offset;
        if (offset == 0) {
            ClockUtil.reset();
        } else {
            ClockUtil.offset(offset);
        }
    }

    private void wakeJobExecutor() {
        ProcessEngine processEngine = engine.getIfAvailable();
        if (processEngine != null
                && processEngine.getProcessEngineConfiguration() instanceof ProcessEngineConfigurationImpl config) {
            JobExecutor jobs = config.getJobExecutor();
            if (jobs != null) {
                jobs.jobWasAdded();
            }
        }
    }

    /** This clock seen from another time zone: same instant, offset changes included. */
    private static final class Zoned extends Clock {
        private final AppClock base;
        private final ZoneId zone;

        Zoned(AppClock base, ZoneId zone) {
            this.base = base;
            this.zone = zone;
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return base.withZone(other);
        }

        @Override
        public long millis() {
            return base.millis();
        }

        @Override
        public Instant instant() {
            return base.instant();
        }
    }
}
