package cn.jiandu.escalation;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.calendar.WorkCalendar;
import cn.jiandu.level.Level;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemEvent;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.time.Times;

/**
 * What a reader of a problem's page asks of its process: why its deadline is the one it is
 * (期限说明: the rule of deadlines.dmn the problem was given, the moment its clock started,
 * the holidays and make-up days counted) and which tasks are open.
 */
@Service
public class ProblemClocks {

    /** The timeline entries whose moment starts a full rectification period (level, return, transfer). */
    private static final Set<EventKind> CLOCK_STARTS = EnumSet.of(EventKind.LEVEL, EventKind.RETURNED,
            EventKind.TRANSFERRED);

    private final HistoryService history;
    private final TaskService tasks;
    private final ProblemService problems;
    private final EscalationService escalation;
    private final WorkCalendar calendar;

    ProblemClocks(HistoryService history, TaskService tasks, ProblemService problems, EscalationService escalation,
            WorkCalendar calendar) {
        this.history = history;
        this.tasks = tasks;
        this.problems = problems;
        this.escalation = escalation;
        this.calendar = calendar;
    }

    /**
     * Why the deadline is what it is.
     *
     * @param level the level whose rule applies
     * @param amount the period of the rule, in {@code unit}s
     * @param start when the period started (the level entered, a return, a transfer)
     * @param ruleDeadline the period's end from start by the working-day calendar
     * @param deadline the problem's deadline now (later than ruleDeadline after a pause)
     * @param listedDays the holidays and make-up days from start's date to the deadline's
     */
    public record DeadlineBasis(Level level, int amount, PeriodUnit unit, ZonedDateTime start,
            ZonedDateTime ruleDeadline, ZonedDateTime deadline, List<WorkCalendar.ListedDay> listedDays) {
    }

    /** An open task of the problem's process, for a link to it in the Tasklist. */
    public record OpenTask(String id, String name, String assignee, ZonedDateTime created, ZonedDateTime due) {
    }

    /** The basis of the problem's deadline; empty before its level (and rules) are set. */
    @Transactional(readOnly = true)
    public Optional<DeadlineBasis> deadlineBasis(Problem problem) {
        if (problem.level() == null || problem.deadline() == null || problem.processInstanceId() == null) {
            return Optional.empty();
        }
        Optional<String> rulesJson = history.createHistoricVariableInstanceQuery()
                .processInstanceId(problem.processInstanceId()).variableName(Rectification.DEADLINE_RULES)
                .disableCustomObjectDeserialization().list().stream()
                .map(HistoricVariableInstance::getValue)
                .filter(String.class::isInstance).map(String.class::cast).findFirst();
        if (rulesJson.isEmpty()) {
            return Optional.empty();
        }
        String json = rulesJson.get();
        DeadlineRule rule = escalation.rule(json, problem.level());
        Optional<Instant> started = problems.timeline(problem.id()).stream()
                .filter(e -> CLOCK_STARTS.contains(e.kind()))
                .map(ProblemEvent::at)
                .max(Comparator.naturalOrder());
        if (rule == null || started.isEmpty()) {
            return Optional.empty();
        }
        ZonedDateTime start = started.get().atZone(Times.CHINA);
        ZonedDateTime ruleDeadline = calendar.deadline(start, rule.periodAmount(), rule.periodUnit());
        ZonedDateTime deadline = problem.deadline().atZone(Times.CHINA);
        ZonedDateTime last = deadline.isAfter(ruleDeadline) ? deadline : ruleDeadline;
        return Optional.of(new DeadlineBasis(problem.level(), rule.periodAmount(), rule.periodUnit(), start,
                ruleDeadline, deadline, calendar.listedDays(start.toLocalDate(), last.toLocalDate())));
    }

    /** The open tasks of the problem's process, oldest first. */
    @Transactional(readOnly = true)
    public List<OpenTask> openTasks(Problem problem) {
        if (problem.processInstanceId() == null) {
            return List.of();
        }
        List<Task> open = tasks.createTaskQuery().processInstanceId(problem.processInstanceId()).active()
                .orderByTaskCreateTime().asc().list();
        return open.stream().map(t -> new OpenTask(t.getId(), t.getName(), t.getAssignee(),
                t.getCreateTime() == null ? null : t.getCreateTime().toInstant().atZone(Times.CHINA),
                t.getDueDate() == null ? null : t.getDueDate().toInstant().atZone(Times.CHINA))).toList();
    }
}
