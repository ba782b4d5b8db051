package cn.jiandu.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

import cn.jiandu.time.Times;

class ChineseDatesTest {

    @Test
    void shouldWriteDatesTheChineseWayInChinaTime() {
        assertThat(ChineseDates.date(ZonedDateTime.of(2026, 3, 10, 23, 0, 0, 0, Times.CHINA)))
                .isEqualTo("2026年3月10日");
        assertThat(ChineseDates.date(LocalDate.of(2026, 3, 10))).isEqualTo("2026年3月10日");
        // 16:30 UTC on 9 March is 00:30 on 10 March in China
        assertThat(ChineseDates.dateTime(OffsetDateTime.of(2026, 3, 9, 16, 30, 0, 0, ZoneOffset.UTC)))
                .isEqualTo("2026年3月10日 00:30");
        assertThat(ChineseDates.dateTime(Instant.parse("2026-03-10T15:59:59Z"))).isEqualTo("2026年3月10日 23:59");
    }

    @Test
    void shouldReadIsoTextAndPrintNothingForNothing() {
        assertThat(ChineseDates.dateTime("2026-12-01")).isEqualTo("2026年12月1日");
        assertThat(ChineseDates.dateTime("2026-12-01T08:05:00+08:00")).isEqualTo("2026年12月1日 08:05");
        assertThat(ChineseDates.date(null)).isEmpty();
        assertThat(ChineseDates.date("")).isEmpty();
    }
}
