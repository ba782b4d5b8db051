package cn.jiandu.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * 群众诉求与回访: the public's tickets of a period (days in China time, both included), their
 * call backs and 诉求清零, in total, per channel and per responsible unit, as
 * GET /api/stats/intake answers and the reports and the dashboard print. Free of Spring and
 * of the database; counts only, never a complainant's data.
 *
 * @param channels the channels with anything to count, most tickets first
 * @param units the units of accepted and merged tickets, ranked by 满意率 (see {@link #rank})
 */
public record IntakeFigures(LocalDate from, LocalDate to, Figures total, List<Channel> channels, List<Unit> units) {

    /** 口径说明, printed under every table and chart of these figures. */
    public static final String DEFINITION = "口径说明：受理、立案、合并、转办、不予受理、待分派按诉求登记时间统计；"
            + "回访次数按回访时间统计，联系上 = 回访结果不是“联系不上”；"
            + "满意率 = （满意 + 基本满意）÷ 联系上的回访次数 × 100%；"
            + "回访率 = 本期受理的诉求中应回访的（回访状态不是“无需回访”“等待回访”）已联系上回访的件数 ÷ 应回访件数 × 100%；"
            + "未办结 = 截至统计截止日登记、尚未办结的诉求；不满意未清零 = 回访不满意或复核重新整改、尚未解决的诉求；"
            + "已清零 = 曾回访不满意、现已满意、基本满意或经复核解释的诉求；"
            + "分单位按立案、合并诉求关联问题的责任单位统计，按满意率从高到低排名（同满意率按联系上次数多者在前），"
            + "无联系上回访的单位不排名；分母为0时记为“—”。";

    /** {@link #DEFINITION}, for the templates. */
    public String definitionText() {
        return DEFINITION;
    }

    /** Nothing counted (reports made before these figures existed, tests). */
    public static IntakeFigures none(LocalDate from, LocalDate to) {
        return new IntakeFigures(from, to, Figures.ZERO, List.of(), List.of());
    }

    /**
     * One group's figures. Rates are fractions (0.8571 is 85.71 %), rounded to four places,
     * null when their denominator is 0.
     *
     * @param dissatisfiedOpen 不满意未清零: tickets whose call back stands at DISSATISFIED or REOPENED
     */
    public record Figures(long received, long pendingTriage, long accepted, long merged, long referred, long rejected,
            long calls, long reached, long satisfied, long basicallySatisfied, long dissatisfied, long unreachable,
            Double satisfactionRate, long callbackDue, long calledBack, Double callbackRate, long unresolved,
            long dissatisfiedOpen, long cleared) {

        static final Figures ZERO = of(new long[Count.values().length]);

        static Figures of(long[] n) {
            long reached = n[Count.REACHED.ordinal()];
            long due = n[Count.CALLBACK_DUE.ordinal()];
            return new Figures(n[0], n[1], n[2], n[3], n[4], n[5], n[6], reached, n[8], n[9], n[10], n[11],
                    rate(n[Count.SATISFIED.ordinal()] + n[Count.BASICALLY_SATISFIED.ordinal()], reached), due,
                    n[Count.CALLED_BACK.ordinal()], rate(n[Count.CALLED_BACK.ordinal()], due),
                    n[Count.UNRESOLVED.ordinal()], n[Count.DISSATISFIED_OPEN.ordinal()], n[Count.CLEARED.ordinal()]);
        }

        /** 满意率 as the reports print it: 85.71%, — without a reached call. */
        public String satisfactionRateText() {
            return ChineseText.percentText(ChineseText.percent(satisfied + basicallySatisfied, reached));
        }

        /** 回访率 as the reports print it: 90%, — when nothing was due a call back. */
        public String callbackRateText() {
            return ChineseText.percentText(ChineseText.percent(calledBack, callbackDue));
        }
    }

    /** A channel (监督渠道) and its figures. */
    public record Channel(String code, String name, @JsonUnwrapped Figures figures) {
    }

    /** A responsible unit, its place by 满意率 (null: no reached call, not ranked) and its figures. */
    public record Unit(Integer rank, String code, String name, @JsonUnwrapped Figures figures) {
    }

    /** The counts, in the order of {@link Figures}' components (the rates left out). */
    enum Count {
        RECEIVED, PENDING_TRIAGE, ACCEPTED, MERGED, REFERRED, REJECTED, CALLS, REACHED, SATISFIED,
        BASICALLY_SATISFIED, DISSATISFIED, UNREACHABLE, CALLBACK_DUE, CALLED_BACK, UNRESOLVED, DISSATISFIED_OPEN,
        CLEARED
    }

    /** What was counted for one group (a channel or a unit), before the rates. */
    static final class Counts {
        final String code;
        String name;
        int sortOrder = Integer.MAX_VALUE;
        final long[] n = new long[Count.values().length];

        Counts(String code) {
            this.code = code;
        }

        Counts add(Count count, long value) {
            n[count.ordinal()] += value;
            return this;
        }

        boolean isEmpty() {
            for (long v : n) {
                if (v != 0) {
                    return false;
                }
            }
            return true;
        }

        Figures figures() {
            return Figures.of(n);
        }

        String nameOrCode() {
            return name == null ? code : name;
        }
    }

    /** The figures of the groups counted: the total is the sum of the channels (every ticket has one). */
    static IntakeFigures of(LocalDate from, LocalDate to, List<Counts> channels, List<Counts> units) {
        long[] total = new long[Count.values().length];
        List<Counts> shown = channels.stream().filter(c -> !c.isEmpty()).toList();
        for (Counts c : shown) {
            for (int i = 0; i < total.length; i++) {
                total[i] += c.n[i];
            }
        }
        List<Channel> channelLines = shown.stream()
                .sorted(Comparator.comparingLong((Counts c) -> -c.n[Count.RECEIVED.ordinal()])
                        .thenComparingInt(c -> c.sortOrder).thenComparing(c -> c.code))
                .map(c -> new Channel(c.code, c.nameOrCode(), c.figures())).toList();
        return new IntakeFigures(from, to, Figures.of(total), channelLines,
                rank(units.stream().filter(c -> !c.isEmpty()).toList()));
    }

    /**
     * Units by 满意率, highest first; equal rates by more reached calls, then by code. Each
     * ranked unit has its own place (1, 2, 3 …); a unit without a reached call has no 满意率,
     * is not ranked (rank null) and comes after the ranked ones, by code.
     */
    static List<Unit> rank(List<Counts> units) {
        List<Counts> sorted = new ArrayList<>(units);
        sorted.sort(Comparator.comparing((Counts c) -> c.n[Count.REACHED.ordinal()] == 0)
                .thenComparing(IntakeFigures::satisfiedOverReached, Comparator.reverseOrder())
                .thenComparingLong(c -> -c.n[Count.REACHED.ordinal()]).thenComparing(c -> c.code));
        List<Unit> ranked = new ArrayList<>(sorted.size());
        int place = 0;
        for (Counts c : sorted) {
            Integer rank = c.n[Count.REACHED.ordinal()] == 0 ? null : ++place;
            ranked.add(new Unit(rank, c.code, c.nameOrCode(), c.figures()));
        }
        return ranked;
    }

    /** The exact 满意率 as a comparable fraction (0 without a reached call, which sorts apart anyway). */
    private static Fraction satisfiedOverReached(Counts c) {
        return new Fraction(c.n[Count.SATISFIED.ordinal()] + c.n[Count.BASICALLY_SATISFIED.ordinal()],
                c.n[Count.REACHED.ordinal()]);
    }

    /** p/q compared exactly (cross-multiplied), so that 2/3 and 4/6 are equal and no rounding decides a rank. */
    private record Fraction(long p, long q) implements Comparable<Fraction> {
        @Override
        public int compareTo(Fraction o) {
            if (q == 0 || o.q == 0) {
                return Long.compare(q == 0 ? 0 : 1, o.q == 0 ? 0 : 1);
            }
            return Long.compare(p * o.q, o.p * q);
        }
    }

    static Double rate(long part, long whole) {
        return whole == 0 ? null : Math.round((double) part / whole * 10_000) / 10_000.0;
    }
}
