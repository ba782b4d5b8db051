package cn.jiandu.detection;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Service;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.time.Times;
import cn.jiandu.calendar.WorkCalendar;
import cn.jiandu.level.Level;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.web.ConflictException;

/**
 * Runs the rules: evaluates every rule at the app's clock, opens a problem for each new
 * finding, raises the problem of a finding that grew worse, and records the findings that
 * later data shows rectified. One run at a time across all nodes (a lease in
 * detection_lock); a scheduled run claims its slot first, so that one node runs it.
 * <p>
 * The first run, and any run asked to, reads the whole ledgers (FULL). Later runs are
 * INCREMENTAL: a rule reads only what can have changed its verdict since the last run: the
 * records written by imports that run had not seen, the records whose deadline passed in
 * between, and the records with open findings; so a run costs what changed, not the
 * history. A clock moved back before the last run (demo, tests) makes a full run. A run
 * judges as of the start of the minute it runs in.
 */
@Service
class DetectionRuns {

    private static final Logger log = LoggerFactory.getLogger(DetectionRuns.class);

    static final String LOCK = "rules";
    private static final int KEY_BATCH = 1000;
    private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm");
    /** How far a working-day period may reach past its calendar days (WorkingDays' window). */
    private static final int WORKING_DAYS_SLACK = 31;

    private final DetectionMapper mapper;
    private final LedgerMapper ledgers;
    private final FindingActions actions;
    private final OrganisationService organisation;
    private final WorkCalendar calendar;
    private final DetectionProperties properties;
    private final Clock clock;
    private final ObjectMapper json;
    /** Registers the problems of new findings, jiandu.detection.open-threads at a time. */
    private final ExecutorService openers;

    DetectionRuns(DetectionMapper mapper, LedgerMapper ledgers, FindingActions actions,
            OrganisationService organisation, WorkCalendar calendar, DetectionProperties properties, Clock clock,
            ObjectMapper json) {
        this.mapper = mapper;
        this.ledgers = ledgers;
        this.actions = actions;
        this.organisation = organisation;
        this.calendar = calendar;
        this.properties = properties;
        this.clock = clock;
        this.json = json;
        CustomizableThreadFactory threads = new CustomizableThreadFactory("detection-open-");
        threads.setDaemon(true);
        this.openers = Executors.newFixedThreadPool(properties.openThreads(), threads);
    }

    @PreDestroy
    void stop() {
        openers.shutdown();
    }

    /** What a run did, as POST /api/detection/runs answers. */
    record Result(long runId, java.time.OffsetDateTime asOf, String mode, Map<String, Integer> findings, int opened,
            int raised, int rectified, int failed) {
    }

    /**
     * A run now (POST /api/detection/runs): incremental unless {@code full} or there was no
     * run before. 409 when another run holds the lock.
     */
    Result run(boolean full, String startedBy) {
        String holder = UUID.randomUUID().toString();
        if (!acquire(holder)) {
            throw new ConflictException("规则检测正在进行中，请稍后再试");
        }
        try {
            DetectionMapper.NewRun run = newRun(null, DetectionRun.RUNNING, startedBy);
            mapper.insertRun(run);
            return execute(run.id, full, holder);
        } finally {
            mapper.releaseLock(LOCK, holder);
        }
    }

    /**
     * The scheduled run of a slot (e.g. 2026-03-10T08:00): the node that claims the slot
     * waits for the lock (a manual run may hold it) and runs; the others do nothing.
     */
    Optional<Result> runSlot(String slot, Duration maxWait, Consumer<Duration> sleeper) {
        DetectionMapper.NewRun run = newRun(slot, DetectionRun.WAITING, "schedule");
        try {
            mapper.insertRun(run);
        } catch (DuplicateKeyException e) {
            log.debug("Detection slot {} already claimed by another node", slot);
            return Optional.empty();
        }
        String holder = UUID.randomUUID().toString();
        Instant giveUp = clock.instant().plus(maxWait);
        while (!acquire(holder)) {
            if (!clock.instant().isBefore(giveUp)) {
                mapper.finishRun(run.id, DetectionRun.FAILED, 0, 0, 0, 0, null, "等待其他检测结束超时", clock.instant());
                log.warn("Detection slot {} skipped: the lock stayed taken for {}", slot, maxWait);
                return Optional.empty();
            }
            sleeper.accept(Duration.ofSeconds(5));
        }
        try {
            return Optional.of(execute(run.id, false, holder));
        } finally {
            mapper.releaseLock(LOCK, holder);
        }
    }

    /** The slot of a cron schedule that fires now, or fired at most 10 minutes ago (clocks of nodes differ a bit). */
    static String slotOf(String cron, ZonedDateTime now) {
        ZonedDateTime fire = CronExpression.parse(cron).next(now.minusMinutes(10));
        return SLOT.format(fire == null || fire.isAfter(now.plusMinutes(10)) ? now : fire);
    }

    Optional<DetectionRun> find(long id) {
        return Optional.ofNullable(mapper.findRun(id));
    }

    List<DetectionRun> recent(int limit) {
        return mapper.recentRuns(limit);
    }

    List<Finding> findings(Rule rule, String unitCode, String status, int limit) {
        return mapper.findings(rule == null ? null : rule.name(), unitCode, status, limit);
    }

    private DetectionMapper.NewRun newRun(String slot, String status, String startedBy) {
        DetectionMapper.NewRun run = new DetectionMapper.NewRun();
        run.slotKey = slot;
        run.mode = DetectionRun.FULL;
        run.status = status;
        run.asOf = clock.instant();
        run.startedBy = startedBy;
        return run;
    }

    private boolean acquire(String holder) {
        Instant now = clock.instant();
        return mapper.acquireLock(LOCK, holder, now.plus(properties.lockLease()), now) == 1;
    }

    private void renew(String holder) {
        if (mapper.renewLock(LOCK, holder, clock.instant().plus(properties.lockLease())) == 0) {
            log.warn("Detection run lost its lock (lease {} passed); findings stay unique by their keys",
                    properties.lockLease());
        }
    }

    private Result execute(long runId, boolean full, String holder) {
        // as of the start of the minute: what a run finds does not depend on the seconds it
        // took to start (a scheduled run judges as of 08:00:00)
        Instant now = clock.instant().truncatedTo(ChronoUnit.MINUTES);
        Counts counts = new Counts();
        Map<String, Integer> found = new LinkedHashMap<>();
        try {
            ledgers.failAbandoned(now.minus(properties.abandonedImportAfter()), now);
            long mark = ledgers.endedMark();
            DetectionRun last = full ? null : mapper.lastDone();
            boolean incremental = last != null && !now.isBefore(last.asOf());
            String mode = incremental ? DetectionRun.INCREMENTAL : DetectionRun.FULL;
            mapper.startRun(runId, mode, now, last == null ? null : last.asOf(), mark);
            Map<String, String> officers = new HashMap<>();
            for (Officer officer : organisation.officers(null, null)) {
                officers.put(officer.officerNo(), officer.unitCode());
            }
            Context context = new Context(now, incremental, incremental ? last.asOf() : null,
                    incremental ? last.importMark() : 0, officers, holder);
            for (Rule rule : Rule.values()) {
                DetectionProperties.RuleSettings settings = properties.rule(rule);
                if (!settings.on()) {
                    continue;
                }
                found.put(rule.name(), evaluate(rule, settings, context, counts));
                renew(holder);
            }
            mapper.finishRun(runId, DetectionRun.DONE, counts.opened, counts.raised, counts.rectified, counts.failed,
                    summary(found), null, clock.instant());
            log.info("Detection run {} ({}) as of {}: found {}, opened {}, raised {}, rectified {}, failed {}; "
                    + "rules {} ms, problems {} ms", runId, mode, Times.china(now), found, counts.opened, counts.raised,
                    counts.rectified, counts.failed, counts.ruleNanos / 1_000_000, counts.problemNanos / 1_000_000);
            return new Result(runId, Times.china(now), mode, found, counts.opened, counts.raised, counts.rectified,
                    counts.failed);
        } catch (RuntimeException e) {
            log.error("Detection run {} failed", runId, e);
            mapper.finishRun(runId, DetectionRun.FAILED, counts.opened, counts.raised, counts.rectified, counts.failed,
                    summary(found), abbreviate(String.valueOf(e.getMessage())), clock.instant());
            throw e;
        }
    }

    record Context(Instant now, boolean incremental, Instant since, long importMark,
            Map<String, String> officers, String holder) {
    }

    private static final class Counts {
        int opened;
        int raised;
        int rectified;
        int failed;
        /** Time spent reading and judging the ledgers, and opening and raising problems. */
        long ruleNanos;
        long problemNanos;
    }

    /** A record the rule finds now, and what its thresholds make of it. */
    private record Sighting(Candidate record, Thresholds.Evaluation evaluation) {
    }

    /** One rule over the ledgers; returns how many findings it saw. */
    private int evaluate(Rule rule, DetectionProperties.RuleSettings settings, Context context, Counts counts) {
        long started = System.nanoTime();
        Instant now = context.now();
        Thresholds exact = new Thresholds(settings.unit(), settings.levels(), workingDays(calendar));
        RuleQuery query = query(rule, settings, exact, context);
        List<Candidate> records = select(rule, query);
        Thresholds thresholds = settings.unit() == ThresholdUnit.WORKING_DAYS && !records.isEmpty() && !rule.isLead()
                ? new Thresholds(settings.unit(), settings.levels(), workingDays(preloaded(records, settings)))
                : exact;

        Map<String, Sighting> seen = new LinkedHashMap<>();
        for (Candidate record : records) {
            Thresholds.Evaluation evaluation = rule.isLead()
                    ? thresholds.expiring(record.startAt(), record.done(), now)
                    : thresholds.late(record.startAt(), record.done(), now);
            if (evaluation != null) {
                seen.putIfAbsent(record.recordKey(), new Sighting(record, evaluation));
            }
        }

        Map<String, Finding> known = new HashMap<>();
        for (Finding finding : mapper.openFindings(rule.name())) {
            known.put(finding.recordKey(), finding);
        }
        List<String> unknown = seen.keySet().stream().filter(k -> !known.containsKey(k)).toList();
        for (List<String> batch : batches(unknown)) {
            mapper.findingsOf(rule.name(), batch).forEach(f -> known.put(f.recordKey(), f));
        }

        List<String> stillSeen = new ArrayList<>();
        Set<String> rectify = new HashSet<>();
        List<String> reopen = new ArrayList<>();
        List<Sighting> open = new ArrayList<>();
        Map<Finding, Level> worse = new LinkedHashMap<>();
        int count = 0;
        for (Map.Entry<String, Sighting> entry : seen.entrySet()) {
            Finding finding = known.get(entry.getKey());
            Thresholds.Evaluation evaluation = entry.getValue().evaluation();
            if (finding == null) {
                if (evaluation.mayOpen()) {
                    open.add(entry.getValue());
                    count++;
                }
                continue;
            }
            count++;
            if (!current(finding, now)) {
                continue;
            }
            stillSeen.add(entry.getKey());
            if (evaluation.outstanding() && !finding.isOpen()) {
                reopen.add(entry.getKey());
            } else if (!evaluation.outstanding() && finding.isOpen()) {
                rectify.add(entry.getKey());
            }
            if (evaluation.level().compareTo(finding.level()) > 0) {
                worse.put(finding, evaluation.level());
            }
        }
        // an open finding the rule no longer finds was rectified: its record was read (the
        // query reads every record with an open finding) and its step is done in time now
        for (Finding finding : known.values()) {
            if (finding.isOpen() && !seen.containsKey(finding.recordKey()) && current(finding, now)) {
                rectify.add(finding.recordKey());
            }
        }

        for (List<String> batch : batches(stillSeen)) {
            mapper.markSeen(rule.name(), batch, now);
        }
        for (List<String> batch : batches(rectify)) {
            counts.rectified += mapper.rectify(rule.name(), batch, now);
        }
        for (List<String> batch : batches(reopen)) {
            mapper.reopen(rule.name(), batch);
        }
        long judged = System.nanoTime();
        counts.ruleNanos += judged - started;
        log.debug("Rule {} ({}): {} records read, {} findings, {} ms", rule, context.incremental() ? "incremental" : "full",
                records.size(), count, (judged - started) / 1_000_000);
        for (Map.Entry<Finding, Level> entry : worse.entrySet()) {
            Finding finding = entry.getKey();
            boolean outstanding = seen.get(finding.recordKey()).evaluation().outstanding();
            if (!outstanding) {
                mapper.updateLevel(rule.name(), finding.recordKey(), entry.getValue());
            } else if (actions.raise(finding, entry.getValue(), Wording.raiseReason(rule, settings, entry.getValue()))) {
                counts.raised++;
            }
        }
        // each problem is registered in a transaction of its own, several at a time: a full
        // run over a million rows opens thousands (bench/results.md, B3)
        List<Future<?>> opening = new ArrayList<>();
        for (Sighting sighting : open) {
            Candidate record = sighting.record();
            String officer = record.officerNo() != null && record.unitCode().equals(context.officers().get(record.officerNo()))
                    ? record.officerNo() : null;
            opening.add(openers.submit(() -> actions.open(rule, record, sighting.evaluation(), officer,
                    Wording.title(rule, record),
                    Wording.description(rule, settings, record, sighting.evaluation(), now), now)));
        }
        int sinceRenewal = 0;
        for (int i = 0; i < opening.size(); i++) {
            try {
                opening.get(i).get();
                counts.opened++;
            } catch (ExecutionException e) {
                counts.failed++;
                log.warn("Finding {}:{} not opened; the next run tries again: {}", rule,
                        open.get(i).record().recordKey(), e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                opening.forEach(f -> f.cancel(false));
                throw new IllegalStateException("Detection run interrupted while opening problems", e);
            }
            if (++sinceRenewal == 100) {
                renew(context.holder());
                sinceRenewal = 0;
            }
        }
        counts.problemNanos += System.nanoTime() - judged;
        return count;
    }

    /**
     * Whether a run at {@code now} may change the finding: not when the clock was moved back
     * before the run that last saw it (demo, tests), whose verdict was later and stands.
     */
    private static boolean current(Finding finding, Instant now) {
        Instant latest = finding.lastSeenAt();
        if (finding.rectifiedAt() != null && (latest == null || finding.rectifiedAt().isAfter(latest))) {
            latest = finding.rectifiedAt();
        }
        return latest == null || !now.isBefore(latest);
    }

    private List<Candidate> select(Rule rule, RuleQuery query) {
        return switch (rule) {
            case ADMIN_INCIDENT_NOT_ACCEPTED -> mapper.adminIncidentsNotAccepted(query);
            case CRIMINAL_INCIDENT_NOT_FILED -> mapper.criminalIncidentsNotFiled(query);
            case INCIDENT_NOT_DIVERTED -> mapper.incidentsNotDiverted(query);
            case ACCEPTANCE_WITHOUT_RECEIPT -> mapper.acceptancesWithoutReceipt(query);
            case FILING_WITHOUT_NOTICE -> mapper.filingsWithoutNotice(query);
            case MEASURE_OVERDUE -> mapper.measuresOverdue(query);
            case MEASURE_EXPIRING -> mapper.measuresExpiring(query);
        };
    }

    /**
     * The query of a rule at now. A lateness rule reads the records whose period started
     * more than its shortest threshold ago (counted in calendar days: working days only
     * make the period longer, Java filters those exactly); incrementally also those whose
     * deadline passed since the last run: started between since − threshold and now −
     * threshold (for working days, from the first start date whose deadline had not passed at
     * the last run: {@link #firstStartDueBy}). A lead rule reads the measures ending by now + lead, and
     * incrementally those whose horizon was passed since the last run.
     */
    static RuleQuery query(Rule rule, DetectionProperties.RuleSettings settings, Thresholds thresholds,
            Context context) {
        Instant now = context.now();
        List<RuleQuery.Window> windows = new ArrayList<>();
        if (rule.isLead()) {
            Instant horizon = thresholds.horizon(now);
            if (context.incremental()) {
                windows.add(new RuleQuery.Window(thresholds.horizon(context.since()), horizon));
            }
            return new RuleQuery(rule.name(), now, horizon, 0, context.incremental(), context.importMark(), windows);
        }
        int first = settings.first();
        long seconds = settings.unit().seconds(first);
        Instant cutoff = now.minusSeconds(seconds);
        if (context.incremental()) {
            Instant from = settings.unit() == ThresholdUnit.WORKING_DAYS
                    ? firstStartDueBy(thresholds, first, context.since())
                    : context.since().minusSeconds(seconds);
            if (!from.isAfter(cutoff)) {
                windows.add(new RuleQuery.Window(from, cutoff));
            }
        }
        return new RuleQuery(rule.name(), now, cutoff, seconds, context.incremental(), context.importMark(), windows);
    }

    /**
     * The start of the earliest day whose period of {@code days} working days ends at or after
     * {@code since}: a record started before it was late already at the last run, which saw
     * it. A deadline depends on the start's date alone and never falls earlier for a later
     * date, so the days are walked back from the last run's date, at most as far as the
     * longest run of holidays can stretch the period (then the window is as wide as it can be).
     */
    static Instant firstStartDueBy(Thresholds thresholds, int days, Instant since) {
        LocalDate day = since.atZone(Times.CHINA).toLocalDate();
        for (int i = 0; i < 2 * days + WORKING_DAYS_SLACK + 1; i++) {
            LocalDate before = day.minusDays(1);
            if (thresholds.deadline(before.atStartOfDay(Times.CHINA).toInstant(), days).isBefore(since)) {
                break;
            }
            day = before;
        }
        return day.atStartOfDay(Times.CHINA).toInstant();
    }

    /** The calendar over the candidates' start dates and the periods after them, read once. */
    private WorkCalendar preloaded(List<Candidate> records, DetectionProperties.RuleSettings settings) {
        ZoneId zone = Times.CHINA;
        LocalDate first = null;
        LocalDate last = null;
        for (Candidate record : records) {
            LocalDate day = record.startAt().atZone(zone).toLocalDate();
            first = first == null || day.isBefore(first) ? day : first;
            last = last == null || day.isAfter(last) ? day : last;
        }
        return calendar.preload(first, last.plusDays(2L * settings.largest() + WORKING_DAYS_SLACK + 1));
    }

    /** Working-day deadlines, by start date (the time of day does not change them), computed once each. */
    private static Thresholds.WorkingDays workingDays(WorkCalendar calendar) {
        Map<String, Instant> computed = new HashMap<>();
        return (from, days) -> {
            ZonedDateTime start = from.atZone(Times.CHINA);
            return computed.computeIfAbsent(start.toLocalDate() + "+" + days,
                    k -> calendar.deadline(start, days, PeriodUnit.WORKING_DAYS).toInstant());
        };
    }

    private String summary(Map<String, Integer> found) {
        try {
            return abbreviate(json.writeValueAsString(found));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 1000 ? text.substring(0, 999) + "…" : text;
    }

    private static List<List<String>> batches(Collection<String> keys) {
        List<String> all = new ArrayList<>(keys);
        List<List<String>> batches = new ArrayList<>();
        for (int i = 0; i < all.size(); i += KEY_BATCH) {
            batches.add(all.subList(i, Math.min(all.size(), i + KEY_BATCH)));
        }
        return batches;
    }
}
