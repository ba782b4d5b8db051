package cn.jiandu.escalation;

/**
 * The names processes/rectification.bpmn (整改督办) and its forms share with Java: process
 * and message ids, task keys and variables.
 */
final class Rectification {

    static final String PROCESS_KEY = "rectification";
    static final String MESSAGE_RAISE_LEVEL = "RaiseLevel";
    static final String DECISION_DEADLINES = "deadlines";

    static final String TASK_SIGN = "Task_Sign";
    static final String TASK_RECTIFY = "Task_Rectify";
    static final String TASK_AWAIT_INSTRUCTION = "Task_AwaitInstruction";
    static final String TASK_REVIEW = "Task_Review";
    static final String TASK_DISCIPLINE_TALK = "Task_DisciplineTalk";
    static final String TASK_LEADERSHIP_INTERVIEW = "Task_LeadershipInterview";
    static final String TASK_SIGN_URGE = "Task_SignUrge";
    static final String TASK_SIGN_SUPERVISE = "Task_SignSupervise";

    // variables
    static final String PROBLEM_ID = "problemId";
    static final String LEVEL = "level";
    static final String LEVEL_RAISED = "levelRaised";
    static final String RAISE_REASON = "raiseReason";
    /** who raised the level from outside (POST /api/problems/{id}/raise), for the timeline */
    static final String RAISED_BY = "raisedBy";
    static final String SIGNED = "signed";
    static final String DEADLINE_RULES = "deadlineRules";
    static final String SIGN_DUE = "signDue";
    static final String SIGN_GRACE_DUE = "signGraceDue";
    static final String RECTIFY_DUE = "rectifyDue";
    static final String GRACE_DUE = "graceDue";
    static final String REMIND_AT = "remindAt";
    static final String REMINDER_CYCLE = "reminderCycle";
    static final String TIME_LEFT_MILLIS = "timeLeftMillis";
    static final String GRACE_MILLIS = "graceMillis";
    static final String OVERDUE = "overdue";
    static final String REMINDED = "reminded";
    static final String REMINDERS_SENT = "remindersSent";
    static final String RECTIFY_OUTCOME = "rectifyOutcome";
    static final String REVIEW_DECISION = "reviewDecision";
    static final String REVIEW_COMMENT = "reviewComment";
    static final String RETURN_REASON = "returnReason";
    static final String DOCUMENT_TYPE = "documentType";

    private Rectification() {
    }
}
