package cn.jiandu.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class LedgerTimesTest {

    @Test
    void shouldReadLocalTimesAsChinaTime() {
        Instant expected = Instant.parse("2026-03-01T00:30:00Z");
        assertThat(LedgerTimes.parse("2026-03-01T08:30:00")).isEqualTo(expected);
        assertThat(LedgerTimes.parse("2026-03-01T08:30")).isEqualTo(expected);
        assertThat(LedgerTimes.parse(" 2026-03-01 08:30:00 ")).as("as Excel writes it").isEqualTo(expected);
    }

    @Test
    void shouldReadTimesWithAnOffset() {
        assertThat(LedgerTimes.parse("2026-03-01T08:30:00+08:00")).isEqualTo(Instant.parse("2026-03-01T00:30:00Z"));
        assertThat(LedgerTimes.parse("2026-03-01T00:30:00Z")).isEqualTo(Instant.parse("2026-03-01T00:30:00Z"));
        assertThat(LedgerTimes.parse("2026-03-01T08:30:00-01:00")).isEqualTo(Instant.parse("2026-03-01T09:30:00Z"));
    }

    @Test
    void shouldRefuseWhatIsNoTime() {
        assertThat(LedgerTimes.parse("2026-02-30T08:30:00")).isNull();
        assertThat(LedgerTimes.parse("2026-03-01")).isNull();
        assertThat(LedgerTimes.parse("昨天")).isNull();
        assertThat(LedgerTimes.parse("2026-03-01T25:00:00")).isNull();
        assertThat(LedgerTimes.parse(null)).isNull();
    }

    @Test
    void shouldKeepTimesWithinWhatTheDatabaseHolds() {
        assertThat(LedgerTimes.inRange(LedgerTimes.parse("2026-03-01T08:30:00"))).isTrue();
        assertThat(LedgerTimes.inRange(LedgerTimes.parse("1999-12-31T23:59:59"))).isFalse();
        assertThat(LedgerTimes.inRange(LedgerTimes.parse("2038-01-19T12:00:00"))).isFalse();
    }
}
