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

    static final String REPEAT_COUNT = "repeatCount";
    static final String REQUESTED_LEVEL = "requestedLevel";
    static final String CLOSED_ON_TIME = "closedOnTime";
    static final String UNIT_CODE = "unitCode";
    static final String OFFICER_NO = "officerNo";
    static final String REGISTERED_BY = "registeredBy";

    /**
     * What the process itself writes and the escalation depends on (level, the two clocks,
     * counts, the locked deadline rules, unit, officer, problem) or shows in the forms as the
     * problem's state: no task or form may write one of these (TaskSubmissions).
     */
    static final java.util.Set<String> ENGINE_OWNED = java.util.Set.of(PROBLEM_ID, LEVEL, LEVEL_RAISED, RAISE_REASON,
            RAISED_BY, SIGNED, DEADLINE_RULES, SIGN_DUE, SIGN_GRACE_DUE, RECTIFY_DUE, GRACE_DUE, REMIND_AT,
            REMINDER_CYCLE, TIME_LEFT_MILLIS, GRACE_MILLIS, OVERDUE, REMINDED, REMINDERS_SENT, REPEAT_COUNT,
            REQUESTED_LEVEL, CLOSED_ON_TIME, DOCUMENT_TYPE, RETURN_REASON, UNIT_CODE, OFFICER_NO, REGISTERED_BY,
            "levelLabel", "problemTitle", "problemDescription", "unitName", "officerName", "sourceName",
            "categoryName", "signDueText", "rectifyDueText");

    /** At registration the start form names the unit and the officer; the rest stays the process's. */
    static final java.util.Set<String> ENGINE_OWNED_AT_START = ENGINE_OWNED.stream()
            .filter(name -> !UNIT_CODE.equals(name) && !OFFICER_NO.equals(name))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private Rectification() {
    }
}
