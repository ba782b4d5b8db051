package cn.jiandu.report;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.document.DocumentProperties;
import cn.jiandu.document.DocumentType;
import cn.jiandu.level.Level;
import cn.jiandu.problem.Accountability;
import cn.jiandu.problem.TalkKind;
import cn.jiandu.scoring.ScoreEntry;
import cn.jiandu.scoring.ScoreService;
import cn.jiandu.scoring.ScoreSubject;
import cn.jiandu.text.ChineseDates;

/** Counts a report's figures for one period: a fixed handful of grouped statements. */
@Component
class ReportCounter {

    static final String RATE_DEFINITION = "整改率 = 本期到期问题中按期整改的件数 ÷ 本期到期问题件数 × 100%。"
            + "本期到期：整改期限届满于本期内；按期整改：在整改期限内提交整改报告并经审核通过（闭环）。"
            + "本期无到期问题时不计整改率（记为“—”）。";

    private final ReportMapper mapper;
    private final ScoreService scores;
    private final ObjectProvider<UnitRatesProvider> rates;
    private final IntakeStats intake;
    private final DocumentProperties documents;
    private final ReportProperties properties;
    private final Clock clock;

    ReportCounter(ReportMapper mapper, ScoreService scores, ObjectProvider<UnitRatesProvider> rates,
            IntakeStats intake, DocumentProperties documents, ReportProperties properties, Clock clock) {
        this.mapper = mapper;
        this.scores = scores;
        this.rates = rates;
        this.intake = intake;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    static String title(ReportType type, int year, int issueNo) {
        return type.title() + "（" + year + "年第" + issueNo + "期）";
    }

    /** Everything the report of {@code period} prints, as at the end of the period. */
    @Transactional(readOnly = true)
    ReportFigures count(Period period, int issueNo) {
        Instant start = period.startInstant();
        Instant end = period.endInstant();
        int year = period.start().getYear();
        int limit = properties.listLimit();

        List<ReportMapper.UnitCounts> unitCounts = mapper.unitCounts(start, end);
        List<ReportFigures.UnitLine> units = units(unitCounts);
        int closed = sum(unitCounts, ReportMapper.UnitCounts::closed);
        int closedOnTime = sum(unitCounts, ReportMapper.UnitCounts::closedOnTime);
        int due = sum(unitCounts, ReportMapper.UnitCounts::due);
        int dueOnTime = sum(unitCounts, ReportMapper.UnitCounts::dueOnTime);

        Map<String, Long> docs = counts(mapper.documentsIssued(start, end));
        int advice = docs.getOrDefault(DocumentType.ADVICE.name(), 0L).intValue();
        int correction = docs.getOrDefault(DocumentType.CORRECTION_NOTICE.name(), 0L).intValue();
        int order = docs.getOrDefault(DocumentType.SUPERVISION_ORDER.name(), 0L).intValue();

        ReportMapper.ReturnCounts returns = mapper.returnCounts(start, end);
        Map<String, Long> warningCounts = counts(mapper.warningCounts(end));

        return new ReportFigures(period.type(), period, period.text(), documents.bureauName(), properties.issuer(),
                issueNo, year, title(period.type(), year, issueNo), ChineseDates.dateTime(clock.instant()), limit,
                found(mapper.foundBySourceAndLevel(start, end)),
                new ReportFigures.Closed(closed, closedOnTime, closed - closedOnTime),
                new ReportFigures.Open(sum(unitCounts, ReportMapper.UnitCounts::open),
                        sum(unitCounts, ReportMapper.UnitCounts::overdue)),
                new ReportFigures.Rectification(due, dueOnTime,
                        ChineseText.percentText(ChineseText.percent(dueOnTime, due)), RATE_DEFINITION),
                units,
                scores(period, end, limit),
                rates(period),
                new ReportFigures.Repeats((int) returns.problems(), (int) returns.returns(),
                        lines(mapper.returned(start, end, limit), end)),
                new ReportFigures.Documents(advice, correction, order, advice + correction + order),
                new ReportFigures.Warnings(warningCounts.getOrDefault(Level.RED.name(), 0L).intValue(),
                        warningCounts.getOrDefault(Level.YELLOW.name(), 0L).intValue(),
                        lines(mapper.warnings(end, limit), end)),
                talks(mapper.talkCounts(start, end), mapper.talks(start, end, limit)),
                new ReportFigures.Voided((int) mapper.voidedCount(start, end), mapper.voided(start, end, limit).stream()
                        .map(v -> new ReportFigures.VoidedLine(v.id(), v.title(), v.unitCode(),
                                v.unitName() == null ? v.unitCode() : v.unitName(), ChineseDates.dateTime(v.voidedAt()),
                                v.voidedBy(), v.reason() == null ? "" : v.reason()))
                        .toList()),
                intake.count(period.start(), period.end()));
    }

    /** 问责情况: counts by kind and outcome, and the first records. */
    static ReportFigures.Talks talks(List<ReportMapper.TalkCount> counts, List<ReportMapper.TalkRow> rows) {
        int talks = 0;
        int interviews = 0;
        int circulated = 0;
        int accountable = 0;
        for (ReportMapper.TalkCount c : counts) {
            int n = (int) c.count();
            if (TalkKind.DISCIPLINE_TALK.name().equals(c.kind())) {
                talks += n;
            } else {
                interviews += n;
            }
            if (Accountability.CIRCULATED_CRITICISM.name().equals(c.outcome())) {
                circulated += n;
            } else if (Accountability.ACCOUNTABILITY.name().equals(c.outcome())) {
                accountable += n;
            }
        }
        List<ReportFigures.TalkLine> lines = rows.stream().map(r -> new ReportFigures.TalkLine(r.id(), r.problemId(),
                ChineseDates.dateTime(r.heldAt()), r.unitName() == null ? r.unitCode() : r.unitName(),
                r.officerNo() == null ? "" : r.officerName() == null ? r.officerNo() : r.officerName(),
                TalkKind.valueOf(r.kind()).label(),
                Accountability.parse(r.outcome()).map(Accountability::label).orElse("未提出"),
                r.documentNumber() == null ? "" : r.documentNumber())).toList();
        return new ReportFigures.Talks(talks, interviews, circulated, accountable, lines);
    }

    private static ReportFigures.Found found(List<ReportMapper.SourceLevelCount> counts) {
        Map<String, int[]> bySource = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Integer> order = new LinkedHashMap<>();
        int[] total = new int[4];
        for (ReportMapper.SourceLevelCount c : counts) {
            int[] line = bySource.computeIfAbsent(c.source(), s -> new int[4]);
            names.put(c.source(), c.sourceName() == null ? c.source() : c.sourceName());
            order.put(c.source(), c.sortOrder() == null ? Integer.MAX_VALUE : c.sortOrder());
            int slot = c.level() == null ? -1 : switch (c.level()) {
                case "BLUE" -> 0;
                case "YELLOW" -> 1;
                case "RED" -> 2;
                default -> -1;
            };
            if (slot >= 0) {
                line[slot] += c.count();
                total[slot] += c.count();
            }
            line[3] += c.count();
            total[3] += c.count();
        }
        List<ReportFigures.SourceLine> lines = new ArrayList<>();
        bySource.forEach((code, n) -> lines.add(new ReportFigures.SourceLine(code, names.get(code), n[0], n[1], n[2],
                n[3])));
        lines.sort(Comparator.comparingInt((ReportFigures.SourceLine l) -> -l.total())
                .thenComparing(l -> order.get(l.code())).thenComparing(ReportFigures.SourceLine::code));
        return new ReportFigures.Found(total[3], total[0], total[1], total[2], lines);
    }

    /** Units with anything to show, those with most overdue and open problems first. */
    private static List<ReportFigures.UnitLine> units(List<ReportMapper.UnitCounts> counts) {
        List<ReportFigures.UnitLine> lines = new ArrayList<>();
        for (ReportMapper.UnitCounts c : counts) {
            if (c.found() + c.closed() + c.open() + c.due() == 0) {
                continue;
            }
            lines.add(new ReportFigures.UnitLine(c.unitCode(), c.unitName() == null ? c.unitCode() : c.unitName(),
                    c.found(), c.closed(), c.closedOnTime(), c.closed() - c.closedOnTime(), c.open(), c.overdue(),
                    c.due(), c.dueOnTime(), ChineseText.percentText(ChineseText.percent(c.dueOnTime(), c.due()))));
        }
        lines.sort(Comparator.comparingInt((ReportFigures.UnitLine l) -> -l.overdue())
                .thenComparingInt(l -> -l.open()).thenComparingInt(l -> -l.found())
                .thenComparing(ReportFigures.UnitLine::code));
        return lines;
    }

    /** The month of the period's last day, as at the end of the period. */
    private ReportFigures.Scores scores(Period period, Instant end, int limit) {
        YearMonth month = YearMonth.from(period.end());
        List<ScoreEntry> units = scores.ranking(month, ScoreSubject.UNIT, end);
        List<ScoreEntry> officers = scores.ranking(month, ScoreSubject.OFFICER, end);
        // most deducted first: the ones a leader must look at, whatever the list's limit
        List<ScoreEntry> charged = officers.stream().filter(e -> e.deducted() > 0)
                .sorted(Comparator.comparingInt(ScoreEntry::deducted).reversed().thenComparing(ScoreEntry::code))
                .toList();
        String monthText = month.getYear() + "年" + month.getMonthValue() + "月";
        if (period.end().getDayOfMonth() != month.lengthOfMonth()) {
            monthText += "1日至" + period.end().getDayOfMonth() + "日";
        }
        return new ReportFigures.Scores(monthText, scores.monthlyBase(), units,
                charged.subList(0, Math.min(limit, charged.size())), charged.size(), officers.size());
    }

    private ReportFigures.Rates rates(Period period) {
        Optional<UnitRatesProvider> provider = rates.orderedStream().findFirst();
        if (provider.isEmpty()) {
            return new ReportFigures.Rates(false, List.of(), List.of());
        }
        List<UnitRates> all = provider.get().unitRates(period.start(), period.end());
        Map<String, ReportFigures.RateColumn> columns = new LinkedHashMap<>();
        for (UnitRates unit : all) {
            for (UnitRates.Rate rate : unit.rates()) {
                columns.putIfAbsent(rate.key(), new ReportFigures.RateColumn(rate.key(), rate.label()));
            }
        }
        List<ReportFigures.RateLine> lines = new ArrayList<>();
        for (UnitRates unit : all) {
            List<ReportFigures.RateCell> cells = new ArrayList<>();
            for (ReportFigures.RateColumn column : columns.values()) {
                UnitRates.Rate rate = unit.rates().stream().filter(r -> r.key().equals(column.key())).findFirst()
                        .orElse(null);
                cells.add(rate == null ? new ReportFigures.RateCell("—", null)
                        : new ReportFigures.RateCell(percentText(rate.percent()), rate.colour()));
            }
            lines.add(new ReportFigures.RateLine(unit.rank() == null ? "—" : String.valueOf(unit.rank()),
                    unit.unitCode(), unit.unitName(), cells));
        }
        return new ReportFigures.Rates(true, List.copyOf(columns.values()), lines);
    }

    private static String percentText(BigDecimal percent) {
        return percent == null ? "—" : ChineseText.percentText(percent.setScale(2, java.math.RoundingMode.HALF_UP)
                .stripTrailingZeros());
    }

    static List<ReportFigures.ProblemLine> lines(List<ReportMapper.ProblemRow> rows, Instant at) {
        return rows.stream().map(r -> line(r, at)).toList();
    }

    static ReportFigures.ProblemLine line(ReportMapper.ProblemRow r, Instant at) {
        Level level = r.level() == null ? null : Level.valueOf(r.level());
        String overdue = r.deadline() != null && r.deadline().isBefore(at)
                ? "已超期" + ChineseText.duration(Duration.between(r.deadline(), at)) : "";
        return new ReportFigures.ProblemLine(r.id(), r.title(), r.unitCode(),
                r.unitName() == null ? r.unitCode() : r.unitName(), r.level(), level == null ? "" : level.label(),
                ChineseDates.dateTime(r.deadline()), overdue, r.repeatCount(), r.returns());
    }

    private static Map<String, Long> counts(List<ReportMapper.TypeCount> counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        counts.forEach(c -> map.merge(c.type() == null ? "" : c.type(), c.count(), Long::sum));
        return map;
    }

    private static int sum(List<ReportMapper.UnitCounts> counts, java.util.function.ToIntFunction<ReportMapper.UnitCounts> f) {
        return counts.stream().mapToInt(f).sum();
    }
}
