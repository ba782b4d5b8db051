package cn.jiandu.problem;

/**
 * The two talks the escalation holds with a problem's unit: the discipline inspection's talk
 * reminder at yellow (纪委督察谈话提醒) and the chief's leadership interview at red (主要领导约谈).
 */
public enum TalkKind {
    DISCIPLINE_TALK("纪委督察谈话提醒", "谈话提醒记录"),
    LEADERSHIP_INTERVIEW("主要领导约谈", "约谈记录");

    private final String label;
    private final String recordTitle;

    TalkKind(String label, String recordTitle) {
        this.label = label;
        this.recordTitle = recordTitle;
    }

    /** 纪委督察谈话提醒, 主要领导约谈. */
    public String label() {
        return label;
    }

    /** What its record is called: 谈话提醒记录, 约谈记录. */
    public String recordTitle() {
        return recordTitle;
    }
}
