package cn.jiandu.problem;

/** What happened to a problem, as its timeline (时间线) records it. */
public enum EventKind {
    REGISTERED("登记"),
    LEVEL("预警等级"),
    DOCUMENT("签发文书"),
    TASK_CREATED("生成任务"),
    TASK_COMPLETED("完成任务"),
    TASK_ASSIGNED("认领/指派"),
    SIGNED("签收"),
    REMINDER("到期提醒"),
    URGE("催办"),
    SUPERVISE("督办"),
    MANUAL_URGE("人工催办"),
    PAUSED("暂停整改时钟"),
    RESUMED("恢复整改时钟"),
    REPORTED("提交整改报告"),
    RETURNED("退回重新整改"),
    APPROVED("审核通过"),
    SCORE("扣减积分"),
    /** a talk reminder's or an interview's record, with its document (谈话提醒记录、约谈记录) */
    TALK("谈话约谈记录"),
    MESSAGE("钉钉消息"),
    CLOSED("闭环"),
    PAUSE_REQUESTED("申请暂停计时"),
    PAUSE_APPROVED("批准暂停计时"),
    PAUSE_REJECTED("驳回暂停申请"),
    PAUSE_LAPSED("暂停申请失效"),
    /** a task past its due date: the review, the talk or the interview (超期提醒) */
    OVERDUE("超期提醒"),
    TRANSFER_REQUESTED("申请改派"),
    TRANSFER_APPROVED("同意改派"),
    TRANSFER_REJECTED("驳回改派"),
    /** the problem moved to another unit (after an approved transfer) */
    TRANSFERRED("改派"),
    /** withdrawn: the process ended, the scores given back */
    VOIDED("作废"),
    /** the process ended a path without the review's approval: not closed, the legal department looks */
    ANOMALY("流程异常"),
    /** a file of evidence uploaded or withdrawn (cn.jiandu.evidence) */
    EVIDENCE("整改佐证材料"),
    /** a ticket of the public (群众诉求) the problem was registered from or merged with */
    INTAKE("群众诉求"),
    /** a call back to a complainant (回访) and its outcome */
    CALLBACK("回访"),
    /** the legal captain reopened the closed problem after a dissatisfied call back (回访不满意重新整改) */
    REOPENED("重新整改"),
    /** the deputy leader's instruction at 督办 (督办批示: 批示 or 已阅) */
    INSTRUCTED("领导批示"),
    /** the process instance moved to a new version of its process by a process owner (流程管理员) */
    MIGRATED("流程版本迁移");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
