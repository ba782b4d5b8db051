package cn.jiandu.document;

/**
 * The enforcement documents (文书), one per escalation level (三色预警): the title printed
 * on the document, the word of its number (文号, e.g. 示分<b>法建</b>字〔2026〕第007号), the
 * warning level it belongs to, the body that issues it and its template.
 */
public enum DocumentType {

    /** 执法建议书: blue warning, issued by the legal brigade for a problem found. */
    ADVICE("执法建议书", "法建", "蓝色预警", "法制大队", "advice"),

    /** 纠正违法通知书: yellow warning, for a problem repeated or rectified too slowly. */
    CORRECTION_NOTICE("纠正违法通知书", "法纠", "黄色预警", "法制大队", "correction-notice"),

    /** 执法问题督办单: red warning, issued by the supervision committee. */
    SUPERVISION_ORDER("执法问题督办单", "法督", "红色预警", "执法监督委员会", "supervision-order"),

    /** 谈话提醒记录: the discipline inspection's talk reminder held at yellow. */
    TALK_RECORD("谈话提醒记录", "纪谈", "黄色预警", "纪委督察室", "talk-record"),

    /** 约谈记录: the chief's leadership interview held at red. */
    INTERVIEW_RECORD("约谈记录", "约谈", "红色预警", "执法监督委员会", "interview-record");

    private final String title;
    private final String numberWord;
    private final String warningLevel;
    private final String issuer;
    private final String template;

    DocumentType(String title, String numberWord, String warningLevel, String issuer, String template) {
        this.title = title;
        this.numberWord = numberWord;
        this.warningLevel = warningLevel;
        this.issuer = issuer;
        this.template = template;
    }

    /** The title printed on the document, e.g. 执法建议书. */
    public String title() {
        return title;
    }

    /** The word of the number (文号) between the bureau abbreviation and 字, e.g. 法建. */
    public String numberWord() {
        return numberWord;
    }

    /** The warning level the document is issued at, e.g. 蓝色预警. */
    public String warningLevel() {
        return warningLevel;
    }

    /** The body of the bureau that issues and signs it, e.g. 法制大队. */
    public String issuer() {
        return issuer;
    }

    /** The template under templates/documents/, without the .ftl extension. */
    String template() {
        return template;
    }
}
