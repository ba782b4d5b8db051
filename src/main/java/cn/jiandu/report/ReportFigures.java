package cn.jiandu.report;

import java.util.List;

import cn.jiandu.scoring.ScoreEntry;

/**
 * Everything a report prints, counted for one period; the templates only lay it out.
 * Texts are ready to print (Chinese dates, percentages); counts are numbers.
 *
 * @param madeAtText when the figures were counted, 2026年3月11日 08:00
 * @param limit how many problems the lists print at most
 * @param intake 群众诉求与回访: the public's tickets, their call backs and 诉求清零 of the period
 */
public record ReportFigures(
        ReportType type,
        Period period,
        String periodText,
        String bureauName,
        String issuer,
        int issueNo,
        int year,
        String title,
        String madeAtText,
        int limit,
        Found found,
        Closed closed,
        Open open,
        Rectification rectification,
        List<UnitLine> units,
        Scores scores,
        Rates rates,
        Repeats repeats,
        Documents documents,
        Warnings warnings,
        Talks talks, Voided voided,
        IntakeFigures intake) {

    /** The figures without the public's tickets' section 群众诉求与回访 (tests). */
    public ReportFigures(ReportType type, Period period, String periodText, String bureauName, String issuer,
            int issueNo, int year, String title, String madeAtText, int limit, Found found, Closed closed, Open open,
            Rectification rectification, List<UnitLine> units, Scores scores, Rates rates, Repeats repeats,
            Documents documents, Warnings warnings, Talks talks, Voided voided) {
        this(type, period, periodText, bureauName, issuer, issueNo, year, title, madeAtText, limit, found, closed,
                open, rectification, units, scores, rates, repeats, documents, warnings, talks, voided,
                IntakeFigures.none(period.start(), period.end()));
    }

    /** The figures without the talks' and voided problems' sections (reports counted before it existed, tests). */
    public ReportFigures(ReportType type, Period period, String periodText, String bureauName, String issuer,
            int issueNo, int year, String title, String madeAtText, int limit, Found found, Closed closed, Open open,
            Rectification rectification, List<UnitLine> units, Scores scores, Rates rates, Repeats repeats,
            Documents documents, Warnings warnings) {
        this(type, period, periodText, bureauName, issuer, issueNo, year, title, madeAtText, limit, found, closed,
                open, rectification, units, scores, rates, repeats, documents, warnings, Talks.NONE, Voided.NONE,
                IntakeFigures.none(period.start(), period.end()));
    }

    /** Problems found (新发现) in the period, by level and by source (监督渠道). */
    public record Found(int total, int blue, int yellow, int red, List<SourceLine> bySource) {
    }

    public record SourceLine(String code, String name, int blue, int yellow, int red, int total) {
    }

    /** Problems closed (办结) in the period: on time (按期) and late (逾期). */
    public record Closed(int total, int onTime, int late) {
    }

    /** Problems still open at the end of the period, and those of them past their deadline. */
    public record Open(int total, int overdue) {
    }

    /**
     * 整改率: of the problems whose deadline fell in the period (due), those rectified on
     * time; rateText is — when none fell due.
     */
    public record Rectification(int due, int onTime, String rateText, String definition) {
    }

    /** One unit's line: found, closed (on time, late), open and overdue at the end, its rate. */
    public record UnitLine(String code, String name, int found, int closed, int closedOnTime, int closedLate,
            int open, int overdue, int due, int dueOnTime, String rateText) {
    }

    /**
     * The month's score rankings (积分排名) as at the end of the period. {@code officers}:
     * the officers with deductions, most deducted first, each with his rank among all
     * {@code officersRanked} officers ranked (those without deductions share rank 1).
     */
    public record Scores(String monthText, int base, List<ScoreEntry> units, List<ScoreEntry> officers,
            int officerCount, int officersRanked) {
    }

    /** The detection statistics' ranking by rates, when connected. */
    public record Rates(boolean connected, List<RateColumn> columns, List<RateLine> lines) {
    }

    public record RateColumn(String key, String label) {
    }

    public record RateLine(String rankText, String unitCode, String unitName, List<RateCell> cells) {
    }

    public record RateCell(String text, String colour) {
    }

    /** Problems sent back to be rectified again in the period (屡改屡犯). */
    public record Repeats(int problems, int returns, List<ProblemLine> lines) {
    }

    /** Documents issued in the period: 执法建议书, 纠正违法通知书, 执法问题督办单. */
    public record Documents(int advice, int correctionNotice, int supervisionOrder, int total) {
    }

    /** Red and yellow problems open at the end of the period, most urgent first. */
    public record Warnings(int red, int yellow, List<ProblemLine> lines) {
    }

    /**
     * The talk reminders (纪委督察谈话提醒) and leadership interviews (主要领导约谈) recorded in the
     * period, and of them those whose outcome was 通报批评 or 追责问责 (问责情况); lines the first
     * of them, oldest first.
     */
    public record Talks(int talks, int interviews, int circulated, int accountable, List<TalkLine> lines) {

        public static final Talks NONE = new Talks(0, 0, 0, 0, List.of());

        public int total() {
            return talks + interviews;
        }
    }

    /** One record: when it was held, the unit and officer, which talk, its outcome and document number. */
    public record TalkLine(long id, long problemId, String heldText, String unitName, String officerName,
            String kindLabel, String outcomeLabel, String documentNumber) {
    }

    /**
     * Problems voided (作废) in the period, with who and why: the one place a voided problem
     * still appears, every other figure leaves it out.
     */
    public record Voided(int total, List<VoidedLine> lines) {

        public static final Voided NONE = new Voided(0, List.of());
    }

    public record VoidedLine(long id, String title, String unitCode, String unitName, String voidedAtText,
            String voidedBy, String reason) {
    }

    /**
     * A problem in a list. overdueText is empty when its deadline had not passed at the end
     * of the period; returnsInPeriod is for the repeats list.
     */
    public record ProblemLine(long id, String title, String unitCode, String unitName, String level,
            String levelLabel, String deadlineText, String overdueText, int repeatCount, int returnsInPeriod) {
    }
}
