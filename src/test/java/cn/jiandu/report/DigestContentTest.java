package cn.jiandu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import cn.jiandu.time.Times;

class DigestContentTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Instant EIGHT = MONDAY.atTime(8, 0).atZone(Times.CHINA).toInstant();
    private static final String LINK = "dingtalk://dingtalkclient/page/link?url=x";

    private final DigestContent content = new DigestContent();

    private static ReportMapper.ProblemRow problem(long id, String title, String unit, String level, Instant deadline) {
        return new ReportMapper.ProblemRow(id, title, unit, unit + "派出所", level, deadline, 0, 0);
    }

    @Test
    void shouldGiveTheChiefTheBureausFiguresAndItsReds() {
        String chief = content.chief(new DigestContent.ChiefFigures(5, 2, 1, 3, 4, 2,
                List.of(problem(11, "取保候审期满未解除", "CG", "RED", EIGHT.minusSeconds(7200))), 1), EIGHT, LINK)
                .orElseThrow();
        assertThat(chief).contains("在办问题：8个（红色1、黄色2、蓝色5）", "昨日新增：3个；昨日闭环：4个", "超期未整改：2个",
                "**红色预警**", "1. 第11号 取保候审期满未解除（CG派出所，已超期2小时）", "[查看执法监督大屏](" + LINK + ")");
    }

    @Test
    void shouldGiveADeputyLeaderTheRedsAndYellowsOfHisUnits() {
        String deputy = content.deputy(new DigestContent.DeputyFigures(List.of(
                problem(1, "红色问题", "A", "RED", EIGHT.plusSeconds(3600 * 30)),
                problem(2, "黄色问题", "A", "YELLOW", null))), EIGHT, LINK).orElseThrow();
        assertThat(deputy).contains("分管单位预警（红色1个、黄色1个）", "1. 【红色】第1号 红色问题（A派出所，12月8日 14:00到期）",
                "2. 【黄色】第2号 黄色问题（A派出所，无期限）");
    }

    @Test
    void shouldGiveTheLegalCaptainTheOverdueAndTheAwaitingReview() {
        String captain = content.captain(new DigestContent.CaptainFigures(1,
                List.of(problem(3, "超期问题", "B", "BLUE", EIGHT.minusSeconds(86400 + 3600))), 1,
                List.of(problem(4, "待审问题", "B", "BLUE", null))), EIGHT, LINK).orElseThrow();
        assertThat(captain).contains("超期未整改（1个）", "第3号 超期问题（B派出所，已超期1天1小时）", "待审核整改报告（1个）",
                "第4号 待审问题（B派出所）");
    }

    @Test
    void shouldGiveAUnitHeadWhatIsDueTodayAndWhatIsOverdue() {
        String head = content.unitHead(new DigestContent.UnitHeadFigures("城关派出所", List.of(
                new DigestMapper.DueRow(5, "昨天到期", "BLUE", "RECTIFYING", EIGHT.minusSeconds(3600 * 16)),
                new DigestMapper.DueRow(6, "今天签收", "BLUE", "OPEN", EIGHT.plusSeconds(3600 * 9)))), EIGHT, LINK)
                .orElseThrow();
        assertThat(head).contains("城关派出所：今日到期1个、已超期1个", "**已超期**", "1. 第5号 昨天到期（待整改，已超期16小时）",
                "**今日到期**", "1. 第6号 今天签收（待签收，12月7日 17:00到期）");
    }

    @Test
    void shouldWriteNothingForSomebodyWithNothingToRead() {
        assertThat(content.chief(new DigestContent.ChiefFigures(0, 0, 0, 0, 0, 0, List.of(), 0), EIGHT, LINK)).isEmpty();
        assertThat(content.deputy(new DigestContent.DeputyFigures(List.of()), EIGHT, LINK)).isEmpty();
        assertThat(content.captain(new DigestContent.CaptainFigures(0, List.of(), 0, List.of()), EIGHT, LINK)).isEmpty();
        assertThat(content.unitHead(new DigestContent.UnitHeadFigures("B", List.of()), EIGHT, LINK)).isEmpty();
        assertThat(DigestContent.message(MONDAY, List.of())).isEmpty();
    }

    @Test
    void shouldPutSeveralRolesIntoOneMessageWithTheDayInItsTitle() {
        String message = DigestContent.message(MONDAY, List.of("#### 一", "#### 二")).orElseThrow();
        assertThat(message).startsWith("### 执法监督每日推送（2026年12月7日）").contains("#### 一\n\n---\n\n#### 二");
        assertThat(DigestContent.title(MONDAY)).isEqualTo("【每日推送】2026年12月7日执法监督早报");
    }

    @Test
    void shouldEscapeWhatAProblemsTitleCarries() {
        String deputy = content.deputy(new DigestContent.DeputyFigures(List.of(
                problem(1, "[点我](http://evil.example)", "A", "RED", null))), EIGHT, LINK).orElseThrow();
        assertThat(deputy).doesNotContain("[点我](http://evil.example)");
    }

    @Test
    void shouldBeDueOnAWorkingDayFromTheDigestTimeOnTheSameDayOnly() {
        Predicate<LocalDate> weekdays = d -> d.getDayOfWeek().getValue() <= 5;
        LocalTime eight = LocalTime.of(8, 0);
        assertThat(DigestContent.due(at(MONDAY, 7, 59), eight, weekdays)).isFalse();
        assertThat(DigestContent.due(at(MONDAY, 8, 0), eight, weekdays)).isTrue();
        // a node that was down at 8 sends when it is back, the same day
        assertThat(DigestContent.due(at(MONDAY, 14, 30), eight, weekdays)).isTrue();
        // the next morning before 8 it is not yesterday's that is due
        assertThat(DigestContent.due(at(MONDAY.plusDays(1), 0, 30), eight, weekdays)).isFalse();
        // Saturday, and a holiday on a weekday (国庆节)
        assertThat(DigestContent.due(at(LocalDate.of(2026, 12, 12), 9, 0), eight, weekdays)).isFalse();
        Set<LocalDate> holidays = Set.of(LocalDate.of(2026, 10, 1));
        assertThat(DigestContent.due(at(LocalDate.of(2026, 10, 1), 9, 0), eight,
                weekdays.and(d -> !holidays.contains(d)))).isFalse();
        // the time is China time whatever the zone of the instant
        assertThat(DigestContent.due(at(MONDAY, 8, 0).withZoneSameInstant(java.time.ZoneOffset.UTC), eight, weekdays))
                .isTrue();
    }

    private static ZonedDateTime at(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(Times.CHINA);
    }
}
