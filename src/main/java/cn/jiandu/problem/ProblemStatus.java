package cn.jiandu.problem;

/** Where a problem stands in its rectification. */
public enum ProblemStatus {
    /** registered, waiting for the unit head to sign (待签收) */
    OPEN,
    /** signed, the unit rectifies (整改中) */
    RECTIFYING,
    /** the rectification clock stands still by the legal brigade captain's leave (暂停计时) */
    PAUSED,
    /** the rectification report is with the legal department (审核中) */
    REVIEWING,
    /** reviewed and accepted (已闭环) */
    CLOSED
}
