package cn.jiandu.report;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.time.Times;
import cn.jiandu.document.DocumentProperties;
import cn.jiandu.level.Level;
import cn.jiandu.scoring.ScoreService;
import cn.jiandu.scoring.ScoreSubject;

/** The dashboard's figures (数据大屏), counted afresh on every call: a handful of grouped statements. */
@Service
class DashboardService {

    static final int TREND_DAYS = 30;
    static final String RATE_DEFINITION = "本月整改率 = 本月1日至今到期问题中按期整改的件数 ÷ 到期问题件数 × 100%";
    static final String INTAKE_DEFINITION = "口径：本月1日至今受理的诉求、进行的回访；满意率 =（满意 + 基本满意）÷ 联系上的回访次数；"
            + "回访率 = 应回访诉求中已联系上回访的件数 ÷ 应回访件数；未办结、不满意未清零为当前状态；"
            + "单位按立案、合并诉求的责任单位，无联系上回访的不排名";

    private final ReportMapper mapper;
    private final ScoreService scores;
    private final IntakeStats intake;
    private final DocumentProperties documents;
    private final ReportProperties properties;
    private final Clock clock;

    DashboardService(ReportMapper mapper, ScoreService scores, IntakeStats intake, DocumentProperties documents,
            ReportProperties properties, Clock clock) {
        this.mapper = mapper;
        this.scores = scores;
        this.intake = intake;
        this.documents = documents;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    DashboardView now() {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Times.CHINA);
        YearMonth month = YearMonth.from(today);

        long blue = 0;
        long yellow = 0;
        long red = 0;
        long total = 0;
        for (ReportMapper.TypeCount c : mapper.openByLevel()) {
            total += c.count();
            if (Level.BLUE.name().equals(c.type())) {
                blue += c.count();
            } else if (Level.YELLOW.name().equals(c.type())) {
                yellow += c.count();
            } else if (Level.RED.name().equals(c.type())) {
                red += c.count();
            }
        }

        LocalDate first = today.minusDays(TREND_DAYS - 1L);
        Instant from = first.atStartOfDay(Times.CHINA).toInstant();
        Instant to = today.plusDays(1).atStartOfDay(Times.CHINA).toInstant();
        Map<LocalDate, Long> found = perDay(mapper.foundPerDay(from, to));
        Map<LocalDate, Long> closed = perDay(mapper.closedPerDay(from, to));
        List<DashboardView.TrendDay> trend = new ArrayList<>(TREND_DAYS);
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            trend.add(new DashboardView.TrendDay(day, found.getOrDefault(day, 0L), closed.getOrDefault(day, 0L)));
        }

        List<DashboardView.Overdue> overdue = mapper.overdue(now, properties.dashboardOverdueLimit()).stream()
                .map(r -> new DashboardView.Overdue(r.id(), r.title(), r.unitCode(),
                        r.unitName() == null ? r.unitCode() : r.unitName(), r.level(),
                        r.level() == null ? "" : Level.valueOf(r.level()).label(), Times.china(r.deadline()),
                        Duration.between(r.deadline(), now).toHours()))
                .toList();

        Instant monthStart = month.atDay(1).atStartOfDay(Times.CHINA).toInstant();
        ReportMapper.DueCounts due = mapper.dueBetween(monthStart, now);
        var rate = ChineseText.percent(due.onTime(), due.due());

        return new DashboardView(documents.bureauName(), Times.china(now),
                new DashboardView.Counts(blue, yellow, red, total), trend, month.toString(),
                scores.ranking(month, ScoreSubject.UNIT, null), mapper.overdueCount(now), overdue, rate,
                new DashboardView.Rectification(month.atDay(1), today, due.due(), due.onTime(),
                        ChineseText.percentText(rate), RATE_DEFINITION),
                intake.count(month.atDay(1), today), INTAKE_DEFINITION);
    }

    private static Map<LocalDate, Long> perDay(List<ReportMapper.DayCount> counts) {
        Map<LocalDate, Long> map = new HashMap<>();
        counts.forEach(c -> map.merge(c.day(), c.count(), Long::sum));
        return map;
    }
}
