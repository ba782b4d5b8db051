package cn.jiandu.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jiandu.Fixtures;
import cn.jiandu.Http;
import cn.jiandu.ItSupport;
import cn.jiandu.level.Level;

/**
 * The incident and case an intake names, as the triage form shows them: ledgers imported
 * over HTTP, findings from a run or stored as a run stores them, then LedgerLookup's SQL on
 * the real database. Every test has a unit and record numbers of its own.
 */
class LedgerLookupIT extends ItSupport {

    private final Fixtures fx = new Fixtures(this, "lookup-pass-1");

    @Autowired
    LedgerLookup lookup;
    @Autowired
    DetectionMapper detection;

    private String u;
    private String unit;
    private String unitName;

    @BeforeEach
    void aStation() {
        u = unique();
        unit = "LL" + u;
        unitName = "查询派出所" + u;
        fx.unit(unit, unitName, "STATION");
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    @Test
    void shouldShowAnIncidentAndTheOpenFindingARunMadeOnIt() {
        clock.setNow(at("2027-09-01T08:00:00+08:00"));
        ok(admin().postCsv("/api/ledgers/incidents", "incident_no,unit_code,category,received_at,diverted_at,summary\n"
                + "J1" + u + "," + unit + ",OTHER,2027-08-30T09:30:00,,东关路电动车被盗，报警人电话13812345678\n"));
        ok(admin().postJson("/api/detection/runs", Map.of()));

        String text = lookup.describe("  J1" + u + " ", null).orElseThrow();

        assertThat(text).isEqualTo("**警情 J1" + u + "**（" + unitName + "，接警 2027年8月30日 09:30，类别 其他）："
                + "东关路电动车被盗，报警人电话138\\*\\*\\*\\*5678\n\n"
                + "未处理的预警：\n"
                + "- 警情未及时分流（警情 J1" + u + "，蓝色预警，发现于 2027年9月1日）");
    }

    @Test
    void shouldShowACaseWithItsIncidentAndOnlyTheOpenFindingsOfTheirRules() {
        ok(admin().postCsv("/api/ledgers/incidents", "incident_no,unit_code,category,received_at,diverted_at\n"
                + "J2" + u + "," + unit + ",ADMINISTRATIVE,2027-05-02T10:00:00,2027-05-02T10:30:00\n"));
        ok(admin().postCsv("/api/ledgers/cases", "case_no,incident_no,unit_code,category,accepted_at\n"
                + "A2" + u + ",J2" + u + "," + unit + ",ADMINISTRATIVE,2027-05-03T09:00:00\n"));
        store("ACCEPTANCE_WITHOUT_RECEIPT", "A2" + u, Level.YELLOW, Finding.OPEN, "2027-05-05T08:00:00+08:00");
        store("ADMIN_INCIDENT_NOT_ACCEPTED", "J2" + u, Level.BLUE, Finding.OPEN, "2027-05-06T08:00:00+08:00");
        // rectified: no longer open
        store("FILING_WITHOUT_NOTICE", "A2" + u, Level.BLUE, Finding.RECTIFIED, "2027-05-04T08:00:00+08:00");
        // a case rule on the incident's number, an incident rule on the case's: not these records' findings
        store("ACCEPTANCE_WITHOUT_RECEIPT", "J2" + u, Level.BLUE, Finding.OPEN, "2027-05-04T08:00:00+08:00");
        store("INCIDENT_NOT_DIVERTED", "A2" + u, Level.BLUE, Finding.OPEN, "2027-05-04T08:00:00+08:00");

        String expected = "**警情 J2" + u + "**（" + unitName + "，接警 2027年5月2日 10:00，类别 行政）\n\n"
                + "**案件 A2" + u + "**（" + unitName + "，类别 行政，受案 2027年5月3日，立案 —，结案 —）\n\n"
                + "未处理的预警：\n"
                + "- 行政警情未按期受案（警情 J2" + u + "，蓝色预警，发现于 2027年5月6日）\n"
                + "- 受案未开具受案回执（案件 A2" + u + "，黄色预警，发现于 2027年5月5日）";
        assertThat(lookup.describe(null, "A2" + u)).as("the case, and its incident").contains(expected);
        assertThat(lookup.describe("J2" + u, "")).as("the incident, and its case").contains(expected);
        assertThat(lookup.describe("J2" + u, "A2" + u)).contains(expected);
        assertThat(lookup.describe("NONE" + u, "A2" + u)).as("a number not stored is left out").contains(expected);
    }

    @Test
    void shouldBeEmptyWhenNothingMatchesOrNothingIsGiven() {
        assertThat(lookup.describe("NONE" + u, "NONE" + u)).isEmpty();
        assertThat(lookup.describe(null, null)).isEmpty();
        assertThat(lookup.describe("  ", "\t")).isEmpty();
    }

    @Test
    void shouldTakeHostileNumbersAsTextThatMatchesNothing() {
        String key = "J3" + u;
        ok(admin().postCsv("/api/ledgers/incidents", "incident_no,unit_code,category,received_at,diverted_at\n"
                + key + "," + unit + ",OTHER,2027-05-02T10:00:00,2027-05-02T10:30:00\n"
                + "J3*_[x](y)" + u + "," + unit + ",OTHER,2027-05-02T10:00:00,2027-05-02T10:30:00\n"));

        for (String hostile : new String[] {"' OR '1'='1", key + "' OR '1'='1", key + "'; DELETE FROM ledger_incident; --",
                "%", key.substring(0, 3) + "%", "J3_" + u.substring(1), "${incidentNo}", "#{caseNo}",
                key + "\u0000", key + " ".repeat(70) + "x", key + "x".repeat(61)}) {
            assertThat(lookup.describe(hostile, hostile)).as(hostile).isEmpty();
        }

        assertThat(lookup.describe(key, null)).as("the ledger is untouched").hasValueSatisfying(
                text -> assertThat(text).startsWith("**警情 " + key + "**（" + unitName));
        assertThat(lookup.describe("J3*_[x](y)" + u, null)).as("a stored number is shown as text").hasValueSatisfying(
                text -> assertThat(text).startsWith("**警情 J3\\*\\_\\[x\\]\\(y\\)" + u + "**（"));
    }

    private void store(String rule, String key, Level level, String status, String firstSeen) {
        Instant seen = at(firstSeen);
        detection.insertFinding(new Finding(rule, key, unit, null, level, status, null, seen, seen,
                Finding.RECTIFIED.equals(status) ? seen : null));
    }

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    private static void ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
