package cn.jiandu.escalation;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

import cn.jiandu.evidence.EvidenceItem;
import cn.jiandu.evidence.EvidenceService;
import cn.jiandu.level.Level;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.TalkKind;
import cn.jiandu.problem.TimelineText;
import cn.jiandu.text.ChineseDates;

/**
 * Listens to every user task of rectification.bpmn: names it with the level and the problem,
 * moves the problem's status, and writes creation, assignment (claim) and completion into the
 * timeline.
 */
@Component("rectificationTasks")
class RectificationTasks implements TaskListener {

    private static final int MAX_NAME = 200;

    private final ProblemService problems;
    private final IdentityService identity;
    private final TalkRecorder talks;
    private final Transfers transfers;
    private final EvidenceService evidence;
    private final SuperviseInstructions instructions;
    private final CardHook cards;

    RectificationTasks(ProblemService problems, IdentityService identity, TalkRecorder talks, Transfers transfers,
            EvidenceService evidence, SuperviseInstructions instructions, CardHook cards) {
        this.instructions = instructions;
        this.cards = cards;
        this.evidence = evidence;
        this.problems = problems;
        this.identity = identity;
        this.talks = talks;
        this.transfers = transfers;
    }

    @Override
    public void notify(DelegateTask task) {
        if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
            created(task);
        } else if (TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())) {
            completed(task);
        } else if (TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
            assigned(task);
        }
    }

    /** A claim, an assignment by someone else, or giving a task back: who, to whom, which task. */
    private void assigned(DelegateTask task) {
        long problemId = Variables.problemId(task);
        String actor = actor(identity, task);
        String assignee = task.getAssignee();
        String step = task.getBpmnModelElementInstance() == null ? task.getName()
                : task.getBpmnModelElementInstance().getName();
        String detail;
        if (assignee == null) {
            detail = TimelineText.text("timeline.task.unassigned", step);
        } else if (assignee.equals(actor)) {
            detail = TimelineText.text("timeline.task.claimed", step);
        } else {
            detail = TimelineText.text("timeline.task.assigned", step, assignee);
        }
        problems.record(problemId, EventKind.TASK_ASSIGNED, actor, Variables.level(task), detail, task.getId());
    }

    private void created(DelegateTask task) {
        long problemId = Variables.problemId(task);
        Level level = Variables.level(task);
        String step = task.getName();
        String name = "【" + level.label() + "预警】" + step + "：" + Variables.text(task, Rectification.PROBLEM_TITLE);
        task.setName(name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name);
        ProblemStatus status = switch (task.getTaskDefinitionKey()) {
            case Rectification.TASK_SIGN -> ProblemStatus.OPEN;
            case Rectification.TASK_RECTIFY, Rectification.TASK_APPROVE_PAUSE -> ProblemStatus.RECTIFYING;
            case Rectification.TASK_AWAIT_INSTRUCTION -> ProblemStatus.PAUSED;
            case Rectification.TASK_REVIEW -> ProblemStatus.REVIEWING;
            default -> null;
        };
        if (status != null) {
            problems.changeStatus(problemId, status);
        }
        freshForm(task);
        task.setVariableLocal(Rectification.CARD_LEVEL, level.label());
        task.setVariableLocal(Rectification.CARD_UNIT, Variables.text(task, Rectification.UNIT_NAME));
        task.setVariableLocal(Rectification.CARD_DUE, task.getDueDate() == null ? "无"
                : ChineseDates.dateTime(task.getDueDate().toInstant().atZone(cn.jiandu.time.Times.CHINA)));
        if (task.getVariable(Rectification.PROBLEM_URL) == null) {
            // a process started before the problem page existed: its forms link there from now on
            task.setVariable(Rectification.PROBLEM_URL, Rectification.problemUrl(problemId));
        }
        if (Rectification.TASK_REVIEW.equals(task.getTaskDefinitionKey())) {
            task.setVariableLocal(Rectification.EVIDENCE_LIST, evidenceList(problemId));
        }
        problems.record(problemId, EventKind.TASK_CREATED, EscalationService.SYSTEM, level,
                task.getDueDate() == null ? TimelineText.text("timeline.task.created", step)
                        : TimelineText.text("timeline.task.created.due", step,
                                ChineseDates.dateTime(task.getDueDate().toInstant().atZone(cn.jiandu.time.Times.CHINA))),
                task.getId());
        cards.created(task);
    }

    /** The evidence the reviewer looks at, as the review form shows it (markdown list with links). */
    private String evidenceList(long problemId) {
        StringBuilder list = new StringBuilder();
        for (EvidenceItem item : evidence.list(problemId)) {
            if (item.withdrawn()) {
                continue;
            }
            list.append("- [").append(item.fileName().replaceAll("[\\[\\]()*_`<>]", " ")).append("](/api/evidence/")
                    .append(item.id()).append(")（").append(item.sizeText()).append("，").append(item.uploadedBy())
                    .append(" 上传）\n");
        }
        return list.length() == 0 ? "（未上传佐证材料）" : list.toString();
    }


    private void completed(DelegateTask task) {
        long problemId = Variables.problemId(task);
        Level level = Variables.level(task);
        String actor = actor(identity, task);
        cards.completed(task, actor);
        switch (task.getTaskDefinitionKey()) {
            case Rectification.TASK_SIGN -> {
                if (Rectification.OUTCOME_TRANSFER.equals(Variables.text(task, Rectification.SIGN_OUTCOME))) {
                    String suggested = Variables.text(task, Rectification.SUGGESTED_UNIT_CODE);
                    problems.record(problemId, EventKind.TRANSFER_REQUESTED, actor, level,
                            TimelineText.text("timeline.transferRequested", suggested == null || suggested.isBlank()
                                    ? TimelineText.text("timeline.transferRequested.noUnit")
                                    : transfers.unitName(suggested),
                                    String.valueOf(Variables.text(task, Rectification.TRANSFER_REASON))),
                            task.getId());
                    return;
                }
                task.setVariable(Rectification.SIGNED, true);
                problems.markSigned(problemId);
                problems.record(problemId, EventKind.SIGNED, actor, level,
                        comment("timeline.signed", task, Rectification.SIGN_COMMENT),
                        task.getId());
            }
            case Rectification.TASK_RECTIFY -> {
                if (Rectification.OUTCOME_WAIT.equals(Variables.text(task, Rectification.RECTIFY_OUTCOME))) {
                    String reason = Variables.text(task, Rectification.PAUSE_REASON);
                    String label = TimelineText.text("pause.reason." + (reason == null ? "OTHER" : reason));
                    String detail = Variables.text(task, Rectification.PAUSE_DETAIL);
                    problems.record(problemId, EventKind.PAUSE_REQUESTED, actor, level,
                            detail == null || detail.isBlank()
                                    ? TimelineText.text("timeline.pause.requested", label)
                                    : TimelineText.text("timeline.pause.requested.note", label, detail),
                            task.getId());
                } else {
                    problems.markReported(problemId);
                    problems.record(problemId, EventKind.REPORTED, actor, level,
                            comment("timeline.reported", task, Rectification.RECTIFICATION_REPORT), task.getId());
                }
            }
            case Rectification.TASK_APPROVE_PAUSE -> {
                boolean approved = Rectification.PAUSE_APPROVE
                        .equals(Variables.text(task, Rectification.PAUSE_DECISION));
                task.setVariable(Rectification.PAUSE_DECIDED_BY, actor);
                problems.record(problemId, approved ? EventKind.PAUSE_APPROVED : EventKind.PAUSE_REJECTED, actor,
                        level, comment(approved ? "timeline.pause.approved" : "timeline.pause.rejected", task,
                                Rectification.PAUSE_COMMENT),
                        task.getId());
            }
            case Rectification.TASK_REVIEW -> {
                boolean approved = Rectification.DECISION_APPROVE
                        .equals(Variables.text(task, Rectification.REVIEW_DECISION));
                problems.record(problemId, approved ? EventKind.APPROVED : EventKind.RETURNED, actor, level,
                        comment(approved ? "timeline.approved" : "timeline.returned", task,
                                Rectification.REVIEW_COMMENT),
                        task.getId());
                if (approved) {
                    // a comment belongs to its decision: none is left for another round (退回 keeps it for 退回重新整改)
                    task.removeVariable(Rectification.REVIEW_COMMENT);
                }
            }
            case Rectification.TASK_DECIDE_TRANSFER -> {
                boolean approved = Rectification.DECISION_APPROVE
                        .equals(Variables.text(task, Rectification.TRANSFER_DECISION));
                String comment = Variables.text(task, Rectification.TRANSFER_COMMENT);
                String note = comment == null || comment.isBlank() ? "" : ".note";
                problems.record(problemId, approved ? EventKind.TRANSFER_APPROVED : EventKind.TRANSFER_REJECTED,
                        actor, level, TimelineText.text((approved ? "timeline.transferApproved"
                                : "timeline.transferRejected") + note,
                                transfers.unitName(Variables.text(task, Rectification.TRANSFER_UNIT_CODE)), comment),
                        task.getId());
            }
            case Rectification.TASK_AWAIT_INSTRUCTION -> problems.record(problemId, EventKind.TASK_COMPLETED, actor,
                    level, comment("timeline.instruction", task, Rectification.INSTRUCTION_SUMMARY), task.getId());
            case Rectification.TASK_SUPERVISE_INSTRUCTION -> instructions.completed(task, actor);
            case Rectification.TASK_DISCIPLINE_TALK -> talked(task, TalkKind.DISCIPLINE_TALK, problemId, level, actor);
            case Rectification.TASK_LEADERSHIP_INTERVIEW ->
                talked(task, TalkKind.LEADERSHIP_INTERVIEW, problemId, level, actor);
            default -> problems.record(problemId, EventKind.TASK_COMPLETED, actor, level,
                    TimelineText.text("timeline.task.completed", task.getName()), task.getId());
        }
    }

    /**
     * A talk or an interview: its record, document and timeline (TalkRecorder). The outcome is
     * then taken off the process, so that the next talk's form (the same key) starts blank and
     * its completion never reads this one's.
     */
    private void talked(DelegateTask task, TalkKind kind, long problemId, Level level, String actor) {
        talks.record(problemId, level, task.getId(), actor, TalkForm.read(kind, task::getVariable));
        task.removeVariable(Rectification.ACCOUNTABILITY);
    }

    /**
     * A form opens with no choice of an earlier round ticked: signing again after a rejected
     * transfer request starts from 签收; the legal officer's decision starts from the unit
     * the requester suggested.
     */
    private static void freshForm(DelegateTask task) {
        switch (task.getTaskDefinitionKey()) {
            case Rectification.TASK_SIGN -> {
                task.removeVariable(Rectification.SIGN_OUTCOME);
                task.removeVariable(Rectification.TRANSFER_REASON);
                task.removeVariable(Rectification.SUGGESTED_UNIT_CODE);
            }
            case Rectification.TASK_DECIDE_TRANSFER -> {
                task.removeVariable(Rectification.TRANSFER_DECISION);
                task.removeVariable(Rectification.TRANSFER_COMMENT);
                task.setVariable(Rectification.TRANSFER_UNIT_CODE,
                        Variables.text(task, Rectification.SUGGESTED_UNIT_CODE));
            }
            default -> {
            }
        }
    }

    /** Who acts on a task: the logged-in user, else its assignee, else the system. */
    static String actor(IdentityService identity, DelegateTask task) {
        Authentication current = identity.getCurrentAuthentication();
        if (current != null && current.getUserId() != null) {
            return current.getUserId();
        }
        return task.getAssignee() != null ? task.getAssignee() : EscalationService.SYSTEM;
    }

    /** The sentence of {@code key} with what the form's field {@code variable} says, if anything. */
    private static String comment(String key, DelegateTask task, String variable) {
        return TimelineText.withNote(key, Variables.text(task, variable));
    }
}
