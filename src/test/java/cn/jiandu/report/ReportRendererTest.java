package cn.jiandu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jiandu.scoring.ScoreEntry;

/** The templates lay out given figures: every section, escaped HTML, escaped markdown. */
class ReportRendererTest {

    private final ReportRenderer renderer = new ReportRenderer();

    static ReportFigures figures(ReportType type, ReportFigures.Rates rates) {
        Period period = type.periodOf(LocalDate.of(2026, 3, 10));
        ReportFigures.ProblemLine red = new ReportFigures.ProblemLine(7, "<script>alert(1)</script>**粗体**", "CG",
                "城关派出所", "RED", "红色", "2026年3月9日 23:59", "已超期1天", 0, 0);
        ReportFigures.ProblemLine repeat = new ReportFigures.ProblemLine(8, "受案回执未开具", "XH", "新华路派出所",
                "YELLOW", "黄色", "2026年3月12日 23:59", "", 2, 1);
        return new ReportFigures(type, period, period.text(), "示范市公安局示范分局", "执法监督中心", 12, 2026,
                ReportCounter.title(type, 2026, 12), "2026年3月11日 08:00", 20,
                new ReportFigures.Found(5, 3, 1, 1, List.of(
                        new ReportFigures.SourceLine("HOTLINE_12345", "12345政务服务热线", 2, 1, 0, 3),
                        new ReportFigures.SourceLine("PETITION", "涉警信访", 1, 0, 1, 2))),
                new ReportFigures.Closed(3, 2, 1),
                new ReportFigures.Open(4, 2),
                new ReportFigures.Rectification(4, 2, "50%", ReportCounter.RATE_DEFINITION),
                List.of(new ReportFigures.UnitLine("CG", "城关派出所", 3, 2, 1, 1, 2, 1, 3, 1, "33.33%")),
                new ReportFigures.Scores("2026年3月1日至10日", 100,
                        List.of(new ScoreEntry(1, "XH", "新华路派出所", null, null, 0, 100),
                                new ScoreEntry(2, "CG", "城关派出所", null, null, 9, 91)),
                        List.of(new ScoreEntry(40, "500002", "陈晓", "CG", "城关派出所", 5, 95)), 1, 40),
                rates,
                new ReportFigures.Repeats(1, 1, List.of(repeat)),
                new ReportFigures.Documents(3, 1, 1, 5),
                new ReportFigures.Warnings(1, 1, List.of(red, repeat)),
                ReportFigures.Talks.NONE,
                new ReportFigures.Voided(1, List.of(new ReportFigures.VoidedLine(9, "重复登记", "CG", "城关派出所",
                        "2026年3月10日 09:00", "200001", "与第7号重复"))));
    }

    @Test
    void shouldPrintEverySectionWithItsFiguresAndTheRateDefinition() {
        String html = renderer.html(figures(ReportType.DAILY, new ReportFigures.Rates(false, List.of(), List.of())));
        assertThat(html).contains("执法监督日报", "2026年第12期", "统计时段：2026年3月10日", "一、总体情况",
                "二、问题发现情况", "三、问题整改情况", "四、单位排名", "五、屡改屡犯问题", "六、执法文书下发情况",
                "七、红黄预警问题", "整改率 = 本期到期问题中按期整改的件数 ÷ 本期到期问题件数 × 100%",
                "执法质量积分排名（2026年3月1日至10日）", "执法检测统计（分流率、受立案率、文书开具率等）尚未接入");
        assertThat(html).contains("data-k=\"found.total\">5<", "data-k=\"found.source.PETITION.red\">1<",
                "data-k=\"closed.late\">1<", "data-k=\"rect.rate\">50%<", "data-k=\"unit.CG.rate\">33.33%<",
                "data-k=\"score.unit.CG.score\">91<", "data-k=\"score.officer.500002.deducted\">5<",
                "data-k=\"doc.total\">5<", "data-k=\"warn.7.deadline\">2026年3月9日 23:59<",
                "data-k=\"repeat.8.count\">2次<");
        // why the officers' ranks start at 40: the 39 without deductions share rank 1
        assertThat(html).contains("名次是在全局40名民警中的月度积分名次", "未被扣分的39名民警积分100分、并列第1名");
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void shouldPrintTheDetectionRatesWhenConnected() {
        ReportFigures.Rates rates = new ReportFigures.Rates(true,
                List.of(new ReportFigures.RateColumn("diversionRate", "分流率"),
                        new ReportFigures.RateColumn("receiptRate", "回执开具率")),
                List.of(new ReportFigures.RateLine("1", "CG", "城关派出所", List.of(
                        new ReportFigures.RateCell("99.5%", "GREEN"), new ReportFigures.RateCell("—", null)))));
        String html = renderer.html(figures(ReportType.MONTHLY, rates));
        assertThat(html).contains("执法监督月报", "<th>分流率</th>", "<th>回执开具率</th>",
                "class=\"rate-GREEN\">99.5%<").doesNotContain("尚未接入");
        assertThat(new BigDecimal("99.50").stripTrailingZeros().toPlainString()).isEqualTo("99.5");
    }

    @Test
    void shouldListTheMonthsTalksAndInterviewsUnderAccountabilityInTheMonthlyReportOnly() {
        ReportFigures base = figures(ReportType.MONTHLY, new ReportFigures.Rates(false, List.of(), List.of()));
        ReportFigures.Talks talks = ReportCounter.talks(
                List.of(new ReportMapper.TalkCount("DISCIPLINE_TALK", "CIRCULATED_CRITICISM", 2),
                        new ReportMapper.TalkCount("DISCIPLINE_TALK", "NONE", 1),
                        new ReportMapper.TalkCount("LEADERSHIP_INTERVIEW", "ACCOUNTABILITY", 1)),
                List.of(new ReportMapper.TalkRow(31, 7, "LEADERSHIP_INTERVIEW",
                        java.time.Instant.parse("2026-03-05T02:00:00Z"), "CG", "城关派出所", "500002",
                        "<b>陈晓</b>", "ACCOUNTABILITY", "示分约谈字〔2026〕第001号")));
        ReportFigures monthly = new ReportFigures(base.type(), base.period(), base.periodText(), base.bureauName(),
                base.issuer(), base.issueNo(), base.year(), base.title(), base.madeAtText(), base.limit(), base.found(),
                base.closed(), base.open(), base.rectification(), base.units(), base.scores(), base.rates(),
                base.repeats(), base.documents(), base.warnings(), talks, base.voided());

        String html = renderer.html(monthly);

        assertThat(html).contains("八、问责情况", "data-k=\"talk.talks\">3<", "data-k=\"talk.interviews\">1<",
                "data-k=\"talk.circulated\">2<", "data-k=\"talk.accountable\">1<",
                "data-k=\"talk.31.kind\">主要领导约谈<", "data-k=\"talk.31.outcome\">追责问责<",
                "data-k=\"talk.31.number\">示分约谈字〔2026〕第001号<", "2026年3月5日 10:00", "城关派出所")
                .doesNotContain("<b>陈晓</b>").contains("&lt;b&gt;陈晓&lt;/b&gt;");
        assertThat(renderer.html(figures(ReportType.DAILY, new ReportFigures.Rates(false, List.of(), List.of()))))
                .doesNotContain("问责情况");
        assertThat(renderer.html(base)).contains("八、问责情况", "data-k=\"talk.talks\">0<");
    }

    @Test
    void shouldSummariseForTheGroupInEscapedMarkdownWithTheLink() {
        String md = renderer.markdown(figures(ReportType.WEEKLY, new ReportFigures.Rates(false, List.of(), List.of())),
                "https://jiandu.example.cn/api/reports/3");
        assertThat(md).startsWith("#### 示范市公安局示范分局执法监督周报（2026年第12期）")
                .contains("本周新发现问题 **5** 件（蓝色 3、黄色 1、红色 1）", "整改率 **50%**",
                        "【红色】城关派出所：＜script＞alert\\(1\\)＜/script＞\\*\\*粗体\\*\\*",
                        "扣分最多：城关派出所 扣9分（积分91分）\n")
                .endsWith("[查看完整报告](https://jiandu.example.cn/api/reports/3)");
    }

    /** A channel's counts: tickets by triage status, calls by outcome, due and called back, 诉求清零. */
    private static IntakeFigures.Counts channel(String code, String name, long... n) {
        IntakeFigures.Counts c = new IntakeFigures.Counts(code);
        c.name = name;
        for (int i = 0; i < n.length; i++) {
            c.add(IntakeFigures.Count.values()[i], n[i]);
        }
        return c;
    }

    private static ReportFigures withIntake(ReportFigures base, IntakeFigures intake) {
        return new ReportFigures(base.type(), base.period(), base.periodText(), base.bureauName(), base.issuer(),
                base.issueNo(), base.year(), base.title(), base.madeAtText(), base.limit(), base.found(), base.closed(),
                base.open(), base.rectification(), base.units(), base.scores(), base.rates(), base.repeats(),
                base.documents(), base.warnings(), base.talks(), base.voided(), intake);
    }

    @Test
    void shouldPrintThePublicsTicketsPerChannelTheClearanceAndTheUnitsBySatisfaction() {
        ReportFigures base = figures(ReportType.MONTHLY, new ReportFigures.Rates(false, List.of(), List.of()));
        // received, pending, accepted, merged, referred, rejected, calls, reached, satisfied, basically,
        // dissatisfied, unreachable, due, called back, unresolved, dissatisfied open, cleared
        IntakeFigures intake = IntakeFigures.of(base.period().start(), base.period().end(),
                List.of(channel("HOTLINE_12345", "12345<b>热线</b>", 5, 1, 2, 1, 0, 1, 7, 6, 3, 2, 1, 1, 4, 3, 3, 1, 1),
                        channel("CHIEF_MAILBOX", "局长信箱", 2, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0)),
                List.of(channel("CG", "城关派出所", 2, 0, 2, 0, 0, 0, 3, 3, 1, 1, 1, 0, 2, 2, 1, 1, 0),
                        channel("XH", "新华路派出所", 1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 1, 1, 0, 1, 0, 0)));

        String html = renderer.html(withIntake(base, intake));

        assertThat(html).contains("九、群众诉求与回访", "十、作废问题", "data-k=\"intake.received\">7<",
                "data-k=\"intake.satisfaction\">83.33%<", "data-k=\"intake.callback\">60%<",
                "data-k=\"intake.unresolved\">4<", "data-k=\"intake.dissatisfiedOpen\">1<",
                "data-k=\"intake.cleared\">1<", "data-k=\"intake.channel.CHIEF_MAILBOX.satisfaction\">—<",
                "data-k=\"intake.channel.HOTLINE_12345.received\">5<", "data-k=\"intake.unit.CG.rank\">1<",
                "data-k=\"intake.unit.CG.satisfaction\">66.67%<", "data-k=\"intake.unit.XH.rank\">—<",
                "满意率 = （满意 + 基本满意）÷ 联系上的回访次数 × 100%")
                .doesNotContain("<b>热线</b>").contains("12345&lt;b&gt;热线&lt;/b&gt;");
        assertThat(html.indexOf("12345&lt;b&gt;")).as("most tickets first").isLessThan(html.indexOf("局长信箱"));
        assertThat(renderer.html(base)).contains("九、群众诉求与回访", "data-k=\"intake.status\">本月无群众诉求");
        assertThat(renderer.html(withIntake(figures(ReportType.DAILY, base.rates()), intake)))
                .contains("八、群众诉求与回访", "九、作废问题", "data-k=\"intake.satisfaction\">83.33%<");

        String md = renderer.markdown(withIntake(base, intake), "https://jiandu.example.cn/api/reports/3");
        assertThat(md).contains("群众诉求受理 **7** 件，回访 8 次，满意率 **83.33%**，回访率 60%；"
                + "诉求清零：未办结 4 件，不满意未清零 **1** 件，已清零 1 件");
    }
}
