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
    static final String TASK_APPROVE_PAUSE = "Task_ApprovePause";
    /** who decides a pause: the candidate group of Task_ApprovePause */
    static final String GROUP_LEGAL_CAPTAIN = "LEGAL_CAPTAIN";
    static final String TASK_EXPIRE_PAUSE = "Task_ExpirePause";
    static final String TASK_REVIEW_OVERDUE = "Task_ReviewOverdue";
    static final String TASK_REVIEW_CHASE = "Task_ReviewChase";
    static final String TASK_TALK_OVERDUE = "Task_TalkOverdue";
    static final String TASK_INTERVIEW_OVERDUE = "Task_InterviewOverdue";
    static final String TASK_DECIDE_TRANSFER = "Task_DecideTransfer";
    /** 督办批示: the deputy leader's instruction at 督办 (event sub-process SubProcess_Instruction) */
    static final String TASK_SUPERVISE_INSTRUCTION = "Task_SuperviseInstruction";
    static final String TASK_INSTRUCTION_OVERDUE = "Task_InstructionOverdue";
    /** who instructs: the candidate group of Task_SuperviseInstruction (分管局领导) */
    static final String GROUP_DEPUTY_LEADER = "DEPUTY_LEADER";

    // variables the process and its steps write
    static final String PROBLEM_ID = "problemId";
    static final String LEVEL = "level";
    static final String LEVEL_LABEL = "levelLabel";
    static final String LEVEL_RAISED = "levelRaised";
    static final String RAISE_REASON = "raiseReason";
    /** who raised the level from outside (POST /api/problems/{id}/raise), for the timeline */
    static final String RAISED_BY = "raisedBy";
    static final String SIGNED = "signed";
    static final String DEADLINE_RULES = "deadlineRules";
    static final String SIGN_DUE = "signDue";
    static final String SIGN_DUE_TEXT = "signDueText";
    static final String SIGN_GRACE_DUE = "signGraceDue";
    static final String RECTIFY_DUE = "rectifyDue";
    static final String RECTIFY_DUE_TEXT = "rectifyDueText";
    static final String GRACE_DUE = "graceDue";
    static final String REMIND_AT = "remindAt";
    static final String REMINDER_CYCLE = "reminderCycle";
    static final String TIME_LEFT_MILLIS = "timeLeftMillis";
    static final String GRACE_MILLIS = "graceMillis";
    static final String OVERDUE = "overdue";
    static final String REMINDED = "reminded";
    static final String REMINDERS_SENT = "remindersSent";
    static final String RETURN_REASON = "returnReason";
    static final String REPEAT_COUNT = "repeatCount";
    static final String CLOSED_ON_TIME = "closedOnTime";
    static final String LAST_DOCUMENT_ID = "lastDocumentId";
    /** what raised the level, for the level's document: SIGN_OVERDUE, SLOW, REPEAT, RAISED, SENSITIVE */
    static final String LEVEL_TRIGGER = "levelTrigger";
    /** who raised the level from outside, kept for the document after the level is entered */
    static final String LEVEL_TRIGGER_BY = "levelTriggerBy";
    static final String TRIGGER_SIGN_OVERDUE = "SIGN_OVERDUE";
    static final String TRIGGER_SLOW = "SLOW";
    static final String TRIGGER_REPEAT = "REPEAT";
    static final String TRIGGER_RAISED = "RAISED";
    static final String TRIGGER_SENSITIVE = "SENSITIVE";
    // a pause of the rectification clock (暂停计时): its row, who decided, when it started and ends at the latest
    static final String PAUSE_ID = "pauseId";
    static final String PAUSE_DECIDED_BY = "pauseDecidedBy";
    static final String PAUSE_STARTED_AT = "pauseStartedAt";
    static final String PAUSE_ENDS_AT = "pauseEndsAt";
    static final String PAUSE_ENDS_AT_TEXT = "pauseEndsAtText";
    /** the current unit's rejected transfer requests on this problem (申请改派被驳回次数) */
    static final String TRANSFER_REJECTIONS = "transferRejections";
    /** the review form's list of the evidence (整改佐证材料), written when the review task starts */
    static final String EVIDENCE_LIST = "evidenceList";
    /** the due time of one 督办批示 (local to its event sub-process), from deadlines.dmn instructionHours */
    static final String INSTRUCTION_DUE = "instructionDue";
    /** set when the problem is closed (闭环): an open 督办批示 is withdrawn */
    static final String PROBLEM_CLOSED = "problemClosed";

    // the problem as the start gives it and the forms show it
    static final String SOURCE = "source";
    static final String SOURCE_NAME = "sourceName";
    static final String CATEGORY = "category";
    static final String CATEGORY_NAME = "categoryName";
    static final String SENSITIVE = "sensitive";
    static final String REQUESTED_LEVEL = "requestedLevel";
    static final String UNIT_CODE = "unitCode";
    static final String UNIT_NAME = "unitName";
    static final String OFFICER_NO = "officerNo";
    static final String OFFICER_NAME = "officerName";
    static final String PROBLEM_TITLE = "problemTitle";
    static final String PROBLEM_DESCRIPTION = "problemDescription";
    static final String REGISTERED_BY = "registeredBy";
    /**
     * The task card's lines (task-local, written when the task is created): the level, the
     * unit and the task's deadline. Task-local, because the Tasklist reads a card's variables
     * with the viewer's rights, and a unit's people may read their tasks, not the process.
     */
    static final String CARD_LEVEL = "cardLevel";
    static final String CARD_UNIT = "cardUnit";
    static final String CARD_DUE = "cardDue";
    /** the problem page (问题详情), root-relative: every task form links to it */
    static final String PROBLEM_URL = "problemUrl";

    // the start form's fields (register-problem.form), beside source, category, unitCode, officerNo, sensitive
    static final String TITLE = "title";
    static final String DESCRIPTION = "description";
    static final String OCCURRED_AT = "occurredAt";

    // the task forms' fields (forms/*.form)
    static final String SIGN_COMMENT = "signComment";
    static final String RECTIFY_OUTCOME = "rectifyOutcome";
    static final String OUTCOME_WAIT = "WAIT";
    static final String RECTIFICATION_REPORT = "rectificationReport";
    static final String WAIT_REASON = "waitReason";
    static final String REVIEW_DECISION = "reviewDecision";
    static final String DECISION_APPROVE = "APPROVE";
    static final String REVIEW_COMMENT = "reviewComment";
    static final String DECISION_RETURN = "RETURN";
    static final String PAUSE_REASON = "pauseReason";
    static final String PAUSE_DETAIL = "pauseDetail";
    static final String PAUSE_DECISION = "pauseDecision";
    static final String PAUSE_APPROVE = "APPROVE";
    static final String PAUSE_REJECT = "REJECT";
    static final String PAUSE_COMMENT = "pauseComment";
    static final String INSTRUCTION_SUMMARY = "instructionSummary";
    static final String INSTRUCTION_BY = "instructionBy";
    // supervise-instruction.form (督办批示): 批示 with a text, or 已阅
    static final String INSTRUCTION_KIND = "instructionKind";
    static final String INSTRUCTION = "instruction";
    static final String KIND_INSTRUCT = "批示";
    static final String KIND_READ = "已阅";
    static final String TALK_DATE = "talkDate";
    static final String TALK_TARGETS = "talkTargets";
    static final String TALK_RECORD = "talkRecord";
    static final String TALK_MEASURES = "talkMeasures";
    static final String ACCOUNTABILITY = "accountability";
    static final String INTERVIEW_DATE = "interviewDate";
    static final String INTERVIEWEES = "interviewees";
    static final String INTERVIEW_RECORD = "interviewRecord";
    static final String RECTIFICATION_MEASURES = "rectificationMeasures";
    // sign.form: sign, or ask for the problem to go to another unit (申请改派)
    static final String SIGN_OUTCOME = "signOutcome";
    static final String OUTCOME_TRANSFER = "TRANSFER";
    static final String TRANSFER_REASON = "transferReason";
    static final String SUGGESTED_UNIT_CODE = "suggestedUnitCode";
    // decide-transfer.form (法制员审批改派申请)
    static final String TRANSFER_DECISION = "transferDecision";
    static final String TRANSFER_UNIT_CODE = "transferUnitCode";
    static final String TRANSFER_COMMENT = "transferComment";

    // inputs of the hand-drawn steps (element-templates/jiandu.json)
    static final String DOCUMENT_TYPE = "documentType";
    static final String DOCUMENT_TYPE_AUTO = "AUTO";
    /** why: a document's or a raise's (local input of issueDocument and raiseLevel) */
    static final String REASON = "reason";

    /**
     * What the process itself writes and the escalation depends on (level, the two clocks,
     * counts, the locked deadline rules, unit, officer, problem) or shows in the forms as the
     * problem's state: no task or form may write one of these (TaskSubmissions).
     */
    static final java.util.Set<String> ENGINE_OWNED = java.util.Set.of(PROBLEM_ID, LEVEL, LEVEL_RAISED, RAISE_REASON,
            RAISED_BY, SIGNED, DEADLINE_RULES, SIGN_DUE, SIGN_GRACE_DUE, RECTIFY_DUE, GRACE_DUE, REMIND_AT,
            REMINDER_CYCLE, TIME_LEFT_MILLIS, GRACE_MILLIS, OVERDUE, REMINDED, REMINDERS_SENT, REPEAT_COUNT,
            REQUESTED_LEVEL, CLOSED_ON_TIME, DOCUMENT_TYPE, RETURN_REASON, UNIT_CODE, OFFICER_NO, REGISTERED_BY,
            LEVEL_LABEL, PROBLEM_TITLE, PROBLEM_DESCRIPTION, UNIT_NAME, OFFICER_NAME, SOURCE_NAME, CATEGORY_NAME,
            SIGN_DUE_TEXT, RECTIFY_DUE_TEXT, LEVEL_TRIGGER, LEVEL_TRIGGER_BY, PAUSE_ID, PAUSE_DECIDED_BY,
            PAUSE_STARTED_AT, PAUSE_ENDS_AT, PAUSE_ENDS_AT_TEXT, LAST_DOCUMENT_ID,
            TRANSFER_REJECTIONS, EVIDENCE_LIST, PROBLEM_URL, CARD_LEVEL, CARD_UNIT, CARD_DUE,
            INSTRUCTION_DUE, PROBLEM_CLOSED);

    /** At registration the start form names the unit and the officer; the rest stays the process's. */
    static final java.util.Set<String> ENGINE_OWNED_AT_START = ENGINE_OWNED.stream()
            .filter(name -> !UNIT_CODE.equals(name) && !OFFICER_NO.equals(name))
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    /** The problem page of a problem, root-relative so it opens on whatever address the Tasklist is on. */
    static String problemUrl(long problemId) {
        return "/problems/" + problemId;
    }

    private Rectification() {
    }
}
