package cn.jiandu.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import cn.jiandu.time.Times;
import cn.jiandu.document.DocumentProperties;
import cn.jiandu.scoring.ScoreService;
import cn.jiandu.scoring.ScoreSubject;

/** How a report puts the counts together, and where the detection statistics plug in. */
class ReportCounterTest {

    private final ReportMapper mapper = mock(ReportMapper.class);
    private final ScoreService scores = mock(ScoreService.class);
    private final ReportProperties properties = new ReportProperties(true, java.time.Duration.ofMinutes(1),
            java.time.LocalTime.of(8, 0), java.time.DayOfWeek.MONDAY, java.time.LocalTime.of(8, 30), 1,
            java.time.LocalTime.of(9, 0), "bureau", "执法监督中心", 20, 50);
    private final Period march = ReportType.MONTHLY.periodOf(LocalDate.of(2026, 3, 1));

    private ReportCounter counter(StaticListableBeanFactory beans) {
        when(mapper.returnCounts(any(), any())).thenReturn(new ReportMapper.ReturnCounts(0, 0));
        when(mapper.unitCounts(any(), any())).thenReturn(List.of(
                new ReportMapper.UnitCounts("CG", "城关派出所", 3, 2, 1, 2, 1, 3, 1),
                new ReportMapper.UnitCounts("XH", "新华路派出所", 1, 0, 0, 0, 0, 0, 0),
                new ReportMapper.UnitCounts("DG", "东关派出所", 0, 0, 0, 0, 0, 0, 0)));
        when(mapper.foundBySourceAndLevel(any(), any())).thenReturn(List.of(
                new ReportMapper.SourceLevelCount("PETITION", "涉警信访", 160, "RED", 1),
                new ReportMapper.SourceLevelCount("HOTLINE_12345", "12345政务服务热线", 10, "BLUE", 2),
                new ReportMapper.SourceLevelCount("HOTLINE_12345", "12345政务服务热线", 10, "YELLOW", 1)));
        when(scores.ranking(YearMonth.of(2026, 3), ScoreSubject.UNIT, march.endInstant())).thenReturn(List.of());
        when(scores.ranking(YearMonth.of(2026, 3), ScoreSubject.OFFICER, march.endInstant())).thenReturn(List.of());
        when(scores.monthlyBase()).thenReturn(100);
        return new ReportCounter(mapper, scores, beans.getBeanProvider(UnitRatesProvider.class),
                new IntakeStats(mock(IntakeStatsMapper.class)),
                new DocumentProperties("示分", "示范市公安局示范分局"), properties,
                Clock.fixed(Instant.parse("2026-04-01T01:00:00Z"), Times.CHINA));
    }

    @Test
    void shouldAddTheUnitsUpAndLeaveOutUnitsWithNothingToShow() {
        ReportFigures figures = counter(new StaticListableBeanFactory()).count(march, 3);
        assertThat(figures.title()).isEqualTo("执法监督月报（2026年第3期）");
        assertThat(figures.found()).extracting(ReportFigures.Found::total, ReportFigures.Found::blue,
                ReportFigures.Found::yellow, ReportFigures.Found::red).containsExactly(4, 2, 1, 1);
        assertThat(figures.found().bySource()).extracting(ReportFigures.SourceLine::code)
                .containsExactly("HOTLINE_12345", "PETITION");
        assertThat(figures.closed()).isEqualTo(new ReportFigures.Closed(2, 1, 1));
        assertThat(figures.open()).isEqualTo(new ReportFigures.Open(2, 1));
        assertThat(figures.rectification().rateText()).isEqualTo("33.33%");
        assertThat(figures.units()).extracting(ReportFigures.UnitLine::code).containsExactly("CG", "XH");
        assertThat(figures.madeAtText()).isEqualTo("2026年4月1日 09:00");
        assertThat(figures.scores().monthText()).isEqualTo("2026年3月");
        assertThat(figures.rates().connected()).isFalse();
    }

    @Test
    void shouldRankByTheRatesOfTheDetectionStatisticsOnceTheyProvideThem() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        UnitRatesProvider detection = (from, to) -> {
            assertThat(from).isEqualTo(LocalDate.of(2026, 3, 1));
            assertThat(to).isEqualTo(LocalDate.of(2026, 3, 31));
            return List.of(
                    new UnitRates("XH", "新华路派出所", 1, List.of(
                            new UnitRates.Rate("diversionRate", "分流率", new BigDecimal("99.504"), "GREEN"),
                            new UnitRates.Rate("receiptRate", "回执开具率", new BigDecimal("100.00"), "GREEN"))),
                    new UnitRates("CG", "城关派出所", 2, List.of(
                            new UnitRates.Rate("receiptRate", "回执开具率", new BigDecimal("87.5"), "RED"))));
        };
        beans.addBean("detectionRates", detection);
        ReportFigures.Rates rates = counter(beans).count(march, 1).rates();
        assertThat(rates.connected()).isTrue();
        assertThat(rates.columns()).extracting(ReportFigures.RateColumn::label).containsExactly("分流率", "回执开具率");
        assertThat(rates.lines().get(0).cells()).containsExactly(new ReportFigures.RateCell("99.5%", "GREEN"),
                new ReportFigures.RateCell("100%", "GREEN"));
        assertThat(rates.lines().get(1).cells()).containsExactly(new ReportFigures.RateCell("—", null),
                new ReportFigures.RateCell("87.5%", "RED"));
        assertThat(rates.lines().get(1).rankText()).isEqualTo("2");
    }
}
