package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.StreamSupport;

import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Ledgers imported through HTTP, the rules run at times the test sets, and the problems
 * they open: every rule at its edges (exactly the threshold, one minute past), late and
 * missing steps, working days over weekends and holidays, reruns that open nothing,
 * incremental runs, the unit rates, and who may do what. Every test has units and record
 * keys of its own: the database is shared, and a run reads all of it.
 */
class DetectionIT extends ItSupport {

    private static final String PASSWORD = "detect-pass-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @Autowired
    ManagementService management;

    private String u;
    private String unit;
    private String officer;

    @BeforeEach
    void aStationWithAnOfficer() {
        u = unique();
        unit = "DT" + u;
        fx.unit(unit, "检测派出所" + u, "STATION");
        officer = fx.officer("DO" + u, "民警" + u, unit, "OFFICER", false);
    }

    @AfterEach
    void systemTime() {
        clock.reset();
    }

    // ---- imports -------------------------------------------------------------------------

    @Test
    void shouldImportCsvWithBomAndColumnsInAnyOrderThenUpdateByKey() {
        String csv = "\uFEFFsummary,received_at,category,unit_code,incident_no,diverted_at\n"
                + "盗窃电动车,2027-01-05T08:30:00," + "CRIMINAL," + unit + ",J1" + u + ",2027-01-05T09:00:00\n"
                + "噪音扰民,2027-01-05 10:00:00,行政," + unit + ",J2" + u + ",\n";
        JsonNode first = ok(admin().postCsv("/api/ledgers/incidents", csv));
        assertThat(first.path("kind").asText()).isEqualTo("incidents");
        assertThat(first.path("status").asText()).isEqualTo("DONE");
        assertThat(first.path("rowsRead").asLong()).isEqualTo(2);
        assertThat(first.path("rowsStored").asLong()).isEqualTo(2);
        assertThat(first.path("created").asLong()).isEqualTo(2);
        assertThat(first.path("updated").asLong()).isZero();

        JsonNode progress = ok(admin().get("/api/ledgers/imports/" + first.path("importId").asLong()));
        assertThat(progress.path("status").asText()).isEqualTo("DONE");
        assertThat(progress.path("rowsRead").asLong()).isEqualTo(2);
        assertThat(progress.path("rowsStored").asLong()).isEqualTo(2);
        assertThat(progress.path("startedBy").asText()).isEqualTo(ADMIN);

        String again = "incident_no,unit_code,category,received_at,diverted_at\n"
                + "J2" + u + "," + unit + ",ADMINISTRATIVE,2027-01-05T10:00:00,2027-01-05T10:30:00\n"
                + "J3" + u + "," + unit + ",OTHER,2027-01-06T10:00:00+08:00,2027-01-06T02:30:00Z\n";
        JsonNode second = ok(admin().postCsv("/api/ledgers/incidents", again));
        assertThat(second.path("created").asLong()).isEqualTo(1);
        assertThat(second.path("updated").asLong()).isEqualTo(1);
        assertThat(second.path("importId").asLong()).isGreaterThan(first.path("importId").asLong());
        assertThat(admin().get("/api/ledgers/imports?kind=incidents&limit=5").json().get(0).path("importId").asLong())
                .isEqualTo(second.path("importId").asLong());
    }

    @Test
    void shouldImportGbkCsvAndJson() {
        String gbk = "incident_no,unit_code,category,received_at,diverted_at,summary\n"
                + "G1" + u + "," + unit + ",刑事,2027-01-07T08:00:00,2027-01-07T09:00:00,东关路盗窃案\n";
        ok(admin().postCsv("/api/ledgers/incidents", gbk, Charset.forName("GBK")));

        List<Map<String, Object>> cases = List.of(
                row("case_no", "GC1" + u, "incident_no", "G1" + u, "unit_code", unit, "officer_no", officer,
                        "category", "CRIMINAL", "filed_at", "2027-01-08T10:00:00+08:00",
                        "filing_notice_at", "2027-01-09T10:00:00+08:00"),
                row("case_no", "GC2" + u, "unit_code", unit, "category", "ADMINISTRATIVE",
                        "accepted_at", "2027-01-08T10:00:00", "receipt_at", null));
        JsonNode imported = ok(admin().postJson("/api/ledgers/cases", cases));
        assertThat(imported.path("kind").asText()).isEqualTo("cases");
        assertThat(imported.path("created").asLong()).isEqualTo(2);

        List<Map<String, Object>> measures = List.of(row("measure_no", "GM1" + u, "case_no", "GC1" + u,
                "type", "取保候审", "start_at", "2027-01-08T10:00:00", "end_at", "2028-01-08T10:00:00"));
        assertThat(ok(admin().postJson("/api/ledgers/measures", measures)).path("created").asLong()).isEqualTo(1);
    }

    @Test
    void shouldStoreNothingOfAThousandRowsWhenLine500HasABadTime() {
        StringBuilder csv = new StringBuilder("incident_no,unit_code,category,received_at,diverted_at\n");
        for (int i = 1; i <= 1000; i++) {
            int line = i + 1;
            String received = line == 500 ? "2027-02-30T08:00:00" : "2027-02-01T08:00:00";
            csv.append("K").append(i).append(u).append(',').append(unit).append(",OTHER,").append(received)
                    .append(",2027-02-01T09:00:00\n");
        }
        Http.Response refused = admin().postCsv("/api/ledgers/incidents", csv.toString());
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        JsonNode errors = refused.json().path("errors");
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).path("line").asInt()).isEqualTo(500);
        assertThat(errors.get(0).path("field").asText()).isEqualTo("received_at");
        assertThat(refused.json().path("detail").asText()).contains("第500行");
        JsonNode failed = ok(admin().get("/api/ledgers/imports/" + refused.json().path("importId").asLong()));
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("rowsRead").asLong()).isEqualTo(1000);
        assertThat(failed.path("rowsStored").asLong()).isZero();
        assertThat(failed.path("errors").asLong()).isEqualTo(1);

        // nothing was stored: the corrected file creates all thousand rows
        JsonNode fixed = ok(admin().postCsv("/api/ledgers/incidents",
                csv.toString().replace("2027-02-30T08:00:00", "2027-02-01T08:00:00")));
        assertThat(fixed.path("created").asLong()).isEqualTo(1000);
        assertThat(fixed.path("updated").asLong()).isZero();
    }

    @Test
    void shouldListEveryBadRowWithItsLineAndColumn() {
        ok(admin().postCsv("/api/ledgers/incidents", "incident_no,unit_code,category,received_at\n"
                + "B1" + u + "," + unit + ",OTHER,2027-01-10T08:00:00\n"));
        String incidents = "incident_no,unit_code,category,received_at\n"
                + "B2" + u + ",NOWHERE" + u + ",OTHER,2027-01-10T08:00:00\n"
                + "B3" + u + "," + unit + ",PICNIC,2027-01-10T08:00:00\n"
                + "," + unit + ",OTHER,2027-01-10T08:00:00\n"
                + "B5" + u + "," + unit + ",OTHER,yesterday\n"
                + "B6" + u + "," + unit + ",OTHER,2027-01-10T08:00:00\n"
                + "B6" + u + "," + unit + ",OTHER,2027-01-10T09:00:00\n";
        Http.Response refused = admin().postCsv("/api/ledgers/incidents", incidents);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(errors(refused)).containsExactly("2 unit_code", "3 category", "4 incident_no", "5 received_at",
                "7 incident_no");
        assertThat(refused.json().path("errorCount").asInt()).isEqualTo(5);

        String cases = "case_no,incident_no,unit_code,category,accepted_at\n"
                + "BC1" + u + ",B1" + u + "," + unit + ",ADMINISTRATIVE,2027-01-10T09:00:00\n"
                + "BC2" + u + ",NONE" + u + "," + unit + ",ADMINISTRATIVE,2027-01-10T09:00:00\n";
        Http.Response orphan = admin().postCsv("/api/ledgers/cases", cases);
        assertThat(orphan.status()).as(orphan.body()).isEqualTo(400);
        assertThat(errors(orphan)).containsExactly("3 incident_no");
        assertThat(ok(admin().postCsv("/api/ledgers/cases", cases.replace("NONE" + u, "B1" + u))).path("created")
                .asLong()).isEqualTo(2);

        Http.Response measure = admin().postJson("/api/ledgers/measures", List.of(
                row("measure_no", "BM1" + u, "case_no", "NONE" + u, "type", "BAIL"),
                row("measure_no", "BM2" + u, "case_no", "BC1" + u, "type", "ARREST")));
        assertThat(measure.status()).as(measure.body()).isEqualTo(400);
        assertThat(errors(measure)).containsExactlyInAnyOrder("1 case_no", "2 type");
        assertThat(admin().postCsv("/api/ledgers/parking-tickets", "x\n1\n").status()).isEqualTo(404);
    }

    @Test
    void shouldLeaveImportsAndRunsToTheBureau() {
        Http officerHttp = fx.as(officer);
        assertThat(officerHttp.postCsv("/api/ledgers/incidents", "incident_no,unit_code,category,received_at\n"
                + "F1" + u + "," + unit + ",OTHER,2027-01-10T08:00:00\n").status()).isEqualTo(403);
        assertThat(officerHttp.postJson("/api/ledgers/cases", List.of()).status()).isEqualTo(403);
        assertThat(officerHttp.postJson("/api/detection/runs", Map.of()).status()).isEqualTo(403);
        assertThat(officerHttp.get("/api/ledgers/imports").status()).isEqualTo(403);
        assertThat(officerHttp.get("/api/detection/findings?unitCode=" + unit).status()).isEqualTo(200);
        assertThat(officerHttp.get("/api/detection/findings?unitCode=ELSEWHERE").status()).isEqualTo(403);
        assertThat(anonymous().postJson("/api/detection/runs", Map.of()).status()).isEqualTo(401);
        assertThat(admin().get("/api/ledgers/imports?status=LOST").status()).isEqualTo(400);
    }

    // ---- rules ---------------------------------------------------------------------------

    @Test
    void shouldFindAnAdministrativeIncidentNotAcceptedWithinThreeDays() {
        at("2027-03-01T08:00:00+08:00");
        incidents("ADMINISTRATIVE", "2027-03-01T08:00:00", "A1", "A2", "A3", "A4");
        // receipts at once: only the rule under test finds anything
        cases("case_no,incident_no,unit_code,officer_no,category,accepted_at,receipt_at\n"
                + "AC3" + u + ",A3" + u + "," + unit + "," + officer
                + ",ADMINISTRATIVE,2027-03-04T08:00:00,2027-03-04T08:00:00\n"
                + "AC4" + u + ",A4" + u + "," + unit + "," + officer
                + ",ADMINISTRATIVE,2027-03-04T08:01:00,2027-03-04T08:01:00\n");

        at("2027-03-04T08:00:00+08:00");
        run();
        assertThat(findings("ADMIN_INCIDENT_NOT_ACCEPTED")).as("exactly 72 hours is on time").isEmpty();

        at("2027-03-04T08:01:00+08:00");
        run();
        Map<String, JsonNode> found = byKey(findings("ADMIN_INCIDENT_NOT_ACCEPTED"));
        assertThat(found).containsOnlyKeys("A1" + u, "A2" + u, "A4" + u);
        JsonNode a1 = found.get("A1" + u);
        assertThat(a1.path("status").asText()).isEqualTo("OPEN");
        assertThat(a1.path("level").asText()).isEqualTo("BLUE");
        assertThat(a1.path("unitCode").asText()).isEqualTo(unit);
        assertThat(OffsetDateTime.parse(a1.path("firstSeenAt").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2027-03-04T08:01:00+08:00").toInstant());
        assertThat(found.get("A4" + u).path("status").asText()).as("accepted, but late").isEqualTo("RECTIFIED");
        assertThat(found.get("A4" + u).path("officerNo").asText()).isEqualTo(officer);

        JsonNode problem = problem(a1.path("problemId").asLong());
        assertThat(problem.path("source").asText()).isEqualTo("RULE_WARNING");
        assertThat(problem.path("category").asText()).isEqualTo("CASE_FILING");
        assertThat(problem.path("level").asText()).isEqualTo("BLUE");
        assertThat(problem.path("unitCode").asText()).isEqualTo(unit);
        assertThat(problem.path("title").asText()).isEqualTo("行政警情未按期受案：A1" + u);
        assertThat(problem.path("registeredBy").asText()).isEqualTo("system");
        assertThat(problems()).isEqualTo(3);

        JsonNode rerun = run();
        assertThat(rerun.path("opened").asInt()).as("a rerun opens nothing").isZero();
        assertThat(rerun.path("findings").path("ADMIN_INCIDENT_NOT_ACCEPTED").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(problems()).isEqualTo(3);

        // the case system accepts A1 a day late: rectified, and no new problem
        at("2027-03-05T09:00:00+08:00");
        cases("case_no,incident_no,unit_code,category,accepted_at,receipt_at\n"
                + "AC1" + u + ",A1" + u + "," + unit + ",ADMINISTRATIVE,2027-03-05T08:30:00,2027-03-05T08:30:00\n");
        run();
        found = byKey(findings("ADMIN_INCIDENT_NOT_ACCEPTED"));
        assertThat(found.get("A1" + u).path("status").asText()).isEqualTo("RECTIFIED");
        assertThat(OffsetDateTime.parse(found.get("A1" + u).path("rectifiedAt").asText()).toInstant())
                .isEqualTo(OffsetDateTime.parse("2027-03-05T09:00:00+08:00").toInstant());
        assertThat(found.get("A2" + u).path("status").asText()).isEqualTo("OPEN");
        assertThat(problems()).isEqualTo(3);
    }

    @Test
    void shouldRaiseACriminalIncidentNotFiledFromBlueToYellowToRed() {
        at("2027-04-01T08:00:00+08:00");
        incidents("CRIMINAL", "2027-04-01T08:00:00", "C1", "C2", "C3");
        cases("case_no,incident_no,unit_code,category,filed_at,filing_notice_at,not_filed_at\n"
                + "CC2" + u + ",C2" + u + "," + unit + ",CRIMINAL,,,2027-04-04T08:00:00\n"
                + "CC3" + u + ",C3" + u + "," + unit + ",CRIMINAL,2027-04-09T08:00:00,2027-04-09T09:00:00,\n");

        at("2027-04-04T08:00:00+08:00");
        run();
        assertThat(findings("CRIMINAL_INCIDENT_NOT_FILED")).isEmpty();

        at("2027-04-04T08:01:00+08:00");
        run();
        Map<String, JsonNode> found = byKey(findings("CRIMINAL_INCIDENT_NOT_FILED"));
        assertThat(found).containsOnlyKeys("C1" + u, "C3" + u);
        assertThat(found.get("C1" + u).path("level").asText()).isEqualTo("BLUE");
        long problemId = found.get("C1" + u).path("problemId").asLong();
        assertThat(problem(problemId).path("level").asText()).isEqualTo("BLUE");

        at("2027-04-08T08:01:00+08:00");
        run();
        found = byKey(findings("CRIMINAL_INCIDENT_NOT_FILED"));
        assertThat(found.get("C1" + u).path("level").asText()).isEqualTo("YELLOW");
        // the rule raised it, unless its own signing clock had already done so
        assertThat(levelOf(problem(problemId))).isGreaterThanOrEqualTo(1);

        at("2027-05-01T08:01:00+08:00");
        run();
        found = byKey(findings("CRIMINAL_INCIDENT_NOT_FILED"));
        assertThat(found.get("C1" + u).path("level").asText()).isEqualTo("RED");
        assertThat(found.get("C1" + u).path("problemId").asLong()).isEqualTo(problemId);
        assertThat(problem(problemId).path("level").asText()).isEqualTo("RED");
        // filed on day 8: yellow, done late, and it grows no worse
        assertThat(found.get("C3" + u).path("level").asText()).isEqualTo("YELLOW");
        assertThat(found.get("C3" + u).path("status").asText()).isEqualTo("RECTIFIED");
        assertThat(problems()).isEqualTo(2);
    }

    @Test
    void shouldFindAnIncidentNotDivertedWithin24Hours() {
        at("2027-05-03T08:00:00+08:00");
        String csv = "incident_no,unit_code,category,received_at,diverted_at\n"
                + "D1" + u + "," + unit + ",OTHER,2027-05-03T08:00:00,\n"
                + "D2" + u + "," + unit + ",OTHER,2027-05-03T08:00:00,2027-05-04T08:00:00\n"
                + "D3" + u + "," + unit + ",OTHER,2027-05-03T08:00:00,2027-05-04T09:00:00\n";
        ok(admin().postCsv("/api/ledgers/incidents", csv));

        at("2027-05-04T08:00:00+08:00");
        run();
        assertThat(findings("INCIDENT_NOT_DIVERTED")).isEmpty();

        at("2027-05-04T08:01:00+08:00");
        run();
        Map<String, JsonNode> found = byKey(findings("INCIDENT_NOT_DIVERTED"));
        assertThat(found).as("D3 is diverted only at 09:00").containsOnlyKeys("D1" + u, "D3" + u);
        assertThat(found.get("D3" + u).path("status").asText()).isEqualTo("OPEN");
        assertThat(problem(found.get("D1" + u).path("problemId").asLong()).path("category").asText())
                .isEqualTo("INCIDENT_DIVERSION");

        at("2027-05-04T09:01:00+08:00");
        JsonNode rerun = run();
        assertThat(rerun.path("opened").asInt()).isZero();
        found = byKey(findings("INCIDENT_NOT_DIVERTED"));
        assertThat(found).containsOnlyKeys("D1" + u, "D3" + u);
        assertThat(found.get("D3" + u).path("status").asText()).as("diverted an hour late").isEqualTo("RECTIFIED");
        assertThat(found.get("D1" + u).path("status").asText()).isEqualTo("OPEN");
        assertThat(problems()).isEqualTo(2);
    }

    @Test
    void shouldFindAnAcceptanceWithoutReceiptAfterOneDay() {
        at("2027-05-10T09:00:00+08:00");
        cases("case_no,unit_code,officer_no,category,accepted_at,receipt_at\n"
                + "R1" + u + "," + unit + "," + officer + ",ADMINISTRATIVE,2027-05-10T09:00:00,\n"
                + "R2" + u + "," + unit + "," + officer + ",ADMINISTRATIVE,2027-05-10T09:00:00,2027-05-11T09:00:00\n"
                + "R3" + u + "," + unit + "," + officer + ",ADMINISTRATIVE,2027-05-10T09:00:00,2027-05-11T09:01:00\n");

        at("2027-05-11T09:00:00+08:00");
        run();
        assertThat(findings("ACCEPTANCE_WITHOUT_RECEIPT")).isEmpty();

        at("2027-05-11T09:01:00+08:00");
        run();
        Map<String, JsonNode> found = byKey(findings("ACCEPTANCE_WITHOUT_RECEIPT"));
        assertThat(found).containsOnlyKeys("R1" + u, "R3" + u);
        assertThat(found.get("R1" + u).path("status").asText()).isEqualTo("OPEN");
        assertThat(found.get("R3" + u).path("status").asText()).as("receipt a minute late").isEqualTo("RECTIFIED");
        JsonNode problem = problem(found.get("R1" + u).path("problemId").asLong());
        assertThat(problem.path("category").asText()).isEqualTo("LEGAL_DOCUMENT");
        assertThat(problem.path("officerNo").asText()).isEqualTo(officer);
        assertThat(problem.path("description").asText()).contains("R1" + u, "受案", "仍未开具受案回执");

        // the receipt comes the next day: rectified
        at("2027-05-12T09:00:00+08:00");
        cases("case_no,unit_code,officer_no,category,accepted_at,receipt_at\n"
                + "R1" + u + "," + unit + "," + officer + ",ADMINISTRATIVE,2027-05-10T09:00:00,2027-05-12T08:00:00\n");
        run();
        found = byKey(findings("ACCEPTANCE_WITHOUT_RECEIPT"));
        assertThat(found.get("R1" + u).path("status").asText()).isEqualTo("RECTIFIED");
        assertThat(problems()).isEqualTo(2);
    }

    @Test
    void shouldCountWorkingDaysForTheFilingNoticeOverAWeekend() {
        // filed on Friday 2027-03-12: three working days end on Wednesday 03-17
        at("2027-03-12T10:00:00+08:00");
        cases("case_no,unit_code,category,filed_at,filing_notice_at\n"
                + "W1" + u + "," + unit + ",CRIMINAL,2027-03-12T10:00:00,\n"
                + "W2" + u + "," + unit + ",CRIMINAL,2027-03-12T10:00:00,2027-03-17T23:00:00\n"
                + "W3" + u + "," + unit + ",CRIMINAL,2027-03-12T10:00:00,2027-03-18T08:00:00\n");

        at("2027-03-15T10:01:00+08:00");
        run();
        assertThat(findings("FILING_WITHOUT_NOTICE")).as("three calendar days are one working day").isEmpty();

        at("2027-03-17T23:59:59+08:00");
        run();
        assertThat(findings("FILING_WITHOUT_NOTICE")).isEmpty();

        at("2027-03-18T00:01:00+08:00");
        run();
        Map<String, JsonNode> late = byKey(findings("FILING_WITHOUT_NOTICE"));
        assertThat(late).as("W3's notice comes only at 08:00").containsOnlyKeys("W1" + u, "W3" + u);
        assertThat(late.get("W3" + u).path("status").asText()).isEqualTo("OPEN");

        at("2027-03-18T09:00:00+08:00");
        run();
        Map<String, JsonNode> found = byKey(findings("FILING_WITHOUT_NOTICE"));
        assertThat(found).containsOnlyKeys("W1" + u, "W3" + u);
        assertThat(found.get("W3" + u).path("status").asText()).isEqualTo("RECTIFIED");
    }

    @Test
    void shouldCountWorkingDaysForTheFilingNoticeOverTheNationalDayHoliday() {
        // filed on Wednesday 2026-09-30: 10-01 … 10-07 off, three working days end on the
        // make-up Saturday 10-10 (10-08, 10-09, 10-10)
        at("2026-09-30T10:00:00+08:00");
        cases("case_no,unit_code,category,filed_at,filing_notice_at\n"
                + "N1" + u + "," + unit + ",CRIMINAL,2026-09-30T10:00:00,\n"
                + "N2" + u + "," + unit + ",CRIMINAL,2026-09-30T10:00:00,2026-10-10T20:00:00\n");

        at("2026-10-08T10:00:00+08:00");
        run();
        assertThat(findings("FILING_WITHOUT_NOTICE")).as("eight calendar days, one working day").isEmpty();

        at("2026-10-10T23:59:59+08:00");
        run();
        assertThat(findings("FILING_WITHOUT_NOTICE")).isEmpty();

        at("2026-10-11T00:01:00+08:00");
        run();
        assertThat(byKey(findings("FILING_WITHOUT_NOTICE"))).containsOnlyKeys("N1" + u);
    }

    @Test
    void shouldRemindOfExpiringMeasuresAndFindOverdueOnesRed() {
        at("2027-06-01T08:00:00+08:00");
        cases("case_no,unit_code,officer_no,category,accepted_at,receipt_at\n"
                + "MC" + u + "," + unit + "," + officer + ",CRIMINAL,2027-06-01T08:00:00,2027-06-01T09:00:00\n");
        String measures = "measure_no,case_no,type,start_at,end_at,released_at\n"
                + "M1" + u + ",MC" + u + ",BAIL,2027-05-01T00:00:00,2027-06-10T00:00:00,\n"
                + "M2" + u + ",MC" + u + ",DETENTION,2027-05-01T00:00:00,2027-06-10T00:00:00,2027-06-10T00:00:00\n"
                + "M3" + u + ",MC" + u + ",RESIDENTIAL_SURVEILLANCE,2027-05-01T00:00:00,2027-06-10T00:01:00,\n";
        ok(admin().postCsv("/api/ledgers/measures", measures));

        // seven days ahead of M1's end exactly; M3 ends a minute later
        at("2027-06-03T00:00:00+08:00");
        run();
        assertThat(byKey(findings("MEASURE_EXPIRING"))).containsOnlyKeys("M1" + u, "M2" + u);
        JsonNode expiring = byKey(findings("MEASURE_EXPIRING")).get("M1" + u);
        assertThat(expiring.path("level").asText()).isEqualTo("BLUE");
        assertThat(problem(expiring.path("problemId").asLong()).path("category").asText())
                .isEqualTo("COERCIVE_MEASURE");

        at("2027-06-10T00:00:00+08:00");
        run();
        assertThat(findings("MEASURE_OVERDUE")).as("at its end, not past it").isEmpty();
        assertThat(byKey(findings("MEASURE_EXPIRING")).get("M2" + u).path("status").asText())
                .as("released at its end").isEqualTo("RECTIFIED");

        at("2027-06-10T00:01:00+08:00");
        run();
        Map<String, JsonNode> overdue = byKey(findings("MEASURE_OVERDUE"));
        assertThat(overdue).containsOnlyKeys("M1" + u);
        assertThat(overdue.get("M1" + u).path("level").asText()).isEqualTo("RED");
        JsonNode red = problem(overdue.get("M1" + u).path("problemId").asLong());
        assertThat(red.path("level").asText()).isEqualTo("RED");
        assertThat(red.path("officerNo").asText()).isEqualTo(officer);

        at("2027-06-11T08:00:00+08:00");
        ok(admin().postCsv("/api/ledgers/measures", measures.replace(
                "2027-06-10T00:00:00,\n", "2027-06-10T00:00:00,2027-06-11T07:00:00\n")));
        run();
        assertThat(byKey(findings("MEASURE_OVERDUE")).get("M1" + u).path("status").asText()).isEqualTo("RECTIFIED");
        assertThat(byKey(findings("MEASURE_EXPIRING")).get("M1" + u).path("status").asText()).isEqualTo("RECTIFIED");
        assertThat(byKey(findings("MEASURE_OVERDUE"))).as("M3 is past its end now, and not released")
                .containsOnlyKeys("M1" + u, "M3" + u);
    }

    @Test
    void shouldReevaluateOnlyWhatChangedOrCrossedADeadlineSinceTheLastRun() {
        at("2027-07-01T08:00:00+08:00");
        incidents("ADMINISTRATIVE", "2027-07-01T07:00:00", "I1");
        JsonNode full = ok(admin().postJson("/api/detection/runs?mode=FULL", Map.of()));
        assertThat(full.path("mode").asText()).isEqualTo("FULL");
        assertThat(findings("ADMIN_INCIDENT_NOT_ACCEPTED")).isEmpty();

        // nothing imported: I1's deadline passed between the runs
        at("2027-07-04T08:00:00+08:00");
        JsonNode crossed = run();
        assertThat(crossed.path("mode").asText()).isEqualTo("INCREMENTAL");
        assertThat(byKey(findings("ADMIN_INCIDENT_NOT_ACCEPTED"))).containsOnlyKeys("I1" + u);

        // an old incident imported now: found by the import, not by a deadline
        incidents("ADMINISTRATIVE", "2027-06-01T07:00:00", "I2");
        at("2027-07-04T08:01:00+08:00");
        assertThat(run().path("mode").asText()).isEqualTo("INCREMENTAL");
        assertThat(byKey(findings("ADMIN_INCIDENT_NOT_ACCEPTED"))).containsOnlyKeys("I1" + u, "I2" + u);

        // a case accepting I1 arrives: the incident's finding is rectified through its case
        cases("case_no,incident_no,unit_code,category,accepted_at,receipt_at\n"
                + "IC1" + u + ",I1" + u + "," + unit + ",ADMINISTRATIVE,2027-07-04T08:00:00,2027-07-04T08:00:00\n");
        at("2027-07-04T08:02:00+08:00");
        JsonNode rectified = run();
        assertThat(rectified.path("mode").asText()).isEqualTo("INCREMENTAL");
        assertThat(rectified.path("rectified").asInt()).isGreaterThanOrEqualTo(1);
        Map<String, JsonNode> found = byKey(findings("ADMIN_INCIDENT_NOT_ACCEPTED"));
        assertThat(found.get("I1" + u).path("status").asText()).isEqualTo("RECTIFIED");
        assertThat(found.get("I2" + u).path("status").asText()).isEqualTo("OPEN");
        assertThat(run().path("opened").asInt()).isZero();
    }

    @Test
    void shouldListFindingsByRuleAndUnit() {
        at("2027-08-02T08:00:00+08:00");
        ok(admin().postCsv("/api/ledgers/incidents", "incident_no,unit_code,category,received_at\n"
                + "L1" + u + "," + unit + ",OTHER,2027-08-01T07:00:00\n"));
        run();
        JsonNode all = ok(admin().get("/api/detection/findings?unitCode=" + unit));
        assertThat(all).hasSize(1);
        JsonNode finding = all.get(0);
        for (String field : List.of("rule", "recordKey", "unitCode", "level", "status", "problemId", "firstSeenAt",
                "lastSeenAt", "rectifiedAt")) {
            assertThat(finding.has(field)).as(field).isTrue();
        }
        assertThat(finding.path("rule").asText()).isEqualTo("INCIDENT_NOT_DIVERTED");
        assertThat(ok(admin().get("/api/detection/findings?rule=MEASURE_OVERDUE&unitCode=" + unit))).isEmpty();
        assertThat(ok(fx.as(officer).get("/api/detection/findings")).get(0).path("recordKey").asText())
                .as("an officer sees his unit's").isEqualTo("L1" + u);
        assertThat(admin().get("/api/detection/findings?rule=NO_SUCH_RULE").status()).isEqualTo(400);
    }

    // ---- unit rates ----------------------------------------------------------------------

    @Test
    void shouldRateColourAndRankUnits() {
        String other = "DR" + u;
        fx.unit(other, "对比派出所" + u, "STATION");
        StringBuilder incidents = new StringBuilder("incident_no,unit_code,category,received_at,diverted_at\n");
        for (int i = 1; i <= 20; i++) {
            incidents.append("S").append(i).append(u).append(',').append(unit).append(",OTHER,2029-01-05T08:00:00,")
                    .append(i == 20 ? "" : "2029-01-05T09:00:00").append('\n');
        }
        for (int i = 1; i <= 10; i++) {
            incidents.append("T").append(i).append(u).append(',').append(other).append(",OTHER,2029-01-06T08:00:00,")
                    .append(i > 8 ? "2029-01-08T09:00:00" : "2029-01-06T09:00:00").append('\n');
        }
        ok(admin().postCsv("/api/ledgers/incidents", incidents.toString()));
        StringBuilder cases = new StringBuilder("case_no,unit_code,category,accepted_at,receipt_at\n");
        for (int i = 1; i <= 10; i++) {
            cases.append("SC").append(i).append(u).append(',').append(unit)
                    .append(",ADMINISTRATIVE,2029-01-07T08:00:00,2029-01-07T09:00:00\n");
        }
        ok(admin().postCsv("/api/ledgers/cases", cases.toString()));

        JsonNode report = ok(fx.as(officer).get("/api/stats/units?from=2029-01-01&to=2029-01-31"));
        assertThat(report.path("from").asText()).isEqualTo("2029-01-01");
        Map<String, JsonNode> units = new HashMap<>();
        report.path("units").forEach(n -> units.put(n.path("code").asText(), n));
        JsonNode mine = units.get(unit);
        JsonNode theirs = units.get(other);
        assertThat(mine.path("name").asText()).isEqualTo("检测派出所" + u);
        assertThat(mine.path("diversionRate").asDouble()).isEqualTo(0.95);
        assertThat(mine.path("colours").path("diversionRate").asText()).isEqualTo("GREEN");
        assertThat(mine.path("receiptRate").asDouble()).isEqualTo(1.0);
        assertThat(mine.path("adminAcceptanceRate").isNull()).as("no administrative incidents").isTrue();
        assertThat(mine.path("colours").path("adminAcceptanceRate").isNull()).isTrue();
        assertThat(mine.path("openProblems").asLong()).isZero();
        assertThat(theirs.path("diversionRate").asDouble()).isEqualTo(0.8);
        assertThat(theirs.path("colours").path("diversionRate").asText()).isEqualTo("RED");
        assertThat(theirs.path("receiptRate").isNull()).isTrue();
        assertThat(mine.path("rank").asInt()).isLessThan(theirs.path("rank").asInt());

        JsonNode oneDay = ok(admin().get("/api/stats/units?from=2029-01-06&to=2029-01-06"));
        oneDay.path("units").forEach(n -> units.put(n.path("code").asText(), n));
        assertThat(units.get(unit).path("diversionRate").isNull()).as("by received_at, days inclusive").isTrue();
        assertThat(units.get(other).path("counts").path("incidents").asLong()).isEqualTo(10);

        assertThat(fields(admin().get("/api/stats/units?to=2029-01-31"))).containsExactly("from");
        assertThat(fields(admin().get("/api/stats/units?from=2029-01-01&to=2029-02-30"))).containsExactly("to");
        assertThat(fields(admin().get("/api/stats/units?from=2029-02-01&to=2029-01-31"))).containsExactly("from");
    }

    // ---- helpers -------------------------------------------------------------------------

    /** Moves the app's clock, then lets the process timers due by then fire before the test goes on. */
    private void at(String iso) {
        clock.setNow(OffsetDateTime.parse(iso).toInstant());
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (management.createJobQuery().executable().count() > 0 && System.nanoTime() < until) {
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private void incidents(String category, String receivedAt, String... keys) {
        StringBuilder csv = new StringBuilder("incident_no,unit_code,category,received_at,diverted_at\n");
        for (String key : keys) {
            // diverted within the hour: only the rule under test finds anything
            csv.append(key).append(u).append(',').append(unit).append(',').append(category).append(',')
                    .append(receivedAt).append(',').append(OffsetDateTime.parse(receivedAt + "+08:00").plusHours(1)
                            .toLocalDateTime()).append('\n');
        }
        ok(admin().postCsv("/api/ledgers/incidents", csv.toString()));
    }

    private void cases(String csv) {
        ok(admin().postCsv("/api/ledgers/cases", csv));
    }

    private JsonNode run() {
        return ok(admin().postJson("/api/detection/runs", Map.of()));
    }

    private JsonNode findings(String rule) {
        return ok(admin().get("/api/detection/findings?rule=" + rule + "&unitCode=" + unit));
    }

    private JsonNode problem(long id) {
        return ok(admin().get("/api/problems/" + id));
    }

    private long problems() {
        return ok(admin().get("/api/problems?unitCode=" + unit + "&size=1")).path("total").asLong();
    }

    private static int levelOf(JsonNode problem) {
        return List.of("BLUE", "YELLOW", "RED").indexOf(problem.path("level").asText());
    }

    private static Map<String, JsonNode> byKey(JsonNode findings) {
        Map<String, JsonNode> byKey = new HashMap<>();
        findings.forEach(f -> byKey.put(f.path("recordKey").asText(), f));
        return byKey;
    }

    private static List<String> values(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    private static List<String> errors(Http.Response response) {
        return StreamSupport.stream(response.json().path("errors").spliterator(), false)
                .map(e -> e.path("line").asInt() + " " + e.path("field").asText()).toList();
    }

    private static List<String> fields(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return values(response.json().path("errors"), "field");
    }

    private static Map<String, Object> row(Object... pairs) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            row.put((String) pairs[i], pairs[i + 1]);
        }
        return row;
    }

    private static JsonNode ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
