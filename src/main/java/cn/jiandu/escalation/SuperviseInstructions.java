package cn.jiandu.escalation;

import java.time.Clock;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.level.Level;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.ProblemInstructions;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TimelineText;

/**
 * 督办批示: at each 督办 the deputy leader (分管局领导) gets Task_SuperviseInstruction
 * (event sub-process SubProcess_Instruction of rectification.bpmn). His 批示 is stored on the
 * problem, written into the timeline and sent to the unit head and the officer; 已阅 only
 * goes into the timeline. Past its due time the chief (局长) is told. The unit's clocks are
 * never touched.
 */
@Service
class SuperviseInstructions {

    private final ProblemService problems;
    private final ProblemInstructions instructions;
    private final ProblemNotices notices;
    private final OrganisationService organisation;
    private final Clock clock;

    SuperviseInstructions(ProblemService problems, ProblemInstructions instructions, ProblemNotices notices,
            OrganisationService organisation, Clock clock) {
        this.problems = problems;
        this.instructions = instructions;
        this.notices = notices;
        this.organisation = organisation;
        this.clock = clock;
    }

    /** The task was completed (its form checked before the engine by TaskSubmissions). */
    @Transactional
    void completed(DelegateTask task, String actor) {
        long problemId = Variables.problemId(task);
        Level level = Variables.level(task);
        String kind = Variables.text(task, Rectification.INSTRUCTION_KIND);
        String text = Variables.text(task, Rectification.INSTRUCTION);
        boolean instructs = !Rectification.KIND_READ.equals(kind);
        text = instructs && text != null ? text.strip() : null;
        String name = organisation.findOfficer(actor).map(Officer::name).orElse(actor);
        instructions.add(problemId, task.getId(), instructs ? Rectification.KIND_INSTRUCT : Rectification.KIND_READ,
                text, actor, name, clock.instant());
        String what = instructs ? TimelineText.text("timeline.instructed", name, text)
                : TimelineText.text("timeline.instructed.read", name);
        problems.record(problemId, EventKind.INSTRUCTED, actor, level, what, task.getId());
        if (instructs) {
            // one message per task: the task's id tells this 批示 from another
            notices.send(problemId, NotificationStep.INSTRUCTION, task.getId(), what.replaceAll("\\s+", " "));
        }
    }

    /**
     * The task is past its due time: the chief is told, once per task (its due time tells one
     * 督办 from another: they never fall in the same second).
     */
    @Transactional
    void overdue(long problemId, Level level, Date due) {
        // the due time tells two 督办批示 of one problem apart (DingTalk drops a repeated text)
        String what = TimelineText.text("timeline.instruction.overdue", due == null ? "无"
                : cn.jiandu.text.ChineseDates.dateTime(due.toInstant().atZone(cn.jiandu.time.Times.CHINA)));
        problems.record(problemId, EventKind.OVERDUE, EscalationService.SYSTEM, level, what, null);
        notices.send(problemId, NotificationStep.INSTRUCTION_OVERDUE,
                due == null ? "none" : String.valueOf(due.getTime() / 1000), what);
    }

    /**
     * The event sub-process starts: its own due time (instructionHours of the problem's rules,
     * natural hours from now) and an empty form, local to this 督办批示 so that two of them
     * never share what one was given.
     */
    @Component("openInstruction")
    static class Open implements ExecutionListener {
        private final DeadlineExpressions deadlines;

        Open(DeadlineExpressions deadlines) {
            this.deadlines = deadlines;
        }

        @Override
        public void notify(DelegateExecution execution) {
            execution.setVariableLocal(Rectification.INSTRUCTION_DUE,
                    deadlines.dueInHours(execution, "instructionHours"));
            execution.setVariableLocal(Rectification.INSTRUCTION_KIND, null);
            execution.setVariableLocal(Rectification.INSTRUCTION, null);
        }
    }

    /** 批示超期告知局长 (Task_InstructionOverdue). */
    @Component("instructionOverdue")
    static class Overdue implements JavaDelegate {
        private final SuperviseInstructions instructions;

        Overdue(SuperviseInstructions instructions) {
            this.instructions = instructions;
        }

        @Override
        public void execute(DelegateExecution execution) {
            instructions.overdue(Variables.problemId(execution), Variables.level(execution),
                    (Date) execution.getVariable(Rectification.INSTRUCTION_DUE));
        }
    }
}
