package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 群众诉求与回访 (GET /api/stats/intake and the reports' section): tickets and calls written
 * into the tables of a past month nobody else uses, in two channels of this test's own and
 * to four units' problems, counted exactly per channel and per unit (received by triage
 * status; calls by outcome, 满意率; 回访率 with calls up to the period's end; 诉求清零 as at
 * the period's end); the total is checked against a baseline read first. Tickets just
 * before and after the month, and a call after it, count nowhere but where they should.
 */
class IntakeStatsIT extends ItSupport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String PASSWORD = "intake-stats-pass-1";
    /** The figures the tests compare, in the API's names. */
    private static final List<String> COUNTS = List.of("received", "pendingTriage", "accepted", "merged", "referred",
            "rejected", "calls", "reached", "satisfied", "basicallySatisfied", "dissatisfied", "unreachable",
            "callbackDue", "calledBack", "unresolved", "dissatisfiedOpen", "cleared");

    private final Fixtures fx = new Fixtures(this, PASSWORD);
    @org.springframework.beans.factory.annotation.Autowired
    private cn.jiandu.privacy.PersonalDataCipher cipher;
    private IntakeRows rows;

    private String u;
    private String officer;
    private String machine;

    @BeforeEach
    void users() {
        clock.reset();
        rows = new IntakeRows(jdbc, cipher);
        u = unique();
        String legalUnit = fx.unit("QL" + u, "回访法制大队" + u, "LEGAL");
        officer = fx.officer("QO" + u, fx.unit("QS" + u, "回访统计派出所" + u, "STATION"), "OFFICER");
        machine = fx.officer("QM" + u, "12345平台接口" + u, legalUnit, "INTAKE", false);
    }

    /**
     * A past month with no monthly report yet (the database may outlive a run on MariaDB):
     * 1992–2019, within MariaDB's TIMESTAMP and after China's summer times.
     */
    private YearMonth anUnusedPastMonth() {
        for (int attempt = 0; attempt < 50; attempt++) {
            YearMonth month = YearMonth.of(1992 + ThreadLocalRandom.current().nextInt(28),
                    1 + ThreadLocalRandom.current().nextInt(12));
            Integer made = jdbc.queryForObject("SELECT COUNT(*) FROM report WHERE type = 'MONTHLY' AND period_start = ?",
                    Integer.class, java.sql.Date.valueOf(month.atDay(1)));
            if (made != null && made == 0) {
                return month;
            }
        }
        throw new IllegalStateException("no unused past month");
    }

    private static Instant at(LocalDate day, int hour) {
        return day.atTime(LocalTime.of(hour, 0)).atZone(CHINA).toInstant();
    }

    private static Map<String, Long> figures(JsonNode node) {
        Map<String, Long> figures = new LinkedHashMap<>();
        COUNTS.forEach(name -> figures.put(name, node.path(name).asLong()));
        return figures;
    }

    /** Expected counts, in the order of {@link #COUNTS}. */
    private static Map<String, Long> counts(long... values) {
        Map<String, Long> figures = new LinkedHashMap<>();
        for (int i = 0; i < COUNTS.size(); i++) {
            figures.put(COUNTS.get(i), values[i]);
        }
        return figures;
    }

    private static Map<String, JsonNode> byCode(JsonNode list) {
        Map<String, JsonNode> map = new HashMap<>();
        list.forEach(n -> map.put(n.path("code").asText(), n));
        return map;
    }

    private JsonNode stats(YearMonth month) {
        Http.Response response = fx.as(officer).get("/api/stats/intake?from=" + month.atDay(1) + "&to="
                + month.atEndOfMonth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void shouldCountTheTicketsCallsAndClearancePerChannelAndRankTheUnitsBySatisfaction() {
        YearMonth month = anUnusedPastMonth();
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Instant in = at(first.plusDays(2), 10);
        Instant later = at(first.plusDays(9), 15);
        Instant closedIn = at(first.plusDays(20), 9);
        Instant before = at(first.minusDays(3), 10);
        Instant after = at(last.plusDays(1), 0); // the first instant after the period
        JsonNode baseline = stats(month).path("total");

        // four stations, each with a problem the tickets are accepted or merged into
        String legal = fx.officer("QF" + u, fx.unit("QF" + u, "法制大队" + u, "LEGAL"), "LEGAL_OFFICER");
        Map<String, Long> problems = new HashMap<>();
        for (String s : List.of("A", "B", "C", "D")) {
            String unit = fx.unit("Q" + s + u, "回访" + s + "派出所" + u, "STATION");
            problems.put(s, fx.register(legal, Fixtures.problem("HOTLINE_12345", unit, null, "群众反映问题" + s,
                    "群众反映问题" + s + "。")).path("id").asLong());
        }
        String ia = rows.channel("IA" + u, "测试热线" + u, 9001);
        String ib = rows.channel("IB" + u, "测试信箱" + u, 9002);
        int[] n = {0};
        java.util.function.Supplier<String> no = () -> "T" + u + "-" + ++n[0];

        // channel IA
        long t1 = rows.ticket(ia, no.get(), in, "ACCEPTED", problems.get("A"), "SATISFIED", closedIn);
        rows.call(t1, 1, 1, "SATISFIED", later);
        long t2 = rows.ticket(ia, no.get(), in, "ACCEPTED", problems.get("A"), "DISSATISFIED", null);
        rows.call(t2, 1, 1, "DISSATISFIED", later);
        long t3 = rows.ticket(ia, no.get(), in, "MERGED", problems.get("B"), "EXPLAINED", closedIn);
        rows.call(t3, 1, 1, "DISSATISFIED", later); // upheld (已解释): cleared
        long t4 = rows.ticket(ia, no.get(), in, "ACCEPTED", problems.get("B"), "UNREACHABLE", null);
        for (int attempt = 1; attempt <= 3; attempt++) {
            rows.call(t4, 1, attempt, "UNREACHABLE", later);
        }
        rows.ticket(ia, no.get(), in, "REFERRED", null, "NONE", closedIn);
        rows.ticket(ia, no.get(), in, "REJECTED", null, "NONE", closedIn);
        rows.ticket(ia, no.get(), in, "PENDING_TRIAGE", null, "NONE", null);
        rows.ticket(ia, no.get(), in, "ACCEPTED", problems.get("C"), "WAITING", null);
        rows.ticket(ia, no.get(), in, "REFERRED", null, "NONE", after.plusSeconds(3600)); // closed after the period
        rows.ticket(ia, no.get(), in, "ACCEPTED", problems.get("D"), "WAITING", null);
        // received before the period, reopened after a dissatisfied call in it
        long t0 = rows.ticket(ia, no.get(), before, "ACCEPTED", problems.get("A"), "REOPENED", null);
        rows.call(t0, 1, 1, "SATISFIED", before.plusSeconds(3600));
        rows.call(t0, 2, 1, "DISSATISFIED", later);
        rows.ticket(ia, no.get(), after, "PENDING_TRIAGE", null, "NONE", null); // received after the period

        // channel IB
        long s1 = rows.ticket(ib, no.get(), in, "ACCEPTED", problems.get("C"), "BASICALLY_SATISFIED", closedIn);
        rows.call(s1, 1, 1, "UNREACHABLE", later);
        rows.call(s1, 1, 2, "BASICALLY_SATISFIED", later);
        long s2 = rows.ticket(ib, no.get(), in, "ACCEPTED", problems.get("C"), "SATISFIED", closedIn);
        rows.call(s2, 1, 1, "SATISFIED", after.plusSeconds(7200)); // called after the period: not called back in it
        rows.ticket(ib, no.get(), in, "PENDING_TRIAGE", null, "NONE", null);

        JsonNode stats = stats(month);
        assertThat(stats.path("from").asText()).isEqualTo(first.toString());
        assertThat(stats.path("to").asText()).isEqualTo(last.toString());
        Map<String, JsonNode> channels = byCode(stats.path("channels"));
        // received, pendingTriage, accepted, merged, referred, rejected, calls, reached, satisfied,
        // basicallySatisfied, dissatisfied, unreachable, callbackDue, calledBack, unresolved, dissatisfiedOpen, cleared
        Map<String, Long> expectedA = counts(10, 1, 5, 1, 2, 1, 7, 4, 1, 0, 3, 3, 4, 3, 7, 2, 1);
        Map<String, Long> expectedB = counts(3, 1, 2, 0, 0, 0, 2, 1, 0, 1, 0, 1, 2, 1, 1, 0, 0);
        JsonNode a = channels.get(ia);
        JsonNode b = channels.get(ib);
        assertThat(figures(a)).isEqualTo(expectedA);
        assertThat(figures(b)).isEqualTo(expectedB);
        assertThat(a.path("name").asText()).isEqualTo("测试热线" + u);
        assertThat(a.path("satisfactionRate").doubleValue()).isEqualTo(0.25);
        assertThat(a.path("callbackRate").doubleValue()).isEqualTo(0.75);
        assertThat(b.path("satisfactionRate").doubleValue()).isEqualTo(1.0);
        assertThat(b.path("callbackRate").doubleValue()).isEqualTo(0.5);

        // the units of accepted and merged tickets, by 满意率: C 1/1, A 1/3, B 0/1; D has no reached call
        List<String> order = new ArrayList<>();
        List<JsonNode> mine = new ArrayList<>();
        stats.path("units").forEach(unit -> {
            if (unit.path("code").asText().endsWith(u)) {
                order.add(unit.path("code").asText());
                mine.add(unit);
            }
        });
        assertThat(order).containsExactly("QC" + u, "QA" + u, "QB" + u, "QD" + u);
        Map<String, JsonNode> units = byCode(stats.path("units"));
        assertThat(figures(units.get("QA" + u))).isEqualTo(counts(2, 0, 2, 0, 0, 0, 3, 3, 1, 0, 2, 0, 2, 2, 2, 2, 0));
        assertThat(figures(units.get("QB" + u))).isEqualTo(counts(2, 0, 1, 1, 0, 0, 4, 1, 0, 0, 1, 3, 2, 1, 1, 0, 1));
        assertThat(figures(units.get("QC" + u))).isEqualTo(counts(3, 0, 3, 0, 0, 0, 2, 1, 0, 1, 0, 1, 2, 1, 1, 0, 0));
        assertThat(figures(units.get("QD" + u))).isEqualTo(counts(1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0));
        assertThat(units.get("QA" + u).path("satisfactionRate").doubleValue()).isEqualTo(0.3333);
        assertThat(units.get("QB" + u).path("satisfactionRate").doubleValue()).isEqualTo(0.0);
        assertThat(units.get("QC" + u).path("satisfactionRate").doubleValue()).isEqualTo(1.0);
        assertThat(units.get("QD" + u).path("satisfactionRate").isNull()).isTrue();
        assertThat(units.get("QD" + u).path("callbackRate").isNull()).isTrue();
        assertThat(units.get("QA" + u).path("name").asText()).isEqualTo("回访A派出所" + u);
        // ranks: no other unit has tickets in this month unless another run chose it too; then ours keep their order
        int rankC = units.get("QC" + u).path("rank").asInt();
        assertThat(units.get("QA" + u).path("rank").asInt()).isGreaterThan(rankC);
        assertThat(units.get("QB" + u).path("rank").asInt()).isGreaterThan(units.get("QA" + u).path("rank").asInt());
        assertThat(units.get("QD" + u).path("rank").isNull()).isTrue();
        if (figures(baseline).values().stream().allMatch(v -> v == 0)) {
            assertThat(mine).extracting(x -> x.path("rank").isNull() ? null : x.path("rank").asInt())
                    .containsExactly(1, 2, 3, null);
        }

        // the total: the baseline and both channels
        Map<String, Long> total = figures(stats.path("total"));
        Map<String, Long> expectedTotal = new LinkedHashMap<>();
        COUNTS.forEach(k -> expectedTotal.put(k, baseline.path(k).asLong() + expectedA.get(k) + expectedB.get(k)));
        assertThat(total).isEqualTo(expectedTotal);
        long reached = total.get("reached");
        double rate = Math.round((double) (total.get("satisfied") + total.get("basicallySatisfied")) / reached * 10_000)
                / 10_000.0;
        assertThat(stats.path("total").path("satisfactionRate").doubleValue()).isEqualTo(rate);
        assertThat(stats.toString()).doesNotContain("complainant", IntakeRows.COMPLAINANT, IntakeRows.PHONE, "v1:");

        // the month's report has the section, with the same 满意率, and no complainant's data
        Http.Response made = admin().postJson("/api/reports", Map.of("type", "MONTHLY", "date", first.plusDays(14)
                .toString()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        String html = admin().get("/api/reports/" + made.json().path("id").asLong()).body();
        String rateText = percent(stats.path("total").path("satisfactionRate").doubleValue());
        assertThat(html).contains("九、群众诉求与回访", "data-k=\"intake.satisfaction\">" + rateText + "<",
                "data-k=\"intake.received\">" + total.get("received") + "<",
                "data-k=\"intake.channel." + ia + ".satisfaction\">25%<",
                "data-k=\"intake.channel." + ib + ".callback\">50%<",
                "data-k=\"intake.channel." + ia + ".unresolved\">7<",
                "data-k=\"intake.channel." + ia + ".dissatisfiedOpen\" class=\"overdue\">2<",
                "data-k=\"intake.channel." + ia + ".cleared\">1<",
                "data-k=\"intake.unit.QC" + u + ".satisfaction\">100%<",
                "data-k=\"intake.unit.QA" + u + ".satisfaction\">33.33%<",
                "data-k=\"intake.unit.QD" + u + ".rank\">—<", "测试热线" + u, "口径说明")
                .doesNotContain(IntakeRows.COMPLAINANT, IntakeRows.PHONE, "v1:");
        String markdown = jdbc.queryForObject("SELECT markdown FROM report WHERE id = ?", String.class,
                made.json().path("id").asLong());
        assertThat(markdown).contains("满意率 **" + rateText + "**", "诉求清零")
                .doesNotContain(IntakeRows.COMPLAINANT, IntakeRows.PHONE, "v1:");
        // the tickets are the intake's as ever: listed with the complainant masked
        assertThat(admin().get("/api/intake?source=" + ia).status()).isEqualTo(200);
    }

    /** 83.33%, 25%, 100% from 0.8333, 0.25, 1.0. */
    private static String percent(double rate) {
        return java.math.BigDecimal.valueOf(Math.round(rate * 10_000)).movePointLeft(2).stripTrailingZeros()
                .toPlainString() + "%";
    }

    @Test
    void shouldRefuseBadOrMissingDatesNamingTheParameter() {
        Map<String, String> cases = new LinkedHashMap<>();
        cases.put("?to=2026-11-30", "from");
        cases.put("?from=2026-11-01", "to");
        cases.put("?from=2026-11-01&to=2026-13-01", "to");
        cases.put("?from=11/01/2026&to=2026-11-30", "from");
        cases.put("?from=0001-01-01&to=2026-11-30", "from");
        cases.put("?from=2026-12-01&to=2026-11-30", "from");
        cases.forEach((query, field) -> {
            Http.Response response = fx.as(officer).get("/api/stats/intake" + query);
            assertThat(response.status()).as(query + ": " + response.body()).isEqualTo(400);
            List<String> fields = new ArrayList<>();
            response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
            assertThat(fields).as(query).containsExactly(field);
        });
        Http.Response neither = fx.as(officer).get("/api/stats/intake");
        assertThat(neither.status()).isEqualTo(400);
        assertThat(neither.body()).contains("from", "to", "缺少日期");
    }

    @Test
    void shouldLetEveryOfficerReadTheFiguresButNotAMachineAccount() {
        String query = "/api/stats/intake?from=2026-11-01&to=2026-11-30";
        assertThat(fx.as(officer).get(query).status()).isEqualTo(200);
        assertThat(admin().get(query).status()).isEqualTo(200);
        assertThat(fx.as(machine).get(query).status()).isEqualTo(403);
        assertThat(anonymous().get(query).status()).isEqualTo(401);
    }
}
