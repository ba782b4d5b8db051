package cn.jiandu.notification;

/** Why a message goes out: the step of the follow-up (三级联治) or a report. */
public enum NotificationStep {
    LEVEL("预警通知"),
    REMIND("到期提醒"),
    URGE("催办"),
    SUPERVISE("督办"),
    SIGN_URGE("签收催办"),
    SIGN_SUPERVISE("签收督办"),
    MANUAL_URGE("人工催办"),
    /** a paused clock ran again by itself: the pause allowance was spent */
    PAUSE_EXPIRED("暂停期满"),
    /** the review's due date passed: the legal brigade captain */
    REVIEW_OVERDUE("审核超期"),
    /** each working day after: the reviewers */
    REVIEW_CHASE("催审"),
    /** the discipline talk or the leadership interview past its due date */
    TALK_OVERDUE("谈话约谈超期"),
    /** the problem was voided (作废): its unit need do nothing more */
    VOIDED("问题作废"),
    REPORT("监督报告"),
    /** a ticket of the public not triaged by its due time (诉求分派超期): the legal department */
    TRIAGE_OVERDUE("诉求分派超期"),
    /** a call back (回访) not made by its due time: the legal department */
    CALLBACK_OVERDUE("回访超期"),
    /** the 8 o'clock digest of each person's own figures and problems (每日早8时推送) */
    DIGEST("每日推送"),
    /** the deputy leader's 批示 at 督办 (督办批示): the unit head and the officer, with its text */
    INSTRUCTION("领导批示"),
    /** the deputy leader did not act on 督办批示 by its due time: the chief */
    INSTRUCTION_OVERDUE("督办批示超期");

    private final String label;

    NotificationStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The step as processes/notification-recipients.dmn knows it. */
    String routingStep() {
        return switch (this) {
            case SIGN_URGE, MANUAL_URGE -> URGE.name();
            case SIGN_SUPERVISE -> SUPERVISE.name();
            default -> name();
        };
    }
}
