package cn.jiandu.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jiandu.report.IntakeFigures.Count;
import cn.jiandu.report.IntakeFigures.Counts;

/** 满意率, 回访率, the totals and the units' ranking by 满意率, from the counts. */
class IntakeFiguresTest {

    private static final LocalDate FROM = LocalDate.of(2026, 11, 1);
    private static final LocalDate TO = LocalDate.of(2026, 11, 30);

    /** A group with satisfied, basically satisfied, dissatisfied and unreachable calls. */
    private static Counts calls(String code, long satisfied, long basically, long dissatisfied, long unreachable) {
        Counts c = new Counts(code);
        c.name = code + "名";
        return c.add(Count.CALLS, satisfied + basically + dissatisfied + unreachable)
                .add(Count.REACHED, satisfied + basically + dissatisfied).add(Count.SATISFIED, satisfied)
                .add(Count.BASICALLY_SATISFIED, basically).add(Count.DISSATISFIED, dissatisfied)
                .add(Count.UNREACHABLE, unreachable);
    }

    @Test
    void shouldCountSatisfiedAndBasicallySatisfiedOverReachedCalls() {
        IntakeFigures.Figures f = calls("A", 4, 2, 1, 3).figures();

        assertThat(f.calls()).isEqualTo(10);
        assertThat(f.reached()).isEqualTo(7);
        assertThat(f.satisfactionRate()).isEqualTo(0.8571);
        assertThat(f.satisfactionRateText()).isEqualTo("85.71%");
    }

    @Test
    void shouldHaveNoSatisfactionRateWithoutAReachedCall() {
        IntakeFigures.Figures f = calls("A", 0, 0, 0, 3).figures();

        assertThat(f.satisfactionRate()).isNull();
        assertThat(f.satisfactionRateText()).isEqualTo("—");
    }

    @Test
    void shouldCountCallbackRateOverTicketsDueACallBack() {
        Counts c = new Counts("A").add(Count.CALLBACK_DUE, 3).add(Count.CALLED_BACK, 2);

        assertThat(c.figures().callbackRate()).isEqualTo(0.6667);
        assertThat(c.figures().callbackRateText()).isEqualTo("66.67%");
        assertThat(new Counts("B").add(Count.RECEIVED, 5).figures().callbackRate()).isNull();
        assertThat(new Counts("B").add(Count.RECEIVED, 5).figures().callbackRateText()).isEqualTo("—");
    }

    @Test
    void shouldRankUnitsBySatisfactionThenReachedThenCodeLeavingUnreachedUnitsUnranked() {
        List<IntakeFigures.Unit> ranked = IntakeFigures.rank(List.of(
                calls("U5", 0, 0, 0, 2), // no reached call: not ranked, last
                calls("U1", 1, 0, 1, 0), // 50 %
                calls("U2", 2, 0, 2, 0), // 50 %, more reached than U1
                calls("U0", 3, 0, 0, 0), // 100 %
                calls("U3", 1, 1, 0, 0), // 100 %, fewer reached than U0
                calls("U4", 0, 0, 0, 0).add(Count.RECEIVED, 1))); // nothing reached either

        assertThat(ranked).extracting(IntakeFigures.Unit::code).containsExactly("U0", "U3", "U2", "U1", "U4", "U5");
        assertThat(ranked).extracting(IntakeFigures.Unit::rank).containsExactly(1, 2, 3, 4, null, null);
        assertThat(ranked.get(0).name()).isEqualTo("U0名");
    }

    @Test
    void shouldRankEqualFractionsAsEqualRatesNotByRounding() {
        // 2/3 and 4/6 are the same rate: the one with more reached calls first; 199999/300000
        // is 66.67 % rounded too, but lower: after both, however many calls it reached
        List<IntakeFigures.Unit> ranked = IntakeFigures.rank(List.of(calls("A", 2, 0, 1, 0), calls("B", 4, 0, 2, 0),
                calls("C", 199_999, 0, 100_001, 0)));

        assertThat(ranked).extracting(IntakeFigures.Unit::code).containsExactly("B", "A", "C");
        assertThat(ranked).extracting(u -> u.figures().satisfactionRate()).containsOnly(0.6667);
    }

    @Test
    void shouldTotalTheChannelsAndListOnlyChannelsWithFiguresMostTicketsFirst() {
        Counts a = calls("A", 1, 1, 0, 0).add(Count.RECEIVED, 2).add(Count.ACCEPTED, 2);
        a.sortOrder = 20;
        Counts b = calls("B", 0, 0, 1, 1).add(Count.RECEIVED, 3).add(Count.REJECTED, 1).add(Count.UNRESOLVED, 2)
                .add(Count.DISSATISFIED_OPEN, 1).add(Count.CLEARED, 1);
        b.sortOrder = 10;
        Counts empty = new Counts("C");

        IntakeFigures figures = IntakeFigures.of(FROM, TO, List.of(a, b, empty), List.of());

        assertThat(figures.channels()).extracting(IntakeFigures.Channel::code).containsExactly("B", "A");
        IntakeFigures.Figures total = figures.total();
        assertThat(total.received()).isEqualTo(5);
        assertThat(total.accepted()).isEqualTo(2);
        assertThat(total.rejected()).isEqualTo(1);
        assertThat(total.calls()).isEqualTo(4);
        assertThat(total.reached()).isEqualTo(3);
        assertThat(total.satisfactionRate()).isEqualTo(0.6667);
        assertThat(total.unresolved()).isEqualTo(2);
        assertThat(total.dissatisfiedOpen()).isEqualTo(1);
        assertThat(total.cleared()).isEqualTo(1);
        assertThat(figures.units()).isEmpty();
    }
}
