package cn.jiandu.escalation;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.jiandu.intake.CallbackOutcome;
import cn.jiandu.intake.CallbackRecord;
import cn.jiandu.intake.IntakeTriage;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.time.Times;

/**
 * Listens to the user tasks of intake.bpmn: names each with the ticket, writes the Tasklist
 * card's lines, shows the call back the calls before it, and records what a completed call
 * (回访) or review (回访复核) decided — once per task, in the completion's transaction.
 * A person's mistakes never reach here: TaskSubmissions refuses them before the engine runs.
 */
@Component("intakeTasks")
class IntakeTasks implements TaskListener {

    private static final int MAX_NAME = 200;

    private final IntakeTriage intakes;
    private final IdentityService identity;
    private final IntakeClocks clocks;
    private final OrganisationService organisation;

    IntakeTasks(IntakeTriage intakes, IdentityService identity, IntakeClocks clocks, OrganisationService organisation) {
        this.intakes = intakes;
        this.identity = identity;
        this.clocks = clocks;
        this.organisation = organisation;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task);
        }
    }

    private void created(DelegateTask task) {
        String ticket = Variables.text(task, IntakeFlow.TICKET);
        String step = task.getName();
        if (IntakeFlow.TASK_CALLBACK.equals(task.getTaskDefinitionKey())) {
            // each call is decided anew: the last call's outcome and note are not this one's
            task.removeVariable(IntakeFlow.CALLBACK_OUTCOME);
            task.removeVariable(IntakeFlow.CALLBACK_NOTE);
            Object attempt = task.getVariable(IntakeFlow.CALLBACK_ATTEMPT);
            step = step + (attempt instanceof Number n && n.intValue() > 1 ? "（第" + n.intValue() + "次联系）" : "");
            task.setVariableLocal(IntakeFlow.CALLBACK_HISTORY, history(IntakeDelegates.intakeId(task.getExecution())));
        }
        if (IntakeFlow.TASK_CALLBACK_REVIEW.equals(task.getTaskDefinitionKey())) {
            task.removeVariable(IntakeFlow.CALLBACK_REVIEW_DECISION);
            task.removeVariable(IntakeFlow.CALLBACK_REVIEW_NOTE);
            task.setVariableLocal(IntakeFlow.CALLBACK_HISTORY, history(IntakeDelegates.intakeId(task.getExecution())));
        }
        String name = "【群众诉求】" + step + "：" + ticket;
        task.setName(name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name);
        task.setVariableLocal(IntakeFlow.CARD_LEVEL, "群众诉求");
        task.setVariableLocal(IntakeFlow.CARD_UNIT, cardUnit(task));
        task.setVariableLocal(IntakeFlow.CARD_DUE, task.getDueDate() == null ? "无"
                : ChineseDates.dateTime(task.getDueDate().toInstant().atZone(Times.CHINA)));
    }

    /**
     * The card's 责任单位: the unit the triage gave the ticket to; 待分派 before the triage; the
     * channel where no unit was given (merged, referred, rejected).
     */
    private String cardUnit(DelegateTask task) {
        if (IntakeFlow.TASK_TRIAGE.equals(task.getTaskDefinitionKey())
                || IntakeFlow.TASK_TRIAGE_OVERDUE.equals(task.getTaskDefinitionKey())) {
            return "待分派";
        }
        String code = Variables.text(task, IntakeFlow.UNIT_CODE);
        return code == null || code.isBlank() ? Variables.text(task, IntakeFlow.SOURCE_NAME)
                : organisation.findUnit(code).map(Unit::name).orElse(code);
    }

    /** The calls so far, for the next call and the review: when, who, what was heard. */
    private String history(long intakeId) {
        List<CallbackRecord> calls = intakes.calls(intakeId);
        if (calls.isEmpty()) {
            return "（尚未回访）";
        }
        StringBuilder text = new StringBuilder();
        for (CallbackRecord call : calls) {
            text.append("- ").append(ChineseDates.dateTime(call.calledAt().atZone(Times.CHINA))).append(" 第")
                    .append(call.round()).append("轮第").append(call.attempt()).append("次，")
                    .append(caller(call.calledBy()))
                    .append("：**").append(call.outcome().label()).append("**");
            if (call.note() != null && !call.note().isBlank()) {
                text.append("（").append(markdownText(call.note().replaceAll("[\\r\\n]+", " "))).append("）");
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** 张法制（法制大队） for the officer who called, as markdown text; his number when he is gone. */
    private String caller(String officerNo) {
        String who = organisation.findOfficer(officerNo).map(o -> o.name() + organisation.findUnit(o.unitCode())
                .map(Unit::name).map(n -> "（" + n + "）").orElse("")).orElse(officerNo);
        return markdownText(who);
    }

    /** Text as it is, not as markdown: what a person typed (a note, a name) shows its * and _. */
    private static String markdownText(String text) {
        return text.replaceAll("([\\\\`*_\\[\\]()#+!<>|~-])", "\\\\$1");
    }

    private void completed(DelegateTask task) {
        long intakeId = IntakeDelegates.intakeId(task.getExecution());
        String actor = RectificationTasks.actor(identity, task);
        switch (task.getTaskDefinitionKey()) {
            case IntakeFlow.TASK_TRIAGE -> task.setVariable(IntakeFlow.TRIAGED_BY, actor);
            case IntakeFlow.TASK_CALLBACK -> {
                CallbackOutcome outcome = CallbackOutcome.valueOf(Variables.text(task, IntakeFlow.CALLBACK_OUTCOME));
                int round = ((Number) task.getVariable(IntakeFlow.CALLBACK_ROUND)).intValue();
                int attempt = ((Number) task.getVariable(IntakeFlow.CALLBACK_ATTEMPT)).intValue();
                intakes.recordCall(intakeId, round, attempt, outcome, Variables.text(task, IntakeFlow.CALLBACK_NOTE),
                        task.getId(), actor);
                boolean satisfied = outcome == CallbackOutcome.SATISFIED
                        || outcome == CallbackOutcome.BASICALLY_SATISFIED;
                task.setVariable(IntakeFlow.SECOND_CALLBACK,
                        satisfied && round == 1 && Boolean.TRUE.equals(task.getVariable(IntakeFlow.SENSITIVE)));
                task.setVariable(IntakeFlow.CALLBACK_RETRY_AT, clocks.nextWorkingMorning());
                Object days = task.getVariable(IntakeFlow.SECOND_CALLBACK_DAYS);
                task.setVariable(IntakeFlow.SECOND_CALLBACK_AT,
                        clocks.workingMorningAfter(days instanceof Number n ? n.intValue() : 1));
            }
            case IntakeFlow.TASK_CALLBACK_REVIEW -> {
                intakes.recordReview(intakeId, Variables.text(task, IntakeFlow.CALLBACK_REVIEW_DECISION),
                        Variables.text(task, IntakeFlow.CALLBACK_REVIEW_NOTE), actor);
                task.setVariable(IntakeFlow.REVIEWED_BY, actor);
            }
            default -> {
            }
        }
    }
}
