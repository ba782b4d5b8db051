package cn.jiandu.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class UnitRankingTest {

    private static UnitRanking.Counts unit(String code, long incidents, long diverted, long accepted,
            long withReceipt) {
        return new UnitRanking.Counts(code, code + "所", incidents, diverted, 0, 0, 0, 0, accepted, withReceipt, 0, 0,
                0, 0);
    }

    @Test
    void shouldColourRatesByTheThresholds() {
        assertThat(UnitRanking.colour(0.95, 0.95, 0.85)).isEqualTo(UnitRanking.Colour.GREEN);
        assertThat(UnitRanking.colour(19.0 / 20, 0.95, 0.85)).isEqualTo(UnitRanking.Colour.GREEN);
        assertThat(UnitRanking.colour(0.9499, 0.95, 0.85)).isEqualTo(UnitRanking.Colour.YELLOW);
        assertThat(UnitRanking.colour(0.85, 0.95, 0.85)).isEqualTo(UnitRanking.Colour.YELLOW);
        assertThat(UnitRanking.colour(0.8499, 0.95, 0.85)).isEqualTo(UnitRanking.Colour.RED);
        assertThat(UnitRanking.colour(null, 0.95, 0.85)).isNull();
    }

    @Test
    void shouldRankByTheAverageOfTheRatesAUnitHas() {
        List<UnitRanking.UnitRate> ranked = UnitRanking.rank(List.of(
                unit("A", 10, 9, 0, 0),      // 0.9 (receipt rate none)
                unit("B", 20, 20, 10, 8),    // (1.0 + 0.8) / 2 = 0.9
                unit("C", 4, 4, 0, 0),       // 1.0
                unit("D", 0, 0, 0, 0),       // nothing to count
                unit("E", 10, 5, 0, 0)),     // 0.5
                0.95, 0.85);
        assertThat(ranked).extracting(UnitRanking.UnitRate::code).containsExactly("C", "A", "B", "E", "D");
        assertThat(ranked).extracting(UnitRanking.UnitRate::rank).containsExactly(1, 2, 2, 4, null);
        UnitRanking.UnitRate a = ranked.get(1);
        assertThat(a.diversionRate()).isEqualTo(0.9);
        assertThat(a.receiptRate()).isNull();
        assertThat(a.colours()).containsEntry("diversionRate", UnitRanking.Colour.YELLOW)
                .containsEntry("receiptRate", null);
        UnitRanking.UnitRate d = ranked.get(4);
        assertThat(d.averageRate()).isNull();
        assertThat(d.colours().values()).containsOnlyNulls();
        assertThat(ranked.get(3).colours()).containsEntry("diversionRate", UnitRanking.Colour.RED);
    }

    @Test
    void shouldRoundRatesToFourPlaces() {
        UnitRanking.UnitRate one = UnitRanking.rank(List.of(unit("A", 3, 2, 0, 0)), 0.95, 0.85).get(0);
        assertThat(one.diversionRate()).isEqualTo(0.6667);
    }
}
