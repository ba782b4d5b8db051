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
    MESSAGE("钉钉消息"),
    CLOSED("闭环"),
    TRANSFER_REQUESTED("申请改派"),
    TRANSFER_APPROVED("同意改派"),
    TRANSFER_REJECTED("驳回改派"),
    /** the problem moved to another unit (after an approved transfer) */
    TRANSFERRED("改派"),
    /** withdrawn: the process ended, the scores given back */
    VOIDED("作废"),
    /** the process ended a path without the review's approval: not closed, the legal department looks */
    ANOMALY("流程异常");

    private final String label;

    EventKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
