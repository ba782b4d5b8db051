package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jiandu.report.MorningDigest;

/**
 * The 8 o'clock digest (每日早8时推送): on a working day each role gets its own content, once,
 * however often and from however many threads the check runs; nobody with nothing to read
 * gets one; on a holiday nobody. The week is one before every stored problem, so that the
 * bureau's lists are this test's own.
 */
class DingTalkDigestIT extends ItSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "digest-pass-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);
    private final Map<String, String> people = new HashMap<>();
    private final List<Long> problems = new ArrayList<>();

    @Autowired
    MorningDigest digest;

    private LocalDate monday;
    private String unitA;
    private String unitB;

    @BeforeEach
    void aBureauWithProblemsInTwoUnits() {
        monday = mondayBeforeEveryProblem(jdbc);
        clock.setNow(at(monday, 10, 0));
        String u = unique();
        String legal = fx.unit("DL" + u, "推送测试法制大队" + u, "LEGAL");
        people.put("CHIEF", fx.officerOnDingTalk("DC" + u, legal, "CHIEF"));
        people.put("DEPUTY", fx.officerOnDingTalk("DD" + u, legal, "DEPUTY_LEADER"));
        people.put("CAPTAIN", fx.officerOnDingTalk("DK" + u, legal, "LEGAL_CAPTAIN"));
        unitA = "DA" + u;
        unitB = "DB" + u;
        String unitC = "DN" + u;
        Fixtures.created(admin().postJson("/api/org/units", Map.of("code", unitA, "name", "甲派出所" + u, "kind", "STATION",
                "leaderOfficerNo", people.get("DEPUTY"))));
        fx.unit(unitB, "乙派出所" + u, "STATION");
        fx.unit(unitC, "丙派出所" + u, "STATION");
        people.put("HEAD_A", fx.officerOnDingTalk("HA" + u, unitA, "UNIT_HEAD"));
        people.put("HEAD_B", fx.officerOnDingTalk("HB" + u, unitB, "UNIT_HEAD"));
        people.put("HEAD_C", fx.officerOnDingTalk("HC" + u, unitC, "UNIT_HEAD"));

        LocalDate tuesday = monday.plusDays(1);
        problem(unitA, "甲所红色问题" + u, "RED", "RECTIFYING", at(monday.plusDays(3), 17, 0));
        problem(unitA, "甲所黄色超期" + u, "YELLOW", "RECTIFYING", at(monday, 12, 0));
        problem(unitB, "乙所今日到期" + u, "BLUE", "RECTIFYING", at(tuesday, 17, 0));
        problem(unitB, "乙所待审核" + u, "BLUE", "REVIEWING", at(monday.plusDays(5), 17, 0));
    }

    @AfterEach
    void voidTheProblemsAndGoBackToNow() {
        for (long id : problems) {
            jdbc.update("UPDATE problem SET status = 'VOID', voided_at = ? WHERE id = ?", Timestamp.from(clock.instant()), id);
        }
        clock.reset();
    }

    private void problem(String unit, String title, String level, String status, Instant deadline) {
        Timestamp created = Timestamp.from(clock.instant());
        jdbc.update("INSERT INTO problem (source, category, unit_code, title, description, level, status, deadline, "
                + "created_at, updated_at) VALUES ('HOTLINE_12345', 'CASE_FILING', ?, ?, '推送测试', ?, ?, ?, ?, ?)",
                unit, title, level, status, Timestamp.from(deadline), created, created);
        problems.add(jdbc.queryForObject("SELECT MAX(id) FROM problem WHERE title = ?", Long.class, title));
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return LocalDateTime.of(day, java.time.LocalTime.of(hour, minute)).atZone(CHINA).toInstant();
    }

    private List<String> digests(String who, LocalDate day) {
        return jdbc.queryForList("SELECT body FROM notification_outbox WHERE idem_key = ?", String.class,
                "digest:" + day + ":dt" + people.get(who));
    }

    @Test
    void shouldGiveEachRoleItsOwnContentOnceAtEightOnAWorkingDay() throws Exception {
        LocalDate tuesday = monday.plusDays(1);
        clock.setNow(at(tuesday, 7, 59));
        assertThat(digest.run()).isZero();

        clock.setNow(at(tuesday, 8, 0));
        // two nodes at the same minute: one message each
        CompletableFuture<Integer> one = CompletableFuture.supplyAsync(digest::run);
        CompletableFuture<Integer> two = CompletableFuture.supplyAsync(digest::run);
        one.get();
        two.get();
        assertThat(digest.run()).isZero();

        String chief = single("CHIEF", tuesday);
        assertThat(chief).contains("全局概况", "昨日新增：4个", "超期未整改：1个", "**红色预警**", "甲所红色问题")
                .doesNotContain("甲所黄色超期");
        String deputy = single("DEPUTY", tuesday);
        assertThat(deputy).contains("分管单位预警（红色1个、黄色1个）", "【红色】", "甲所红色问题", "【黄色】", "甲所黄色超期")
                .doesNotContain("乙所");
        String captain = single("CAPTAIN", tuesday);
        // awaiting review has no date: other tests' problems under review are the captain's too
        assertThat(captain).contains("超期未整改（1个）", "甲所黄色超期", "待审核整改报告（", "乙所待审核")
                .doesNotContain("甲所红色问题");
        String headA = single("HEAD_A", tuesday);
        assertThat(headA).contains("今日到期0个、已超期1个", "甲所黄色超期", "（待整改，已超期20小时）").doesNotContain("乙所", "甲所红色问题");
        String headB = single("HEAD_B", tuesday);
        assertThat(headB).contains("今日到期1个、已超期0个", "乙所今日到期", "（待整改，" + tuesday.getMonthValue() + "月"
                + tuesday.getDayOfMonth() + "日 17:00到期）").doesNotContain("乙所待审核", "甲所");
        assertThat(digests("HEAD_C", tuesday)).as("a unit head with nothing to read").isEmpty();

        // they go out as work notifications titled with the day
        for (int i = 0; i < 20 && dispatcher.dispatchOnce() > 0; i++) {
            // until nothing due is left
        }
        assertThat(dingtalk.inbox("dt" + people.get("DEPUTY"))).extracting(r -> r.title())
                .containsOnlyOnce("【每日推送】" + tuesday.getYear() + "年" + tuesday.getMonthValue() + "月"
                        + tuesday.getDayOfMonth() + "日执法监督早报");
    }

    @Test
    void shouldSendNothingOnAHolidayAndSendLateWhenTheNodeWasDownAtEight() {
        LocalDate wednesday = monday.plusDays(2);
        assertThat(admin().putJson("/api/admin/calendar/" + wednesday, Map.of("kind", "HOLIDAY", "name", "推送测试假日"))
                .status()).isBetween(200, 204);
        try {
            clock.setNow(at(wednesday, 8, 0));
            assertThat(digest.run()).isZero();
            assertThat(digests("CHIEF", wednesday)).isEmpty();
        } finally {
            admin().delete("/api/admin/calendar/" + wednesday);
        }
        // Thursday: nobody ran the check at 8; at 14:30 the node is back and sends that day's
        LocalDate thursday = monday.plusDays(3);
        clock.setNow(at(thursday, 14, 30));
        assertThat(digest.run()).isPositive();
        assertThat(single("CAPTAIN", thursday)).contains("甲所黄色超期");
        assertThat(digests("CAPTAIN", monday.plusDays(1))).isEmpty();
    }

    @Test
    void shouldRefuseADeputyLeaderInChargeWhoIsNoDeputyLeader() {
        Http.Response wrong = admin().putJson("/api/org/units/" + unitB, Map.of("code", unitB, "name", "乙派出所",
                "kind", "STATION", "leaderOfficerNo", people.get("CAPTAIN")));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("leaderOfficerNo");
        Http.Response unknown = admin().putJson("/api/org/units/" + unitB, Map.of("code", unitB, "name", "乙派出所",
                "kind", "STATION", "leaderOfficerNo", "NOBODY" + unique()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(admin().get("/api/org/units/" + unitB).json().path("leaderOfficerNo").isNull()).isTrue();
        // the CSV import: the row and the column named, nothing stored
        Http.Response csv = admin().postCsv("/api/org/units/import", "code,name,parent_code,kind,leader_officer_no\n"
                + unitB + ",乙派出所,,STATION," + people.get("DEPUTY") + "\n"
                + "DX" + unique() + ",丁派出所,,STATION," + people.get("CAPTAIN") + "\n");
        assertThat(csv.status()).isEqualTo(400);
        assertThat(csv.body()).contains("leader_officer_no").contains("3");
        assertThat(admin().get("/api/org/units/" + unitB).json().path("leaderOfficerNo").isNull()).isTrue();
        Http.Response good = admin().postCsv("/api/org/units/import", "code,name,parent_code,kind,leader_officer_no\n"
                + unitB + ",乙派出所,,STATION," + people.get("DEPUTY") + "\n");
        assertThat(good.status()).isEqualTo(200);
        assertThat(admin().get("/api/org/units/" + unitB).json().path("leaderOfficerNo").asText())
                .isEqualTo(people.get("DEPUTY"));
        assertThat(admin().get("/api/org/units/" + unitA).json().path("leaderOfficerNo").asText())
                .isEqualTo(people.get("DEPUTY"));
    }

    private String single(String who, LocalDate day) {
        List<String> bodies = digests(who, day);
        assertThat(bodies).as("digests of %s on %s", who, day).hasSize(1);
        return bodies.get(0);
    }
}
