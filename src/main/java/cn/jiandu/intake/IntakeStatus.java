package cn.jiandu.intake;

/** Where an intake stands: waiting for triage (分派), or what triage decided. */
public enum IntakeStatus {
    PENDING_TRIAGE("待分派"),
    ACCEPTED("已受理立案"),
    MERGED("已合并"),
    REFERRED("已转其他部门"),
    REJECTED("不予受理");

    private final String label;

    IntakeStatus(String label) {
        this.label = label;
    }

    /** The Chinese name shown to users. */
    public String label() {
        return label;
    }
}
