package cn.jiandu.escalation;

import java.util.List;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.intake.IntakeReceived;
import cn.jiandu.intake.IntakeTriage;
import cn.jiandu.security.CurrentUser;

/**
 * The intake process (诉求受理与回访) as the rest of the app sees it: it starts on
 * {@link IntakeReceived} in the intake's transaction (a ticket and its process are stored
 * together or not at all), hears that the problem it waits for was approved or voided, and
 * answers whether a person holds an intake's open call back task (回访).
 */
@Service
public class IntakeProcess {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final IntakeTriage intakes;

    IntakeProcess(RuntimeService runtime, TaskService tasks, IntakeTriage intakes) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.intakes = intakes;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void start(IntakeReceived intake) {
        runtime.createProcessInstanceByKey(IntakeFlow.PROCESS_KEY)
                .businessKey("intake-" + intake.intakeId())
                .setVariables(Variables.createVariables().putValue(IntakeFlow.INTAKE_ID, intake.intakeId()))
                .execute();
    }

    /**
     * 审核通过: the intakes of the problem that wait for it go on to their call back. Run
     * again, nothing waits any more and nothing happens.
     */
    void problemApproved(long problemId) {
        correlate(IntakeFlow.MESSAGE_PROBLEM_APPROVED, problemId);
    }

    /** 作废: the intakes of the problem that wait for it are closed. */
    void problemVoided(long problemId) {
        correlate(IntakeFlow.MESSAGE_PROBLEM_VOIDED, problemId);
    }

    private void correlate(String message, long problemId) {
        for (long intakeId : intakes.intakesOf(problemId)) {
            runtime.createMessageCorrelation(message).processInstanceBusinessKey("intake-" + intakeId)
                    .correlateAllWithResult();
        }
    }

    /**
     * Whether the person may do the intake's call back now: an open 回访 task of the intake
     * that is his, or his group's and unclaimed. Only then does he see the phone in clear.
     */
    @Transactional(readOnly = true)
    public boolean holdsCallback(long intakeId, CurrentUser user) {
        List<org.camunda.bpm.engine.task.Task> open = tasks.createTaskQuery()
                .processInstanceBusinessKey("intake-" + intakeId).taskDefinitionKey(IntakeFlow.TASK_CALLBACK).active()
                .list();
        if (!user.hasRole(cn.jiandu.security.Role.LEGAL_OFFICER)) {
            return false; // a call back handed to someone else (指派) does not hand him the phone
        }
        for (org.camunda.bpm.engine.task.Task task : open) {
            if (task.getAssignee() == null || user.userId().equals(task.getAssignee())) {
                return true;
            }
        }
        return false;
    }
}
