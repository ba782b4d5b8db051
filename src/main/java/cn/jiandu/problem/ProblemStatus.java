package cn.jiandu.problem;

/** Where a problem stands in its rectification. */
public enum ProblemStatus {
    /** registered, waiting for the unit head to sign (待签收) */
    OPEN("待签收"),
    /** signed, the unit rectifies (整改中) */
    RECTIFYING("整改中"),
    /** the rectification clock stands still by the legal brigade captain's leave (暂停计时) */
    PAUSED("暂停计时"),
    /** the rectification report is with the legal department (审核中) */
    REVIEWING("审核中"),
    /** reviewed and accepted (已闭环) */
    CLOSED("已闭环"),
    /** registered in error and withdrawn by the legal brigade captain (已作废): its process ended, it counts nowhere */
    VOID("已作废");

    private final String label;

    ProblemStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
