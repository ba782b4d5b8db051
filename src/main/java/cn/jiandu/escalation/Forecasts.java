package cn.jiandu.escalation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.calendar.WorkCalendar;
import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.notification.Notifications;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.time.Times;

/**
 * The forecast (预测) of what the open problems' timers will do, day by day and unit by unit:
 * reminders, urgings (催办), supervisions (督办), level raises and the DingTalk messages they
 * write; and the same under a candidate deadlines.dmn, with the deadlines each problem would
 * have. Reads the engine and the problems, changes nothing; the simulation itself is
 * {@link ForecastSimulation}.
 */
@Service
public class Forecasts {

    /** The timers of rectification.bpmn the forecast follows, by their BPMN ids. */
    static final String TIMER_SIGN_URGE = "Timer_SignUrge";
    static final String TIMER_SIGN_OVERDUE = "Timer_SignOverdue";
    static final String TIMER_REMIND = "Timer_Remind";
    static final String TIMER_URGE = "Timer_Urge";
    static final String TIMER_SUPERVISE = "Timer_Supervise";
    private static final Map<String, NotificationStep> NOTICE_TIMERS = Map.of(
            "Timer_ReviewOverdue", NotificationStep.REVIEW_OVERDUE,
            "Timer_ReviewChase", NotificationStep.REVIEW_CHASE,
            "Timer_TalkOverdue", NotificationStep.TALK_OVERDUE,
            "Timer_InterviewOverdue", NotificationStep.TALK_OVERDUE,
            "Timer_InstructionOverdue", NotificationStep.INSTRUCTION_OVERDUE);
    private static final int PAGE = 500;

    /** How many each kind of step a day and unit brings. */
    public record Counts(int reminders, int urgings, int supervisions, int raises, int dingTalkMessages) {
        static final Counts ZERO = new Counts(0, 0, 0, 0, 0);

        Counts plus(Counts o) {
            return new Counts(reminders + o.reminders, urgings + o.urgings, supervisions + o.supervisions,
                    raises + o.raises, dingTalkMessages + o.dingTalkMessages);
        }

        Counts minus(Counts o) {
            return new Counts(reminders - o.reminders, urgings - o.urgings, supervisions - o.supervisions,
                    raises - o.raises, dingTalkMessages - o.dingTalkMessages);
        }
    }

    public record UnitCounts(String unitCode, String unitName, int reminders, int urgings, int supervisions,
            int raises, int dingTalkMessages) {
        Counts counts() {
            return new Counts(reminders, urgings, supervisions, raises, dingTalkMessages);
        }
    }

    public record Day(LocalDate date, List<UnitCounts> units, Counts total) {
    }

    /** The answer of GET /api/admin/forecast: every day of the range, its units (those with something), totals. */
    public record Forecast(LocalDate from, LocalDate to, List<Day> days, Counts total) {
    }

    /** A problem's deadlines: signing (null once signed), rectification, end of the grace time. */
    public record Deadlines(Instant signDue, Instant rectifyDue, Instant graceDue) {
    }

    public record ProblemDeadlines(long problemId, String title, String unitCode, String unitName, Level level,
            Deadlines current, Deadlines candidate, boolean changed) {
    }

    public record Comparison(Forecast current, Forecast candidate, Forecast difference) {
    }

    /** The answer of POST /api/admin/forecast/deadlines. */
    public record CandidateForecast(List<ProblemDeadlines> problems, Comparison forecast) {
    }

    private final ProblemService problems;
    private final OrganisationService organisation;
    private final EscalationService escalation;
    private final ProblemClocks problemClocks;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final WorkCalendar calendar;
    private final Notifications notifications;
    private final Clock clock;

    Forecasts(ProblemService problems, OrganisationService organisation, EscalationService escalation,
            ProblemClocks problemClocks, ManagementService management, RuntimeService runtime, WorkCalendar calendar,
            Notifications notifications, Clock clock) {
        this.problems = problems;
        this.organisation = organisation;
        this.escalation = escalation;
        this.problemClocks = problemClocks;
        this.management = management;
        this.runtime = runtime;
        this.calendar = calendar;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** What the open problems' timers will do from {@code from} to {@code to} (dates in China, both included). */
    @Transactional(readOnly = true)
    public Forecast forecast(LocalDate from, LocalDate to) {
        Run run = new Run(from, to);
        return run.forecast(open(false).stream().map(o -> o.start).toList());
    }

    /**
     * The open problems' deadlines now and under a candidate's rules ({@code rulesOf} gives a
     * category's rule for every level), and the forecast of both. Nothing is deployed.
     */
    @Transactional(readOnly = true)
    CandidateForecast candidate(Function<String, Map<Level, DeadlineRule>> rulesOf, LocalDate from,
            LocalDate to) {
        Run run = new Run(from, to);
        List<ProblemDeadlines> rows = new ArrayList<>();
        List<ForecastSimulation.Start> current = new ArrayList<>();
        List<ForecastSimulation.Start> candidate = new ArrayList<>();
        Map<String, Map<Level, DeadlineRule>> byCategory = new HashMap<>();
        for (Open open : open(true)) {
            Map<Level, DeadlineRule> rules = byCategory.computeIfAbsent(open.problem.category(), rulesOf);
            ForecastSimulation.Start now = open.start;
            Deadlines before = new Deadlines(now.signed() ? null : open.problem.signDeadline(), now.rectifyDue(),
                    open.graceDue);
            Candidate under = underCandidate(open, rules.get(open.problem.level()), rules, before);
            current.add(now);
            candidate.add(under.start());
            rows.add(new ProblemDeadlines(open.problem.id(), open.problem.title(), open.problem.unitCode(),
                    run.unitName(open.problem.unitCode()), open.problem.level(), before, under.deadlines(),
                    !before.equals(under.deadlines())));
        }
        Forecast was = run.forecast(current);
        Forecast would = run.forecast(candidate);
        return new CandidateForecast(rows, new Comparison(was, would, difference(was, would)));
    }

    private record Candidate(ForecastSimulation.Start start, Deadlines deadlines) {
    }

    /**
     * The open problem as the candidate would have clocked it from the start of its current
     * clocks (the level entered, a return, a transfer), its pending timers moved accordingly.
     */
    private Candidate underCandidate(Open open, DeadlineRule rule, Map<Level, DeadlineRule> rules, Deadlines now) {
        ForecastSimulation.Start s = open.start;
        if (open.basis == null || rule == null) {
            return new Candidate(withRules(s, rules, s.signUrge(), s.signSupervise(), s.nextReminder(), s.rectifyDue(),
                    s.urge(), s.supervise()), now);
        }
        ZonedDateTime start = open.basis.start();
        // a pause moved the deadline on: the candidate's moves by as much
        Duration paused = Duration.between(open.basis.ruleDeadline(), open.basis.deadline());
        ZonedDateTime rectifyDue = calendar.deadline(start, rule.periodAmount(), rule.periodUnit())
                .plus(paused.isNegative() ? Duration.ZERO : paused);
        // the sign clock from the moment the current one counts from (its due time less its
        // hours), not from the basis: the two were read a few milliseconds apart
        DeadlineRule locked = s.rules() == null ? null : s.rules().get(s.level());
        ZonedDateTime signStart = now.signDue() == null || locked == null ? start
                : now.signDue().atZone(start.getZone()).minusHours(locked.signHours());
        Clocks clocks = Clocks.withReminders(signStart.plusHours(rule.signHours()),
                signStart.plusHours(rule.signHours() + rule.signGraceHours()), rectifyDue,
                Clocks.grace(rectifyDue, rule, calendar::deadline), rule, start, escalation.reminderCap());
        Instant reminder = null;
        if (s.nextReminder() != null) {
            Instant at = clock.instant();
            reminder = clocks.remindAt().toInstant();
            while (reminder.isBefore(at)) {
                reminder = reminder.plus(Duration.ofHours(rule.reminderIntervalHours()));
            }
        }
        Deadlines deadlines = new Deadlines(s.signed() ? null : clocks.signDue().toInstant(),
                clocks.rectifyDue().toInstant(), clocks.graceDue().toInstant());
        return new Candidate(withRules(s, rules, s.signUrge() == null ? null : clocks.signDue().toInstant(),
                s.signSupervise() == null ? null : clocks.signGraceDue().toInstant(), reminder,
                clocks.rectifyDue().toInstant(), s.urge() == null ? null : clocks.rectifyDue().toInstant(),
                s.supervise() == null ? null : clocks.graceDue().toInstant()), deadlines);
    }

    private static ForecastSimulation.Start withRules(ForecastSimulation.Start s, Map<Level, DeadlineRule> rules,
            Instant signUrge, Instant signSupervise, Instant reminder, Instant rectifyDue, Instant urge,
            Instant supervise) {
        return new ForecastSimulation.Start(s.problemId(), s.unitCode(), s.officerNo(), s.level(), s.signed(), rules,
                signUrge, signSupervise, reminder, s.remindersSent(), rectifyDue, urge, supervise, s.notices());
    }

    private static Forecast difference(Forecast was, Forecast would) {
        List<Day> days = new ArrayList<>();
        for (int i = 0; i < was.days().size(); i++) {
            Day a = was.days().get(i);
            Day b = would.days().get(i);
            Map<String, UnitCounts> units = new TreeMap<>();
            for (UnitCounts u : b.units()) {
                units.put(u.unitCode(), u);
            }
            for (UnitCounts u : a.units()) {
                UnitCounts other = units.get(u.unitCode());
                Counts d = (other == null ? Counts.ZERO : other.counts()).minus(u.counts());
                units.put(u.unitCode(), unit(u.unitCode(), u.unitName(), d));
            }
            List<UnitCounts> changed = units.values().stream().filter(u -> !u.counts().equals(Counts.ZERO)).toList();
            days.add(new Day(a.date(), changed, b.total().minus(a.total())));
        }
        return new Forecast(was.from(), was.to(), days, would.total().minus(was.total()));
    }

    private static UnitCounts unit(String code, String name, Counts c) {
        return new UnitCounts(code, name, c.reminders(), c.urgings(), c.supervisions(), c.raises(),
                c.dingTalkMessages());
    }

    /** An open problem, its timers as they stand and the basis of its current deadline (null: none known). */
    private record Open(Problem problem, ForecastSimulation.Start start, Instant graceDue,
            ProblemClocks.DeadlineBasis basis) {
    }

    /**
     * The open problems whose clocks run (paused ones: their timers do not fire), each with its
     * pending timer jobs (not suspended, retries left) and the variables of its follow-up.
     */
    private List<Open> open(boolean withBasis) {
        Map<String, String> activityOf = new HashMap<>();
        for (JobDefinition d : management.createJobDefinitionQuery().list()) {
            activityOf.put(d.getId(), d.getActivityId());
        }
        List<Open> open = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Problem> page = problems.openAfter(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            after = page.get(page.size() - 1).id();
            List<Problem> running = page.stream()
                    .filter(p -> p.status() != ProblemStatus.PAUSED && p.level() != null).toList();
            if (running.isEmpty()) {
                continue;
            }
            String[] ids = running.stream().map(Problem::processInstanceId).toArray(String[]::new);
            Map<String, Map<String, Object>> vars = new HashMap<>();
            for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(ids)
                    .variableNameIn(Rectification.DEADLINE_RULES, Rectification.SIGNED, Rectification.REMINDERS_SENT,
                            Rectification.RECTIFY_DUE, Rectification.GRACE_DUE)
                    .disableCustomObjectDeserialization().list()) {
                // the process instance's own variables (the follow-up writes them there)
                if (v.getExecutionId().equals(v.getProcessInstanceId()) || !vars
                        .computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).containsKey(v.getName())) {
                    vars.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(),
                            v.getValue());
                }
            }
            Map<String, List<Job>> jobs = new HashMap<>();
            for (Job job : management.createJobQuery().processInstanceIds(Set.of(ids)).timers().active()
                    .withRetriesLeft().list()) {
                jobs.computeIfAbsent(job.getProcessInstanceId(), k -> new ArrayList<>()).add(job);
            }
            for (Problem p : running) {
                Map<String, Object> v = vars.getOrDefault(p.processInstanceId(), Map.of());
                if (!(v.get(Rectification.DEADLINE_RULES) instanceof String rulesJson)) {
                    continue;
                }
                open.add(open(p, v, rulesJson, jobs.getOrDefault(p.processInstanceId(), List.of()), activityOf,
                        withBasis));
            }
        }
        return open;
    }

    private Open open(Problem p, Map<String, Object> v, String rulesJson, List<Job> jobs,
            Map<String, String> activityOf, boolean withBasis) {
        Map<String, Instant> due = new HashMap<>();
        List<ForecastSimulation.Notice> notices = new ArrayList<>();
        for (Job job : jobs) {
            String activity = activityOf.get(job.getJobDefinitionId());
            if (job.getDuedate() == null || activity == null) {
                continue;
            }
            NotificationStep notice = NOTICE_TIMERS.get(activity);
            if (notice != null) {
                notices.add(new ForecastSimulation.Notice(notice, job.getDuedate().toInstant(),
                        notice == NotificationStep.REVIEW_CHASE));
            } else {
                due.merge(activity, job.getDuedate().toInstant(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        Instant rectifyDue = v.get(Rectification.RECTIFY_DUE) instanceof Date d ? d.toInstant() : null;
        Instant graceDue = v.get(Rectification.GRACE_DUE) instanceof Date d ? d.toInstant() : null;
        int sent = v.get(Rectification.REMINDERS_SENT) instanceof Number n ? n.intValue() : 0;
        ForecastSimulation.Start start = new ForecastSimulation.Start(p.id(), p.unitCode(), p.officerNo(), p.level(),
                Boolean.TRUE.equals(v.get(Rectification.SIGNED)), escalation.rules(rulesJson),
                due.get(TIMER_SIGN_URGE), due.get(TIMER_SIGN_OVERDUE), due.get(TIMER_REMIND), sent, rectifyDue,
                due.get(TIMER_URGE), due.get(TIMER_SUPERVISE), List.copyOf(notices));
        return new Open(p, start, graceDue, withBasis ? problemClocks.deadlineBasis(p).orElse(null) : null);
    }

    /** One forecast's window, its simulation and what it has looked up (recipients, unit names). */
    private final class Run implements ForecastSimulation.Env {
        private final LocalDate from;
        private final LocalDate to;
        private final Instant start;
        private final Instant end;
        private final WorkCalendar days;
        private final Map<String, Integer> recipients = new HashMap<>();
        private final Map<String, String> unitNames = new HashMap<>();

        Run(LocalDate from, LocalDate to) {
            this.from = from;
            this.to = to;
            this.start = from.atStartOfDay(Times.CHINA).toInstant();
            this.end = to.plusDays(1).atStartOfDay(Times.CHINA).toInstant();
            LocalDate today = clock.instant().atZone(Times.CHINA).toLocalDate();
            this.days = calendar.preload(today.isBefore(from) ? today : from, to.plusDays(60));
        }

        Forecast forecast(List<ForecastSimulation.Start> starts) {
            ForecastSimulation simulation = new ForecastSimulation(this);
            Instant now = clock.instant();
            Map<LocalDate, Map<String, Counts>> byDay = new TreeMap<>();
            for (ForecastSimulation.Start s : starts) {
                for (ForecastSimulation.Event e : simulation.run(s, now, end)) {
                    if (!e.at().isBefore(start)) {
                        count(byDay, e.at(), e.unitCode(), kindCounts(e.kind()));
                    }
                    if (e.messages() > 0 && !e.sendAt().isBefore(start) && e.sendAt().isBefore(end)) {
                        count(byDay, e.sendAt(), e.unitCode(), new Counts(0, 0, 0, 0, e.messages()));
                    }
                }
            }
            List<Day> list = new ArrayList<>();
            Counts total = Counts.ZERO;
            for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                Map<String, Counts> units = byDay.getOrDefault(d, Map.of());
                List<UnitCounts> rows = new TreeMap<>(units).entrySet().stream()
                        .map(u -> unit(u.getKey(), unitName(u.getKey()), u.getValue())).toList();
                Counts dayTotal = units.values().stream().reduce(Counts.ZERO, Counts::plus);
                list.add(new Day(d, rows, dayTotal));
                total = total.plus(dayTotal);
            }
            return new Forecast(from, to, list, total);
        }

        private void count(Map<LocalDate, Map<String, Counts>> byDay, Instant at, String unit, Counts c) {
            byDay.computeIfAbsent(at.atZone(Times.CHINA).toLocalDate(), k -> new HashMap<>())
                    .merge(unit, c, Counts::plus);
        }

        private Counts kindCounts(ForecastSimulation.Kind kind) {
            return switch (kind) {
                case REMINDER -> new Counts(1, 0, 0, 0, 0);
                case URGING -> new Counts(0, 1, 0, 0, 0);
                case SUPERVISION -> new Counts(0, 0, 1, 0, 0);
                case RAISE -> new Counts(0, 0, 0, 1, 0);
                case NOTICE -> Counts.ZERO;
            };
        }

        String unitName(String code) {
            return unitNames.computeIfAbsent(code, c -> organisation.findUnit(c).map(Unit::name).orElse(c));
        }

        @Override
        public ZonedDateTime deadline(ZonedDateTime at, int amount, PeriodUnit unit) {
            return days.deadline(at, amount, unit);
        }

        @Override
        public boolean isWorkingDay(LocalDate day) {
            return days.isWorkingDay(day);
        }

        @Override
        public int messages(NotificationStep step, Level level, String unitCode, String officerNo) {
            return recipients.computeIfAbsent(step.name() + "|" + level + "|" + unitCode + "|" + officerNo,
                    k -> notifications.recipientCount(step, level, unitCode, officerNo));
        }

        @Override
        public Instant sendAt(Level level, Instant at) {
            return notifications.sendAt(level, at);
        }

        @Override
        public int reminderCap() {
            return escalation.reminderCap();
        }
    }
}
