package cn.jiandu.escalation;

import java.util.Set;

/**
 * The names processes/intake.bpmn (诉求受理与回访) and its forms share with Java: process,
 * message and task ids, variables.
 */
final class IntakeFlow {

    static final String PROCESS_KEY = "intake";
    static final String DECISION_DEADLINES = "intake-deadlines";
    /** the problem an intake waits for was approved (审核通过) and closed */
    static final String MESSAGE_PROBLEM_APPROVED = "ProblemApproved";
    /** the problem an intake waits for was voided (作废) */
    static final String MESSAGE_PROBLEM_VOIDED = "ProblemVoided";
    /** rectification.bpmn's message start: a closed problem back to 整改 after a dissatisfied call back */
    static final String MESSAGE_REOPEN_PROBLEM = "ReopenProblem";

    static final String TASK_TRIAGE = "Task_Triage";
    static final String TASK_CALLBACK = "Task_Callback";
    static final String TASK_CALLBACK_REVIEW = "Task_CallbackReview";
    static final String TASK_TRIAGE_OVERDUE = "Task_TriageOverdue";
    static final String TASK_CALLBACK_OVERDUE = "Task_CallbackOverdue";
    static final String TASK_REVIEW_OVERDUE = "Task_CallbackReviewOverdue";

    // what the process keeps
    static final String INTAKE_ID = "intakeId";
    static final String PROBLEM_ID = "problemId";
    static final String INTAKE_URL = "intakeUrl";
    static final String SOURCE_NAME = "sourceName";
    static final String SOURCE_KIND = "sourceKind";
    static final String TICKET = "ticket";
    static final String TICKET_NO = "ticketNo";
    static final String RECEIVED_AT_TEXT = "receivedAtText";
    static final String CONTENT = "content";
    static final String UNIT_HINT = "unitHint";
    static final String INCIDENT_NO = "incidentNo";
    static final String CASE_NO = "caseNo";
    static final String COMPLAINANT_NAME = "complainantName";
    static final String LEDGER_MATCH = "ledgerMatch";
    static final String CALLBACK_CHANNEL = "callbackChannel";
    static final String TRIAGE_DAYS = "triageDays";
    static final String CALLBACK_DAYS = "callbackDays";
    static final String SECOND_CALLBACK_DAYS = "secondCallbackDays";
    static final String CALLBACK_ATTEMPTS = "callbackAttempts";
    static final String TRIAGED_BY = "triagedBy";
    /** who decided the review of a dissatisfied call back (回访复核) */
    static final String REVIEWED_BY = "callbackReviewedBy";
    static final String CALLBACK_ROUND = "callbackRound";
    static final String CALLBACK_ATTEMPT = "callbackAttempt";
    static final String CALLBACK_DUE = "callbackDue";
    static final String CALLBACK_RETRY_AT = "callbackRetryAt";
    static final String SECOND_CALLBACK_AT = "secondCallbackAt";
    static final String SECOND_CALLBACK = "secondCallback";
    static final String CALLBACK_HISTORY = "callbackHistory";
    static final String CONTACT_URL = "contactUrl";
    static final String PROBLEM_URL = "problemUrl";
    static final String CARD_UNIT = "cardUnit";
    static final String CARD_DUE = "cardDue";
    static final String CARD_LEVEL = "cardLevel";
    /** the input parameter of Task_Close*: the intake's final call back status */
    static final String FINAL_STATUS = "finalStatus";

    // the forms' fields
    static final String TRIAGE_DECISION = "triageDecision";
    static final String UNIT_CODE = "unitCode";
    static final String CATEGORY = "category";
    static final String OFFICER_NO = "officerNo";
    static final String SENSITIVE = "sensitive";
    static final String REFER_TO = "referTo";
    static final String TRIAGE_REASON = "triageReason";
    static final String CALLBACK_OUTCOME = "callbackOutcome";
    static final String CALLBACK_NOTE = "callbackNote";
    static final String CALLBACK_REVIEW_DECISION = "callbackReviewDecision";
    static final String CALLBACK_REVIEW_NOTE = "callbackReviewNote";

    /** What the process writes and no person may (TaskSubmissions refuses them in any submission). */
    static final Set<String> ENGINE_OWNED = Set.of(INTAKE_ID, INTAKE_URL, SOURCE_NAME, SOURCE_KIND, TICKET, TICKET_NO,
            RECEIVED_AT_TEXT, CONTENT, UNIT_HINT, INCIDENT_NO, CASE_NO, COMPLAINANT_NAME, LEDGER_MATCH,
            CALLBACK_CHANNEL, TRIAGE_DAYS, CALLBACK_DAYS, SECOND_CALLBACK_DAYS, CALLBACK_ATTEMPTS, TRIAGED_BY, REVIEWED_BY,
            CALLBACK_ROUND, CALLBACK_ATTEMPT, CALLBACK_DUE, CALLBACK_RETRY_AT, SECOND_CALLBACK_AT, SECOND_CALLBACK,
            CALLBACK_HISTORY, CONTACT_URL, PROBLEM_URL, CARD_UNIT, CARD_DUE, CARD_LEVEL, FINAL_STATUS);

    /** The intake's page, root-relative. */
    static String intakeUrl(long intakeId) {
        return "/intakes/" + intakeId;
    }

    private IntakeFlow() {
    }
}
