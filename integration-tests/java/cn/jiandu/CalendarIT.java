package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.calendar.WorkCalendar;

/** The working-day calendar an administrator keeps, the deadlines over it, and the clock. */
class CalendarIT extends ItSupport {

    private final Fixtures fx = new Fixtures(this, "officer-pass-1");

    @Autowired
    WorkCalendar calendar;

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void shouldListTheSeededDaysOf2026() {
        Http.Response response = admin().get("/api/admin/calendar?year=2026");
        assertThat(response.status()).isEqualTo(200);
        JsonNode days = response.json();
        assertThat(days).as("33 days off, 6 make-up days").hasSize(39);
        assertThat(find(days, "2026-10-01").path("kind").asText()).isEqualTo("HOLIDAY");
        assertThat(find(days, "2026-10-01").path("name").asText()).isEqualTo("国庆节");
        assertThat(find(days, "2026-10-10").path("kind").asText()).isEqualTo("WORKDAY");
        assertThat(find(days, "2026-02-14").path("kind").asText()).isEqualTo("WORKDAY");
        assertThat(days.get(0).path("day").asText()).isEqualTo("2026-01-01");
        assertThat(calendar.deadline(ZonedDateTime.parse("2026-09-30T10:00:00+08:00"), 3, PeriodUnit.WORKING_DAYS)
                .toOffsetDateTime()).isEqualTo(OffsetDateTime.parse("2026-10-10T23:59:59+08:00"));
    }

    @Test
    void shouldCountAHolidayAddedByTheAdministratorAtOnce() {
        // Wednesday 2027-03-03 made a holiday: one working day from Tuesday ends on Thursday
        ZonedDateTime tuesday = ZonedDateTime.parse("2027-03-02T10:00:00+08:00");
        admin().delete("/api/admin/calendar/2027-03-03");
        assertThat(calendar.deadline(tuesday, 1, PeriodUnit.WORKING_DAYS).toLocalDate()).hasToString("2027-03-03");

        Http.Response put = admin().putJson("/api/admin/calendar/2027-03-03", Map.of("kind", "HOLIDAY", "name", "测试假日"));
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("day").asText()).isEqualTo("2027-03-03");
        assertThat(find(admin().get("/api/admin/calendar?year=2027").json(), "2027-03-03").path("name").asText())
                .isEqualTo("测试假日");
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-03-03"))).isFalse();
        assertThat(calendar.deadline(tuesday, 1, PeriodUnit.WORKING_DAYS).toOffsetDateTime())
                .isEqualTo(OffsetDateTime.parse("2027-03-04T23:59:59+08:00"));

        assertThat(admin().delete("/api/admin/calendar/2027-03-03").status()).isEqualTo(204);
        assertThat(admin().delete("/api/admin/calendar/2027-03-03").status()).isEqualTo(404);
        assertThat(calendar.deadline(tuesday, 1, PeriodUnit.WORKING_DAYS).toLocalDate()).hasToString("2027-03-03");
    }

    @Test
    void shouldRefuseBadDays() {
        Http.Response badKind = admin().putJson("/api/admin/calendar/2027-03-03", Map.of("kind", "PICNIC"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().path("errors").get(0).path("field").asText()).isEqualTo("kind");
        Http.Response badDay = admin().putJson("/api/admin/calendar/2027-02-30", Map.of("kind", "HOLIDAY"));
        assertThat(badDay.status()).isEqualTo(400);
        assertThat(badDay.json().path("errors").get(0).path("field").asText()).isEqualTo("day");
        Http.Response weekdayWorked = admin().putJson("/api/admin/calendar/2027-03-03", Map.of("kind", "WORKDAY"));
        assertThat(weekdayWorked.status()).isEqualTo(400);
        assertThat(weekdayWorked.json().path("errors").get(0).path("message").asText()).contains("周六或周日");
    }

    @Test
    void shouldImportNothingWhenOneLineIsBad() {
        // a year of its own, so that a database kept between runs stays clean for this test
        int year = 2100 + ThreadLocalRandom.current().nextInt(800);
        String csv = "day,kind,name\n"
                + year + "-05-03,HOLIDAY,劳动节\n"
                + year + "-02-30,HOLIDAY,不存在的日子\n"
                + year + "-05-04,HOLIDAY,劳动节\n";
        Http.Response response = admin().postCsv("/api/admin/calendar/import", csv);
        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("line").asInt()).isEqualTo(3);
        assertThat(errors.get(0).path("field").asText()).isEqualTo("day");
        assertThat(admin().get("/api/admin/calendar?year=" + year).json()).isEmpty();

        Http.Response good = admin().postCsv("/api/admin/calendar/import", csv.replace(year + "-02-30", year + "-05-05"));
        assertThat(good.status()).isEqualTo(200);
        assertThat(good.json().path("created").asInt()).isEqualTo(3);
        assertThat(admin().get("/api/admin/calendar?year=" + year).json()).hasSize(3);
    }

    @Test
    void shouldMoveTheClockForTheAppAndCamunda() {
        Http.Response before = admin().get("/api/admin/clock");
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.json().path("adjustable").asBoolean()).isTrue();

        Http.Response moved = admin().postJson("/api/admin/clock", Map.of("now", "2030-03-10T09:00:00+08:00"));
        assertThat(moved.status()).isEqualTo(200);
        OffsetDateTime target = OffsetDateTime.parse("2030-03-10T09:00:00+08:00");
        OffsetDateTime now = OffsetDateTime.parse(admin().get("/api/admin/clock").json().path("now").asText());
        assertThat(Duration.between(target, now).abs()).isLessThan(Duration.ofMinutes(1));
        assertThat(now.getOffset().getId()).isEqualTo("+08:00");
        assertThat(Duration.between(target.toInstant(), ClockUtil.now().toInstant()).abs())
                .isLessThan(Duration.ofMinutes(1));
        assertThat(admin().get("/api/admin/calendar").json()).as("this year by the moved clock").isEmpty();

        assertThat(admin().postJson("/api/admin/clock", Map.of()).status()).isEqualTo(400);
        clock.reset();
        OffsetDateTime back = OffsetDateTime.parse(admin().get("/api/admin/clock").json().path("now").asText());
        assertThat(Duration.between(OffsetDateTime.now(), back).abs()).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void shouldKeepAdministrationToTheAdministrator() {
        String u = unique();
        String unit = fx.unit("CAL" + u, "日历所" + u, "STATION");
        Http officer = fx.as(fx.officer("C" + u, "测试民警", unit, "OFFICER", false));
        assertThat(officer.get("/api/admin/calendar?year=2026").status()).isEqualTo(403);
        assertThat(officer.putJson("/api/admin/calendar/2027-03-17", Map.of("kind", "HOLIDAY")).status()).isEqualTo(403);
        assertThat(officer.postCsv("/api/admin/calendar/import", "day,kind\n2027-03-17,HOLIDAY\n").status())
                .isEqualTo(403);
        assertThat(officer.get("/api/admin/clock").status()).isEqualTo(403);
        assertThat(officer.postJson("/api/admin/clock", Map.of("now", "2030-03-10T09:00:00+08:00")).status())
                .isEqualTo(403);
        assertThat(anonymous().get("/api/admin/clock").status()).isEqualTo(401);
        assertThat(calendar.isWorkingDay(LocalDate.parse("2027-03-17"))).isTrue();
    }

    private static JsonNode find(JsonNode days, String day) {
        List<JsonNode> found = new ArrayList<>();
        days.forEach(d -> {
            if (d.path("day").asText().equals(day)) {
                found.add(d);
            }
        });
        assertThat(found).as(day).hasSize(1);
        return found.get(0);
    }
}
