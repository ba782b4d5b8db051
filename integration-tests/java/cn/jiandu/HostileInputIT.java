package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.EvidenceIT.Part;
import cn.jiandu.evidence.EvidenceSamples;
import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * Hostile input against every /api endpoint: broken JSON and CSV, wrong types, huge fields,
 * control characters, SQL and script injection, wrong encodings, unknown enum values, bad
 * paths and headers. Each is answered with a 4xx and a clear (Chinese) RFC 9457 message,
 * never a 500, and nothing is stored. Injection text that is a valid request is stored as
 * it was typed and never becomes markup or a link on any surface that shows it (the
 * {@link #surfaces} list: the problem API, the problem page and list, documents, DingTalk markdown, the demo inbox,
 * the reports' HTML and group markdown, the dashboard's data; the dashboard page itself in
 * DashboardIT). Ledger imports, all or nothing, name the row and column of what they refuse.
 */
class HostileInputIT extends ItSupport {

    private static final String PASSWORD = "hostile-pass-1";
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String station;
    private String officer;
    private String legal;
    private String head;
    private long problem;
    /** A stored incident and case of the station's: a good row of each ledger can name them. */
    private String incident;
    private String ledgerCase;

    @BeforeEach
    void aStationAnOfficerAndAProblem() {
        clock.reset();
        String u = unique();
        station = "HS" + u;
        String legalUnit = "HL" + u;
        fx.unit(station, "恶意输入测试派出所" + u, "STATION");
        fx.unit(legalUnit, "恶意输入测试法制大队" + u, "LEGAL");
        officer = fx.officerOnDingTalk("HO" + u, station, "OFFICER");
        head = fx.officer("HH" + u, "负责人HH" + u, station, "UNIT_HEAD", true);
        legal = fx.officer("HL" + u, "法制员HL" + u, legalUnit, "LEGAL_OFFICER", true);
        problem = fx.register(legal, validProblem()).path("id").asLong();
        // a channel no new problem may name any more
        assertThat(admin().putJson("/api/admin/sources/HOSTILE_INACTIVE", Map.of("name", "已停用的渠道", "kind",
                "OTHER", "active", false)).status()).isIn(200, 201);
        incident = "HI" + u;
        ledgerCase = "HC" + u;
        // diverted, accepted and given its receipt in time: no rule finds anything in them
        imported(admin().postCsv("/api/ledgers/incidents", "incident_no,unit_code,category,received_at,diverted_at\n"
                + incident + "," + station + ",ADMINISTRATIVE,2026-03-01T08:00:00,2026-03-01T08:10:00\n"));
        imported(admin().postCsv("/api/ledgers/cases", "case_no,incident_no,unit_code,category,accepted_at,receipt_at\n"
                + ledgerCase + "," + incident + "," + station + ",ADMINISTRATIVE,2026-03-01T09:00:00,"
                + "2026-03-01T09:10:00\n"));
    }

    private static void imported(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    /** A ticket that would be received (none of the corpus's is: each has one thing wrong). */
    private static Map<String, Object> validIntake() {
        return Map.of("source", "HOTLINE_12345", "ticketNo", "HOSTILE-" + unique(),
                "receivedAt", "2026-03-01T09:30:00+08:00", "content", "报警后民警未到场。",
                "complainant", Map.of("name", "张三", "phone", "13812345678", "idNumber", "11010519491231002X"),
                "unitHint", "城关派出所");
    }

    /** A refused ticket: 400 naming the field. */
    private void intake(String name, Map<String, Object> body, String field) {
        corpus.add(new Case(name, "POST", "/api/intake", "application/json", write(body).getBytes(StandardCharsets.UTF_8),
                400, false, new String[0], field));
    }

    /** POST /api/intake field by field, and its listing's parameters. */
    private void intakeCases() {
        Map<String, Object> t = validIntake();
        @SuppressWarnings("unchecked")
        Map<String, Object> person = (Map<String, Object>) t.get("complainant");
        intake("source unknown", with(t, "source", "UFO_HOTLINE"), "source");
        intake("source inactive", with(t, "source", "HOSTILE_INACTIVE"), "source");
        intake("source SQL injection", with(t, "source", "' OR '1'='1"), "source");
        intake("source missing", with(t, "source", REMOVE), "source");
        intake("source 10 000 characters", with(t, "source", "S".repeat(10_000)), "source");
        intake("ticketNo blank", with(t, "ticketNo", "   "), "ticketNo");
        intake("ticketNo 65 characters", with(t, "ticketNo", "T".repeat(65)), "ticketNo");
        intake("receivedAt missing", with(t, "receivedAt", REMOVE), "receivedAt");
        intake("receivedAt not a time", with(t, "receivedAt", "yesterday"), "receivedAt");
        intake("receivedAt no such day", with(t, "receivedAt", "2026-02-30T08:00:00+08:00"), "receivedAt");
        intake("receivedAt in the future", with(t, "receivedAt", "2999-01-01T00:00:00+08:00"), "receivedAt");
        intake("receivedAt an object", with(t, "receivedAt", Map.of("x", 1)), "receivedAt");
        intake("content blank", with(t, "content", " \n "), "content");
        intake("content 1 MB", with(t, "content", "诉".repeat(350_000)), "content");
        intake("complainant not an object", with(t, "complainant", "张三"), "complainant");
        intake("phone not a phone", with(t, "complainant", with(person, "phone", "12812345678")), "complainant.phone");
        intake("phone letters", with(t, "complainant", with(person, "phone", "138abcd5678")), "complainant.phone");
        intake("phone 1000 digits", with(t, "complainant", with(person, "phone", "1".repeat(1000))),
                "complainant.phone");
        intake("idNumber wrong check digit", with(t, "complainant", with(person, "idNumber", "110105194912310021")),
                "complainant.idNumber");
        intake("idNumber 15 digits", with(t, "complainant", with(person, "idNumber", "110105491231002")),
                "complainant.idNumber");
        intake("idNumber SQL injection", with(t, "complainant", with(person, "idNumber", "' OR 1=1 --")),
                "complainant.idNumber");
        intake("name 51 characters", with(t, "complainant", with(person, "name", "名".repeat(51))), "complainant.name");
        intake("unitHint 101 characters", with(t, "unitHint", "单".repeat(101)), "unitHint");
        intake("incidentNo 65 characters", with(t, "incidentNo", "J".repeat(65)), "incidentNo");
        intake("caseNo 65 characters", with(t, "caseNo", "A".repeat(65)), "caseNo");
        CONTROL.forEach((what, text) -> {
            intake("ticketNo with " + what, with(t, "ticketNo", text), "ticketNo");
            intake("content with " + what, with(t, "content", text), "content");
            intake("name with " + what, with(t, "complainant", with(person, "name", text)), "complainant.name");
            intake("caseNo with " + what, with(t, "caseNo", text), "caseNo");
        });
        intakeImportCases();
        get("intake: id not a number", "/api/intake/abc", 400);
        get("intake: no such intake", "/api/intake/-1", 404);
        get("intake: status unknown", "/api/intake?status=DONE", 400);
        get("intake: page negative", "/api/intake?page=-1", 400);
        get("intake: size 201", "/api/intake?size=201", 400);
        get("intake: source 41 characters", "/api/intake?source=" + "S".repeat(41), 400);
    }

    private static final String INTAKE_HEADER = "source,ticketNo,receivedAt,content,complainantName,complainantPhone,"
            + "complainantIdNumber,unitHint,incidentNo,caseNo\n";

    /** A row of the intake import that would be received, with {@code content} (quoted as given). */
    private static String intakeRow(String ticketNo, String content) {
        return "HOTLINE_12345," + ticketNo + ",2026-03-01T09:30:00+08:00," + content
                + ",张三,13812345678,11010519491231002X,城关派出所,,\n";
    }

    /** A refused intake import: 400 naming the line and column ("3 content") or the field alone ("body"). */
    private void intakeImport(String name, String contentType, byte[] body, String error) {
        corpus.add(new Case("intake import: " + name, "POST", "/api/intake/import", contentType, body, 400, false,
                new String[0], error));
    }

    private void intakeImport(String name, String csv, String error) {
        intakeImport(name, "text/csv", csv.getBytes(StandardCharsets.UTF_8), error);
    }

    /**
     * POST /api/intake/import: every refusal names the line and column, and the good row
     * before the bad one (line 2) is not stored either.
     */
    private void intakeImportCases() {
        String ok = INTAKE_HEADER + intakeRow("HOSTILE-" + unique(), "报警后民警未到场。");
        String bad = "HOSTILE-" + unique();
        intakeImport("empty body", "", "1 source");
        byte[] random = new byte[4096];
        new Random(13).nextBytes(random);
        intakeImport("binary garbage", "text/csv", random, null);
        intakeImport("binary garbage after a good row", "text/csv", concat(ok, random, ""), null);
        intakeImport("a line of 1 MB", ok + intakeRow(bad, "诉".repeat(350_000)), "3 content");
        intakeImport("a header of 100 000 characters", "x".repeat(100_000) + "\n", "1 source");
        intakeImport("unclosed quote", ok + intakeRow(bad, "\"不闭合的引号"), "3 row");
        intakeImport("GBK declared as UTF-8", "text/csv;charset=UTF-8",
                concat(ok, (intakeRow(bad, "你好").replace("张三", "").replace("城关派出所", ""))
                        .getBytes(Charset.forName("GBK")), ""), "3 content");
        intakeImport("invalid UTF-8 (C3 28) beside valid UTF-8", "text/csv",
                concat(ok + "HOTLINE_12345," + bad + ",2026-03-01T09:30:00+08:00,", new byte[] {(byte) 0xC3, 0x28},
                        ",,,,,,\n"), "3 content");
        add("intake import: unknown charset", "POST", "/api/intake/import", "text/csv;charset=EBCDIC-XYZ",
                ok.getBytes(StandardCharsets.UTF_8), 415);
        add("intake import: JSON instead of CSV", "POST", "/api/intake/import", "application/json",
                "[]".getBytes(StandardCharsets.UTF_8), 415);
        add("intake import: a form instead of CSV", "POST", "/api/intake/import", "application/x-www-form-urlencoded",
                "source=x".getBytes(StandardCharsets.UTF_8), 415);
        intakeImport("unknown column", INTAKE_HEADER.replace("\n", ",phone\n"), "1 phone");
        intakeImport("a column twice", INTAKE_HEADER.replace("\n", ",CONTENT\n"), "1 content");
        intakeImport("required column missing", "ticketNo,receivedAt,content\nT,2026-03-01T09:30:00,x\n", "1 source");
        intakeImport("phone not a phone", ok + intakeRow(bad, "x").replace("13812345678", "12812345678"),
                "3 complainantPhone");
        intakeImport("phone a formula", ok + intakeRow(bad, "x").replace("13812345678", "=1+13812345678"),
                "3 complainantPhone");
        intakeImport("idNumber wrong check digit", ok + intakeRow(bad, "x").replace("11010519491231002X",
                "110105194912310021"), "3 complainantIdNumber");
        intakeImport("source inactive", ok + intakeRow(bad, "x").replace("HOTLINE_12345", "HOSTILE_INACTIVE"),
                "3 source");
        intakeImport("source SQL injection", ok + intakeRow(bad, "x").replace("HOTLINE_12345", "' OR '1'='1"),
                "3 source");
        intakeImport("receivedAt not a time", ok + intakeRow(bad, "x").replace("2026-03-01T09:30:00+08:00", "昨天"),
                "3 receivedAt");
        intakeImport("ticketNo 65 characters", ok + intakeRow("T".repeat(65), "x"), "3 ticketNo");
        intakeImport("the same ticket with other content", ok + intakeRow(bad, "一") + intakeRow(bad, "二"),
                "4 ticketNo");
        CONTROL.forEach((what, text) -> {
            if (!what.equals("lone surrogate")) { // not to be had in UTF-8
                intakeImport("content with " + what, ok + intakeRow(bad, text), "3 content");
                intakeImport("ticketNo with " + what, ok + intakeRow(text, "x"), "3 ticketNo");
            }
        });
        intakeImport("ticketNo with a line break (CRLF in quotes)", ok + intakeRow("\"T\r\n1\"", "x"), "3 ticketNo");
        StringBuilder many = new StringBuilder(INTAKE_HEADER);
        for (int i = 0; i <= 5000; i++) {
            many.append(intakeRow("HOSTILE-MANY-" + i, "x"));
        }
        intakeImport("5001 rows", many.toString(), "5002 row");
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        intakeImport("11 MB", "text/csv", huge, "body");
    }

    private Map<String, Object> validProblem() {
        return Fixtures.problem("HOTLINE_12345", station, officer, "受案回执未开具", "群众反映报警后未收到受案回执。");
    }

    // ---- the corpus -------------------------------------------------------------------

    /**
     * One hostile request and the 4xx it must get; {@code servlet}: refused by Tomcat before
     * the app; {@code error}: for an import, the line and field ("3 summary") or the field
     * alone ("body") one of the answer's errors must name (null: not checked).
     */
    record Case(String name, String method, String path, String contentType, byte[] body, int status,
            boolean servlet, String[] headers, String error) {

        @Override
        public String toString() {
            return method + " " + path + " — " + name;
        }
    }

    private final List<Case> corpus = new ArrayList<>();

    private void add(String name, String method, String path, String contentType, byte[] body, int status) {
        corpus.add(new Case(name, method, path, contentType, body, status, false, new String[0], null));
    }

    /** A refused ledger import: 400, and an error naming the line and field ({@code "2 summary"}) or the field. */
    private void ledger(String name, String path, String contentType, byte[] body, String error) {
        corpus.add(new Case(name, "POST", path, contentType, body, 400, false, new String[0], error));
    }

    private void ledger(String name, String path, String contentType, String body, String error) {
        ledger(name, path, contentType, body.getBytes(StandardCharsets.UTF_8), error);
    }

    private void json(String name, String method, String path, String body, int status) {
        add(name, method, path, "application/json", body == null ? null : body.getBytes(StandardCharsets.UTF_8), status);
    }

    private void json(String name, String method, String path, Map<String, Object> body, int status) {
        json(name, method, path, write(body), status);
    }

    private void csv(String name, String path, String contentType, byte[] body, int status) {
        add(name, "POST", path, contentType, body, status);
    }

    private void csv(String name, String path, String body) {
        csv(name, path, "text/csv", body.getBytes(StandardCharsets.UTF_8), 400);
    }

    private void get(String name, String path, int status) {
        add(name, "GET", path, null, null, status);
    }

    /** JSON with every non-ASCII character as a \\u escape, so that a lone surrogate reaches the server as one. */
    private String write(Object body) {
        try {
            return json.copy().configure(JsonGenerator.Feature.ESCAPE_NON_ASCII, true).writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> with(Map<String, Object> base, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        if (value == REMOVE) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }

    private static final Object REMOVE = new Object();

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] c = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + middle.length + c.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(middle, 0, all, a.length, middle.length);
        System.arraycopy(c, 0, all, a.length + middle.length, c.length);
        return all;
    }

    /** Text no field of a person may hold, each refused with 400. */
    private static final Map<String, String> CONTROL = Map.of(
            "NUL", "a\u0000b",
            "bell", "a\u0007b",
            "terminal escape", "a\u001b[31mb",
            "C1 next line", "a\u0085b",
            "right-to-left override", "invoice\u202Etxt.exe",
            "lone surrogate", "a\ud800b");

    /** Every /api endpoint that reads a JSON body, with a valid body and whether one is required. */
    private record JsonEndpoint(String method, String path, Map<String, Object> valid, boolean required) {
    }

    private List<JsonEndpoint> jsonEndpoints() {
        String u = unique();
        return List.of(
                new JsonEndpoint("POST", "/api/problems", validProblem(), true),
                new JsonEndpoint("POST", "/api/org/units", Map.of("code", "HX" + u, "name", "新单位", "kind", "STATION"), true),
                new JsonEndpoint("PUT", "/api/org/units/" + station, Map.of("code", station, "name", "改名", "kind", "STATION"), true),
                new JsonEndpoint("POST", "/api/org/officers", Map.of("officerNo", "HX" + u, "name", "新民警", "unitCode", station,
                        "roles", List.of("OFFICER"), "password", PASSWORD), true),
                new JsonEndpoint("PUT", "/api/org/officers/" + officer, Map.of("officerNo", officer, "name", "改名",
                        "unitCode", station, "roles", List.of("OFFICER")), true),
                new JsonEndpoint("POST", "/api/problems/" + problem + "/urge", Map.of("comment", "请整改"), false),
                new JsonEndpoint("POST", "/api/problems/" + problem + "/raise", Map.of("comment", "提级"), false),
                new JsonEndpoint("PUT", "/api/admin/calendar/2099-10-01", Map.of("kind", "HOLIDAY", "name", "国庆节"), true),
                new JsonEndpoint("POST", "/api/admin/clock", Map.of("now", "2026-03-10T09:00:00+08:00"), false),
                new JsonEndpoint("POST", "/api/reports", Map.of("type", "DAILY", "date", "2020-01-01"), true),
                new JsonEndpoint("PUT", "/api/admin/sources/HOTLINE_12345", Map.of("name", "12345政务服务热线",
                        "kind", "HOTLINE", "active", true, "callback", true), true),
                new JsonEndpoint("POST", "/api/intake", validIntake(), true));
    }

    private void buildCorpus() {
        taskCompletions();
        String deep = "[".repeat(5000) + "]".repeat(5000);
        for (JsonEndpoint e : jsonEndpoints()) {
            String valid = write(e.valid());
            json("broken JSON: unclosed", e.method(), e.path(), "{", 400);
            json("broken JSON: cut off", e.method(), e.path(), valid.substring(0, valid.length() / 2), 400);
            json("broken JSON: trailing garbage", e.method(), e.path(), valid + "x", 400);
            json("broken JSON: second document", e.method(), e.path(), valid + valid, 400);
            json("broken JSON: single quotes", e.method(), e.path(), "{'comment':'x'}", 400);
            json("broken JSON: NaN", e.method(), e.path(), "{\"comment\":NaN}", 400);
            json("broken JSON: comment", e.method(), e.path(), "{/* x */}", 400);
            json("wrong type: array", e.method(), e.path(), "[]", 400);
            json("wrong type: number", e.method(), e.path(), "42", 400);
            json("nested 5000 deep", e.method(), e.path(), deep, 400);
            if (e.required()) {
                json("no body", e.method(), e.path(), (String) null, 400);
                json("null", e.method(), e.path(), "null", 400);
            }
            add("invalid UTF-8", e.method(), e.path(), "application/json",
                    concat("{\"comment\":\"", new byte[] {(byte) 0xC3, 0x28}, "\"}"), 400);
            add("overlong UTF-8", e.method(), e.path(), "application/json",
                    concat("{\"comment\":\"", new byte[] {(byte) 0xC0, (byte) 0xAF}, "\"}"), 400);
            add("GBK bytes sent as UTF-8", e.method(), e.path(), "application/json",
                    concat("{\"comment\":\"", "你好".getBytes(Charset.forName("GBK")), "\"}"), 400);
            add("unknown charset", e.method(), e.path(), "application/json;charset=EBCDIC-XYZ",
                    valid.getBytes(StandardCharsets.UTF_8), 415);
            add("XML", e.method(), e.path(), "application/xml", "<problem/>".getBytes(StandardCharsets.UTF_8), 415);
            add("plain text", e.method(), e.path(), "text/plain", valid.getBytes(StandardCharsets.UTF_8), 415);
            add("form", e.method(), e.path(), "application/x-www-form-urlencoded",
                    "title=x".getBytes(StandardCharsets.UTF_8), 415);
        }

        // POST /api/problems, field by field
        Map<String, Object> p = validProblem();
        String problems = "/api/problems";
        json("title an object", "POST", problems, with(p, "title", Map.of("x", 1)), 400);
        json("title an array", "POST", problems, with(p, "title", List.of("x")), 400);
        json("sensitive not a boolean", "POST", problems, with(p, "sensitive", "yes"), 400);
        json("occurredAt not a time", "POST", problems, with(p, "occurredAt", "yesterday"), 400);
        json("occurredAt no such day", "POST", problems, with(p, "occurredAt", "2026-02-30T08:00:00+08:00"), 400);
        json("title 10 000 characters", "POST", problems, with(p, "title", "长".repeat(10_000)), 400);
        json("description 1 MB", "POST", problems, with(p, "description", "描".repeat(350_000)), 400);
        json("title missing", "POST", problems, with(p, "title", REMOVE), 400);
        json("title blank", "POST", problems, with(p, "title", "   "), 400);
        CONTROL.forEach((what, text) -> {
            json("title with " + what, "POST", problems, with(p, "title", text), 400);
            json("description with " + what, "POST", problems, with(p, "description", text), 400);
        });
        json("source SQL injection", "POST", problems, with(p, "source", "' OR '1'='1"), 400);
        json("category unknown", "POST", problems, with(p, "category", "UFO_SIGHTING"), 400);
        json("unitCode SQL injection", "POST", problems, with(p, "unitCode", "X'; DROP TABLE problem; --"), 400);
        json("officerNo SQL injection", "POST", problems, with(p, "officerNo", "1 OR 1=1"), 400);
        json("officerNo 100 characters", "POST", problems, with(p, "officerNo", "9".repeat(100)), 400);

        intakeCases();

        // units
        Map<String, Object> unit = Map.of("code", "HY" + unique(), "name", "新单位", "kind", "STATION");
        for (String path : List.of("/api/org/units", "/api/org/units/" + station)) {
            String method = path.endsWith("units") ? "POST" : "PUT";
            Map<String, Object> body = method.equals("PUT") ? with(unit, "code", station) : unit;
            json("kind unknown", method, path, with(body, "kind", "PLANET"), 400);
            json("kind a number", method, path, with(body, "kind", 5), 400);
            json("kind missing", method, path, with(body, "kind", REMOVE), 400);
            json("name 10 000 characters", method, path, with(body, "name", "名".repeat(10_000)), 400);
            json("parentCode path traversal", method, path, with(body, "parentCode", "../../etc"), 400);
            CONTROL.forEach((what, text) -> json("name with " + what, method, path, with(body, "name", text), 400));
        }
        json("code SQL injection", "POST", "/api/org/units", with(unit, "code", "' OR 1=1 --"), 400);
        json("code markup", "POST", "/api/org/units", with(unit, "code", "<script>"), 400);
        json("code 33 characters", "POST", "/api/org/units", with(unit, "code", "C".repeat(33)), 400);
        String noUnit = "NOPE" + unique();
        json("unknown unit", "PUT", "/api/org/units/" + noUnit, with(unit, "code", noUnit), 404);

        // officers
        Map<String, Object> o = Map.of("officerNo", "HZ" + unique(), "name", "新民警", "unitCode", station,
                "roles", List.of("OFFICER"), "password", PASSWORD);
        for (String path : List.of("/api/org/officers", "/api/org/officers/" + officer)) {
            String method = path.endsWith("officers") ? "POST" : "PUT";
            Map<String, Object> body = method.equals("PUT") ? with(o, "officerNo", officer) : o;
            json("role unknown", method, path, with(body, "roles", List.of("GOD")), 400);
            json("roles not a list", method, path, with(body, "roles", "OFFICER"), 400);
            json("roles empty", method, path, with(body, "roles", List.of()), 400);
            json("mobile letters", method, path, with(body, "mobile", "abc"), 400);
            json("mobile 16 digits", method, path, with(body, "mobile", "1380000000000000"), 400);
            json("dingtalkUserId with a line break", method, path, with(body, "dingtalkUserId", "dt\nx"), 400);
            json("password 200 characters", method, path, with(body, "password", "p".repeat(200)), 400);
            json("password too short", method, path, with(body, "password", "p"), 400);
            json("unit unknown", method, path, with(body, "unitCode", "NOPE"), 400);
            json("active not a boolean", method, path, with(body, "active", "maybe"), 400);
            CONTROL.forEach((what, text) -> json("name with " + what, method, path, with(body, "name", text), 400));
        }
        json("officerNo SQL injection", "POST", "/api/org/officers", with(o, "officerNo", "' OR 1=1 --"), 400);
        String noOfficer = "NOPE" + unique();
        json("unknown officer", "PUT", "/api/org/officers/" + noOfficer, with(o, "officerNo", noOfficer), 404);

        // urging and raising
        for (String action : List.of("urge", "raise")) {
            String path = "/api/problems/" + problem + "/" + action;
            json("comment 600 characters", "POST", path, Map.of("comment", "催".repeat(600)), 400);
            json("comment an object", "POST", path, Map.of("comment", Map.of("x", 1)), 400);
            CONTROL.forEach((what, text) -> json("comment with " + what, "POST", path, Map.of("comment", text), 400));
            json("id not a number", "POST", "/api/problems/abc/" + action, Map.of(), 400);
            json("id too large", "POST", "/api/problems/99999999999999999999/" + action, Map.of(), 400);
            json("no such problem", "POST", "/api/problems/-1/" + action, Map.of(), 404);
        }

        // calendar
        String day = "/api/admin/calendar/2099-10-01";
        json("kind unknown", "PUT", day, Map.of("kind", "PARTY"), 400);
        json("kind missing", "PUT", day, Map.of("name", "x"), 400);
        json("name 51 characters", "PUT", day, Map.of("kind", "HOLIDAY", "name", "节".repeat(51)), 400);
        json("make-up day on a Thursday", "PUT", day, Map.of("kind", "WORKDAY"), 400);
        CONTROL.forEach((what, text) -> json("name with " + what, "PUT", day, Map.of("kind", "HOLIDAY", "name", text), 400));
        json("no such day", "PUT", "/api/admin/calendar/2099-13-45", Map.of("kind", "HOLIDAY"), 400);
        json("day not a date", "PUT", "/api/admin/calendar/yesterday", Map.of("kind", "HOLIDAY"), 400);
        json("day SQL injection", "PUT", "/api/admin/calendar/2099-10-01'%20OR%20'1'='1", Map.of("kind", "HOLIDAY"), 400);
        json("day out of range", "PUT", "/api/admin/calendar/0001-01-01", Map.of("kind", "HOLIDAY"), 400);
        add("delete: day not a date", "DELETE", "/api/admin/calendar/yesterday", null, null, 400);
        add("delete: no such day", "DELETE", "/api/admin/calendar/2099-13-45", null, null, 400);
        add("delete: day SQL injection", "DELETE", "/api/admin/calendar/2099-10-01'%20OR%20'1'='1", null, null, 400);

        // channels (问题来源): an existing one and a new code, nothing created or changed
        Map<String, Object> channel = Map.of("name", "12345政务服务热线", "kind", "HOTLINE", "active", true,
                "callback", true);
        String newChannel = "HOSTILE_" + unique().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]", "_");
        for (String path : List.of("/api/admin/sources/HOTLINE_12345", "/api/admin/sources/" + newChannel)) {
            json("kind unknown", "PUT", path, with(channel, "kind", "PIGEON"), 400);
            json("kind lower case", "PUT", path, with(channel, "kind", "hotline"), 400);
            json("kind a number", "PUT", path, with(channel, "kind", 5), 400);
            json("kind missing", "PUT", path, with(channel, "kind", REMOVE), 400);
            json("name missing", "PUT", path, with(channel, "name", REMOVE), 400);
            json("name blank", "PUT", path, with(channel, "name", "  "), 400);
            json("name 101 characters", "PUT", path, with(channel, "name", "渠".repeat(101)), 400);
            json("name 10 000 characters", "PUT", path, with(channel, "name", "渠".repeat(10_000)), 400);
            json("name an object", "PUT", path, with(channel, "name", Map.of("x", 1)), 400);
            json("active not a boolean", "PUT", path, with(channel, "active", "maybe"), 400);
            json("callback not a boolean", "PUT", path, with(channel, "callback", "yes"), 400);
            CONTROL.forEach((what, text) -> json("name with " + what, "PUT", path, with(channel, "name", text), 400));
        }
        json("code lower case", "PUT", "/api/admin/sources/hotline_new", channel, 400);
        json("code one character", "PUT", "/api/admin/sources/H", channel, 400);
        json("code 41 characters", "PUT", "/api/admin/sources/" + "C".repeat(41), channel, 400);
        json("code SQL injection", "PUT", "/api/admin/sources/X'%20OR%20'1'='1", channel, 400);
        json("code markup", "PUT", "/api/admin/sources/%3Cscript%3E", channel, 400);
        json("code Chinese", "PUT", "/api/admin/sources/%E7%83%AD%E7%BA%BF", channel, 400);
        add("channels are never deleted", "DELETE", "/api/admin/sources/HOTLINE_12345", null, null, 405);
        json("source deactivated: a problem naming it", "POST", "/api/problems",
                with(p, "source", "HOSTILE_INACTIVE"), 400);

        // clock
        json("now not a time", "POST", "/api/admin/clock", Map.of("now", "yesterday"), 400);
        json("now in year 1", "POST", "/api/admin/clock", Map.of("now", "0001-01-01T00:00:00Z"), 400);
        json("now at the end of time", "POST", "/api/admin/clock", Map.of("now", "+999999999-12-31T23:59:59Z"), 400);
        json("now missing", "POST", "/api/admin/clock", Map.of(), 400);

        // CSV imports, all or nothing
        byte[] random = new byte[4096];
        new Random(7).nextBytes(random);
        Map<String, String> imports = Map.of(
                "/api/org/units/import", "code,name,kind\n",
                "/api/org/officers/import", "officer_no,name,unit_code,roles,password\n",
                "/api/admin/calendar/import", "day,kind,name\n");
        Map<String, String> goodRow = Map.of(
                "/api/org/units/import", "HG" + unique() + ",好单位,STATION\n",
                "/api/org/officers/import", "HG" + unique() + ",好民警," + station + ",OFFICER," + PASSWORD + "\n",
                "/api/admin/calendar/import", "2099-10-02,HOLIDAY,国庆节\n");
        Map<String, String> controlRow = Map.of(
                "/api/org/units/import", "HC" + unique() + ",名\u0007称,STATION\n",
                "/api/org/officers/import", "HC" + unique() + ",名\u001b[31m字," + station + ",OFFICER," + PASSWORD + "\n",
                "/api/admin/calendar/import", "2099-10-03,HOLIDAY,国\u0000庆\n");
        Map<String, String> hugeRow = Map.of(
                "/api/org/units/import", "HU" + unique() + "," + "名".repeat(100_000) + ",STATION\n",
                "/api/org/officers/import", "HU" + unique() + "," + "名".repeat(100_000) + "," + station + ",OFFICER,"
                        + PASSWORD + "\n",
                "/api/admin/calendar/import", "2099-10-04,HOLIDAY," + "节".repeat(100_000) + "\n");
        Map<String, String> injectionRow = Map.of(
                "/api/org/units/import", "' OR 1=1 --,单位,STATION\n",
                "/api/org/officers/import", "1'; DROP TABLE org_officer; --,民警," + station + ",OFFICER," + PASSWORD + "\n",
                "/api/admin/calendar/import", "2099-10-05' OR '1'='1,HOLIDAY,x\n");
        Map<String, String> enumRow = Map.of(
                "/api/org/units/import", "HE" + unique() + ",单位,PLANET\n",
                "/api/org/officers/import", "HE" + unique() + ",民警," + station + ",GOD," + PASSWORD + "\n",
                "/api/admin/calendar/import", "2099-10-06,PARTY,x\n");
        for (String path : imports.keySet()) {
            String header = imports.get(path);
            csv("unclosed quote", path, header + goodRow.get(path).replaceFirst(",", ",\""));
            csv("random bytes", path, "text/csv", random, 400);
            csv("GBK sent as UTF-8", path, "text/csv",
                    (header + goodRow.get(path).replace("好", "甲")).getBytes(Charset.forName("GBK")), 400);
            csv("unknown charset", path, "text/csv;charset=EBCDIC-XYZ", header.getBytes(StandardCharsets.UTF_8), 415);
            csv("JSON instead of CSV", path, "application/json", "[]".getBytes(StandardCharsets.UTF_8), 415);
            csv("no header", path, "");
            csv("required columns missing", path, "foo,bar\n1,2\n");
            csv("control characters", path, header + goodRow.get(path) + controlRow.get(path));
            csv("a cell of 100 000 characters", path, header + hugeRow.get(path));
            csv("SQL injection in the key", path, header + goodRow.get(path) + injectionRow.get(path));
            csv("unknown enum value", path, header + goodRow.get(path) + enumRow.get(path));
            csv("the same row twice", path, header + goodRow.get(path) + goodRow.get(path));
        }
        csv("no such day", "/api/admin/calendar/import", "day,kind,name\n2099-13-45,HOLIDAY,x\n");
        csv("active neither true nor false", "/api/org/officers/import",
                "officer_no,name,unit_code,roles,active\nHA" + unique() + ",民警," + station + ",OFFICER,maybe\n");

        // reports
        String reports = "/api/reports";
        json("type unknown", "POST", reports, Map.of("type", "HOURLY", "date", "2020-01-01"), 400);
        json("type SQL injection", "POST", reports, Map.of("type", "DAILY' OR '1'='1", "date", "2020-01-01"), 400);
        json("type a number", "POST", reports, Map.of("type", 1, "date", "2020-01-01"), 400);
        json("type missing", "POST", reports, Map.of("date", "2020-01-01"), 400);
        json("date missing", "POST", reports, Map.of("type", "DAILY"), 400);
        json("date not a date", "POST", reports, Map.of("type", "DAILY", "date", "yesterday"), 400);
        json("date no such day", "POST", reports, Map.of("type", "DAILY", "date", "2020-02-30"), 400);
        json("date an object", "POST", reports, Map.of("type", "DAILY", "date", Map.of("x", 1)), 400);
        json("date in year 1", "POST", reports, Map.of("type", "MONTHLY", "date", "0001-01-01"), 400);
        json("date at the end of time", "POST", reports, Map.of("type", "MONTHLY", "date", "+999999999-12-31"), 400);
        json("period not over", "POST", reports, Map.of("type", "MONTHLY", "date", "2999-12-31"), 400);
        CONTROL.forEach((what, text) -> json("type with " + what, "POST", reports, Map.of("type", text,
                "date", "2020-01-01"), 400));
        json("type 10 000 characters", "POST", reports, Map.of("type", "D".repeat(10_000), "date", "2020-01-01"), 400);
        get("type unknown", "/api/reports?type=HOURLY", 400);
        get("page negative", "/api/reports?page=-1", 400);
        get("page not a number", "/api/reports?page=abc", 400);
        get("page beyond int", "/api/reports?page=99999999999", 400);
        get("size 0", "/api/reports?size=0", 400);
        get("size 100 000", "/api/reports?size=100000", 400);
        get("id not a number", "/api/reports/abc", 400);
        get("id beyond long", "/api/reports/99999999999999999999", 400);
        get("no such report", "/api/reports/-1", 404);
        add("DELETE on a report", "DELETE", "/api/reports/1", null, null, 405);
        add("PUT on a report", "PUT", "/api/reports/1", "application/json", "{}".getBytes(StandardCharsets.UTF_8), 405);

        // scores, the dashboard, reference lists
        get("month not a month", "/api/scores?month=March", 400);
        get("month 13", "/api/scores?month=2026-13", 400);
        get("month SQL injection", "/api/scores?month=2026-03%27%20OR%20%271%27=%271", 400);
        get("by unknown", "/api/scores?by=planet", 400);
        get("by markup", "/api/scores?by=%3Cscript%3E", 400);
        add("POST on the scores", "POST", "/api/scores", "application/json", "{}".getBytes(StandardCharsets.UTF_8), 405);
        add("POST on the dashboard", "POST", "/api/dashboard", "application/json", "{}".getBytes(StandardCharsets.UTF_8),
                405);
        add("DELETE on the categories", "DELETE", "/api/reference/categories", null, null, 405);
        add("POST on the sources", "POST", "/api/reference/sources", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), 405);
        add("POST on the demo inbox", "POST", "/api/demo/dingtalk/inbox", "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), 405);
        // 在钉钉中打开 of the demo inbox: a person, and only the app's own 免登 page
        String form = "application/x-www-form-urlencoded";
        add("open: userid missing", "POST", "/api/demo/dingtalk/open", form,
                "url=%2Fdingtalk%2Flogin%3Fredirect%3D%252F".getBytes(StandardCharsets.UTF_8), 400);
        add("open: userid with a control character", "POST", "/api/demo/dingtalk/open", form,
                "userid=a%00b&url=%2Fdingtalk%2Flogin%3Fredirect%3D%252F".getBytes(StandardCharsets.UTF_8), 400);
        add("open: another site", "POST", "/api/demo/dingtalk/open", form,
                "userid=dt1&url=https%3A%2F%2Fevil.example%2F".getBytes(StandardCharsets.UTF_8), 400);
        add("open: not the 免登 page", "POST", "/api/demo/dingtalk/open", form,
                "userid=dt1&url=%2Fproblems%2F1".getBytes(StandardCharsets.UTF_8), 400);
        add("open: JSON instead of the form", "POST", "/api/demo/dingtalk/open", "application/json",
                "{\"userid\":\"dt1\"}".getBytes(StandardCharsets.UTF_8), 415);

        // DingTalk's card callback: anything not signed as DingTalk signs is 401, whatever it carries
        json("callback not JSON", "POST", "/api/dingtalk/callback?msg_signature=x&timestamp=1&nonce=n", "{{{", 401);
        json("callback encrypt not base64", "POST", "/api/dingtalk/callback?msg_signature=x&timestamp="
                + System.currentTimeMillis() + "&nonce=n", "{\"encrypt\":\"%%%\"}", 401);
        json("callback timestamp SQL injection", "POST",
                "/api/dingtalk/callback?msg_signature=x&timestamp=1%27%20OR%20%271&nonce=n", "{\"encrypt\":\"AA\"}", 401);
        json("callback plain press", "POST", "/api/dingtalk/callback", "{\"outTrackId\":\"x\",\"userId\":\"y\"}", 401);
        add("GET on the callback", "GET", "/api/dingtalk/callback", null, null, 405);

        // statistics: the units' rates and the public's tickets (群众诉求与回访)
        for (String stats : List.of("/api/stats/units", "/api/stats/intake")) {
            String of = stats.endsWith("intake") ? " (intake)" : "";
            get("no dates" + of, stats, 400);
            get("to missing" + of, stats + "?from=2026-03-01", 400);
            get("from not a date" + of, stats + "?from=March&to=2026-03-31", 400);
            get("from no such day" + of, stats + "?from=2026-02-30&to=2026-03-31", 400);
            get("from after to" + of, stats + "?from=2026-04-01&to=2026-03-01", 400);
            get("from in year 1" + of, stats + "?from=0001-01-01&to=2026-03-31", 400);
            get("to at the end of time" + of, stats + "?from=2026-03-01&to=%2B999999999-12-31", 400);
            get("from SQL injection" + of, stats + "?from=2026-03-01%27%20OR%20%271%27=%271&to=2026-03-31", 400);
            get("from overlong UTF-8" + of, stats + "?from=%C0%AF&to=2026-03-31", 400);
        }

        // detection
        add("mode unknown", "POST", "/api/detection/runs?mode=SIDEWAYS", null, null, 400);
        add("mode SQL injection", "POST", "/api/detection/runs?mode=FULL%27%3B%20DROP%20TABLE%20problem%3B--", null,
                null, 400);
        add("mode with a NUL", "POST", "/api/detection/runs?mode=FULL%00", null, null, 400);
        get("limit 0", "/api/detection/runs?limit=0", 400);
        get("limit not a number", "/api/detection/runs?limit=abc", 400);
        get("limit 100 000", "/api/detection/runs?limit=100000", 400);
        get("run id not a number", "/api/detection/runs/abc", 400);
        get("run id beyond long", "/api/detection/runs/99999999999999999999", 400);
        get("no such run", "/api/detection/runs/-1", 404);
        get("rule unknown", "/api/detection/findings?rule=UFO", 400);
        get("rule markup", "/api/detection/findings?rule=%3Cscript%3E", 400);
        get("status unknown", "/api/detection/findings?status=LOST", 400);
        get("limit 0", "/api/detection/findings?limit=0", 400);
        get("limit 100 000", "/api/detection/findings?limit=100000", 400);
        add("DELETE on a run", "DELETE", "/api/detection/runs/1", null, null, 405);

        ledgers();
        evidence();
        voiding();

        // query parameters
        get("page negative", "/api/problems?page=-1", 400);
        get("page not a number", "/api/problems?page=abc", 400);
        get("page beyond int", "/api/problems?page=99999999999", 400);
        get("size 0", "/api/problems?size=0", 400);
        get("size 100 000", "/api/problems?size=100000", 400);
        get("level unknown", "/api/problems?level=PURPLE", 400);
        get("status SQL injection", "/api/problems?status=OPEN%27%20OR%201=1", 400);
        get("role unknown", "/api/org/officers?role=GOD", 400);
        get("problemId missing", "/api/documents", 400);
        get("problemId not a number", "/api/documents?problemId=abc", 400);
        get("status unknown", "/api/notifications?status=LOST", 400);
        get("limit 0", "/api/notifications?limit=0", 400);
        get("limit 100 000", "/api/notifications?limit=100000", 400);
        get("problemId markup", "/api/notifications?problemId=%3Cscript%3E", 400);
        get("year not a number", "/api/admin/calendar?year=abc", 400);
        get("year 99999", "/api/admin/calendar?year=99999", 400);

        // paths, methods, headers
        get("id not a number", "/api/problems/abc", 400);
        get("id beyond long", "/api/problems/99999999999999999999", 400);
        get("id in exponent notation", "/api/problems/1e3", 400);
        get("no such problem", "/api/problems/-1", 404);
        get("document id not a number", "/api/documents/abc", 400);
        get("no such document", "/api/documents/-1", 404);
        get("unit code markup", "/api/org/units/%3Cscript%3Ealert(1)%3C%2Fscript%3E".replace("%2F", "-"), 404);
        get("no such officer", "/api/org/officers/NOPE" + unique(), 404);
        get("no such endpoint", "/api/nowhere", 404);
        get("timeline is not an endpoint", "/api/problems/" + problem + "/timeline", 404);
        add("PUT on a problem", "PUT", "/api/problems/" + problem, "application/json", "{}".getBytes(), 405);
        add("DELETE on a unit", "DELETE", "/api/org/units/" + station, null, null, 405);
        add("retry id not a number", "POST", "/api/notifications/abc/retry", null, null, 400);
        add("retry of no message", "POST", "/api/notifications/-1/retry", null, null, 404);
        corpus.add(new Case("XML asked for", "GET", "/api/problems/" + problem, null, null, 406, false,
                new String[] {"Accept", "application/xml"}, null));
        corpus.add(new Case("XML asked for", "GET", "/api/dashboard", null, null, 406, false,
                new String[] {"Accept", "application/xml"}, null));
        corpus.add(new Case("NUL in the path", "GET", "/api/problems/1%00", null, null, 400, true, new String[0], null));
        corpus.add(new Case("encoded slash", "GET", "/api/org/units/..%2F..%2Fetc%2Fpasswd", null, null, 400, true,
                new String[0], null));
        corpus.add(new Case("encoded backslash", "GET", "/api/org/units/..%5C..%5Cwindows", null, null, 400, true,
                new String[0], null));
    }

    /**
     * The three ledgers, CSV and JSON: every refusal names the line and the column, and
     * nothing of the file is stored (all or nothing), the good rows beside the bad one neither.
     */
    private void ledgers() {
        String u = unique();
        // a good row of each, a header naming every column, a row with {cell} in a text column
        Map<String, String> header = Map.of(
                "incidents", "incident_no,unit_code,category,received_at,diverted_at,summary\n",
                "cases", "case_no,incident_no,unit_code,officer_no,category,accepted_at,receipt_at\n",
                "measures", "measure_no,case_no,type,start_at,end_at\n");
        Map<String, String> good = Map.of(
                "incidents", "LG" + u + "," + station + ",OTHER,2026-03-02T08:00:00,2026-03-02T08:30:00,好摘要\n",
                "cases", "LG" + u + "," + incident + "," + station + "," + officer
                        + ",ADMINISTRATIVE,2026-03-02T09:00:00,2026-03-02T09:10:00\n",
                "measures", "LG" + u + "," + ledgerCase + ",BAIL,2026-03-02T10:00:00,2026-09-02T10:00:00\n");
        // the text column each ledger has (besides its key), where the cell under test goes
        Map<String, String> textColumn = Map.of("incidents", "summary", "cases", "officer_no", "measures", "measure_no");
        Map<String, java.util.function.Function<String, String>> withText = Map.of(
                "incidents", cell -> "LX" + u + "," + station + ",OTHER,2026-03-02T08:00:00,," + cell + "\n",
                "cases", cell -> "LX" + u + ",," + station + "," + cell + ",CRIMINAL,,\n",
                "measures", cell -> cell + "," + ledgerCase + ",BAIL,,\n");
        Map<String, String> keyColumn = Map.of("incidents", "incident_no", "cases", "case_no", "measures", "measure_no");
        Map<String, String> enumRow = Map.of(
                "incidents", "LE" + u + "," + station + ",PICNIC,2026-03-02T08:00:00,,\n",
                "cases", "LE" + u + ",," + station + ",,TRAFFIC,,\n",
                "measures", "LE" + u + "," + ledgerCase + ",ARREST,,\n");
        Map<String, String> enumColumn = Map.of("incidents", "category", "cases", "category", "measures", "type");
        Map<String, String> timeRow = Map.of(
                "incidents", "LT" + u + "," + station + ",OTHER,2026-02-30T08:00:00,,\n",
                "cases", "LT" + u + ",," + station + ",,CRIMINAL,yesterday,\n",
                "measures", "LT" + u + "," + ledgerCase + ",BAIL,1999-12-31T23:00:00,\n");
        Map<String, String> timeColumn = Map.of("incidents", "received_at", "cases", "accepted_at",
                "measures", "start_at");
        Map<String, String> referenceRow = Map.of(
                "incidents", "LR" + u + ",X'; DROP TABLE problem; --,OTHER,2026-03-02T08:00:00,,\n",
                "cases", "LR" + u + ",NONE' OR '1'='1," + station + ",,CRIMINAL,,\n",
                "measures", "LR" + u + ",1 OR 1=1,BAIL,,\n");
        Map<String, String> referenceColumn = Map.of("incidents", "unit_code", "cases", "incident_no",
                "measures", "case_no");

        for (String kind : List.of("incidents", "cases", "measures")) {
            String path = "/api/ledgers/" + kind;
            String head = header.get(kind);
            String ok = head + good.get(kind);
            String text = textColumn.get(kind);
            String key = keyColumn.get(kind);
            // CSV: the bad row is line 3, after a good one that is not stored either
            CONTROL.forEach((what, cell) -> {
                if (!what.equals("lone surrogate")) { // not to be had in UTF-8: see the surrogate's bytes below
                    ledger("CSV: " + text + " with " + what, path, "text/csv", ok + withText.get(kind).apply(cell),
                            "3 " + text);
                }
            });
            ledger("CSV: " + text + " a left-to-right isolate", path, "text/csv",
                    ok + withText.get(kind).apply("a\u2066b"), "3 " + text);
            for (Map.Entry<String, byte[]> bad : Map.of(
                    "invalid UTF-8 (C3 28)", new byte[] {(byte) 0xC3, 0x28},
                    "overlong UTF-8 (C0 AF)", new byte[] {(byte) 0xC0, (byte) 0xAF},
                    "a surrogate's bytes (ED A0 80)", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    "GBK bytes sent as UTF-8", "你好".getBytes(Charset.forName("GBK"))).entrySet()) {
                String[] around = withText.get(kind).apply("\u0001").split("\u0001", 2);
                ledger("CSV: " + text + " with " + bad.getKey(), path, "text/csv",
                        concat(ok + around[0], bad.getValue(), around[1]), "3 " + text);
            }
            ledger("CSV: a cell of 100 000 characters", path, "text/csv",
                    ok + withText.get(kind).apply("长".repeat(100_000)), "3 " + text);
            ledger("CSV: unknown enum value", path, "text/csv", ok + enumRow.get(kind), "3 " + enumColumn.get(kind));
            ledger("CSV: no such time", path, "text/csv", ok + timeRow.get(kind), "3 " + timeColumn.get(kind));
            ledger("CSV: reference SQL injection", path, "text/csv", ok + referenceRow.get(kind),
                    "3 " + referenceColumn.get(kind));
            ledger("CSV: the same row twice", path, "text/csv", ok + good.get(kind), "3 " + key);
            ledger("CSV: key of 65 characters", path, "text/csv",
                    ok + good.get(kind).replaceFirst("^LG" + u, "K".repeat(65)), "3 " + key);
            ledger("CSV: unclosed quote", path, "text/csv", ok + good.get(kind).replaceFirst(",", ",\""), null);
            ledger("CSV: no header", path, "text/csv", "", null);
            ledger("CSV: required columns missing", path, "text/csv", "foo,bar\n1,2\n", "1 " + key);
            byte[] random = new byte[4096];
            new Random(11).nextBytes(random);
            ledger("CSV: random bytes", path, "text/csv", random, null);
            add("CSV: unknown charset", "POST", path, "text/csv;charset=EBCDIC-XYZ",
                    ok.getBytes(StandardCharsets.UTF_8), 415);
            add("XML", "POST", path, "application/xml", "<ledger/>".getBytes(StandardCharsets.UTF_8), 415);
            add("form", "POST", path, "application/x-www-form-urlencoded",
                    "incident_no=x".getBytes(StandardCharsets.UTF_8), 415);

            // JSON: an array of objects; the bad object is the second
            List<Map<String, Object>> rows = rows(head, ok + good.get(kind).replaceFirst("^LG", "LH"));
            String valid = write(rows);
            String first = write(rows.subList(0, 1));
            ledger("JSON: unclosed", path, "application/json", "[", "body");
            ledger("JSON: an object", path, "application/json", "{}", "body");
            ledger("JSON: a number", path, "application/json", "42", "body");
            ledger("JSON: null", path, "application/json", "null", "body");
            ledger("JSON: no body", path, "application/json", "", "body");
            ledger("JSON: cut off", path, "application/json", valid.substring(0, valid.length() - 5), "body");
            ledger("JSON: trailing garbage", path, "application/json", valid + "x", "body");
            ledger("JSON: second document", path, "application/json", valid + valid, "body");
            ledger("JSON: single quotes", path, "application/json", "[{'" + key + "':'x'}]", "body");
            ledger("JSON: NaN", path, "application/json", "[{\"" + key + "\":NaN}]", "body");
            ledger("JSON: comment", path, "application/json", "[/* x */]", "body");
            ledger("JSON: nested 5000 deep", path, "application/json", "[".repeat(5000) + "]".repeat(5000), "body");
            ledger("JSON: an array in the array", path, "application/json", "[[1]]", "1 row");
            ledger("JSON: a cell an object", path, "application/json",
                    write(List.of(rows.get(0), with(rows.get(1), text, Map.of("x", 1)))), "2 " + text);
            CONTROL.forEach((what, cell) -> ledger("JSON: " + text + " with " + what, path, "application/json",
                    write(List.of(rows.get(0), with(rows.get(1), text, cell))), "2 " + text));
            if (!key.equals(text)) {
                CONTROL.forEach((what, cell) -> ledger("JSON: " + key + " with " + what, path, "application/json",
                        write(List.of(rows.get(0), with(rows.get(1), key, cell))), "2 " + key));
            }
            ledger("JSON: unknown enum value", path, "application/json",
                    write(List.of(rows.get(0), with(rows.get(1), enumColumn.get(kind), "UFO"))),
                    "2 " + enumColumn.get(kind));
            ledger("JSON: enum a number", path, "application/json",
                    write(List.of(rows.get(0), with(rows.get(1), enumColumn.get(kind), 1))), "2 " + enumColumn.get(kind));
            ledger("JSON: the same key twice", path, "application/json", write(List.of(rows.get(0), rows.get(0))),
                    "2 " + key);
            for (Map.Entry<String, byte[]> bad : Map.of(
                    "invalid UTF-8 (C3 28)", new byte[] {(byte) 0xC3, 0x28},
                    "overlong UTF-8 (C0 AF)", new byte[] {(byte) 0xC0, (byte) 0xAF},
                    "a surrogate's bytes (ED A0 80)", new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                    "GBK bytes sent as UTF-8", "你好".getBytes(Charset.forName("GBK"))).entrySet()) {
                ledger("JSON: " + bad.getKey(), path, "application/json",
                        concat(first.substring(0, first.length() - 2) + ",\"x\":\"", bad.getValue(), "\"}]"), "body");
            }
            add("JSON: unknown charset", "POST", path, "application/json;charset=EBCDIC-XYZ",
                    valid.getBytes(StandardCharsets.UTF_8), 415);
        }
        ledger("JSON: a summary of 1001 characters", "/api/ledgers/incidents", "application/json",
                write(List.of(Map.of("incident_no", "LS" + u, "unit_code", station, "category", "OTHER",
                        "received_at", "2026-03-02T08:00:00", "summary", "摘".repeat(1001)))), "1 summary");
        add("no such ledger", "POST", "/api/ledgers/parking-tickets", "text/csv",
                "x\n1\n".getBytes(StandardCharsets.UTF_8), 404);
        corpus.add(new Case("ledger path traversal", "POST", "/api/ledgers/..%2Fimports", "text/csv",
                "x\n1\n".getBytes(StandardCharsets.UTF_8), 400, true, new String[0], null));
        get("import id not a number", "/api/ledgers/imports/abc", 400);
        get("import id beyond long", "/api/ledgers/imports/99999999999999999999", 400);
        get("no such import", "/api/ledgers/imports/-1", 404);
        get("kind unknown", "/api/ledgers/imports?kind=parking-tickets", 400);
        get("status unknown", "/api/ledgers/imports?status=LOST", 400);
        get("limit 0", "/api/ledgers/imports?limit=0", 400);
        get("limit 100 000", "/api/ledgers/imports?limit=100000", 400);
    }

    private void completion(String name, String path, String body, String error) {
        corpus.add(new Case(name, "POST", path, "application/json", body.getBytes(StandardCharsets.UTF_8), 400, false,
                new String[0], error));
    }

    /**
     * Completing the problem's 签收 task, or registering through the start form, with what
     * is not the form's: the administrator is not excepted (400 naming the variable).
     */
    private void taskCompletions() {
        String sign = jdbc.queryForObject("SELECT t.ID_ FROM ACT_RU_TASK t JOIN problem p ON p.process_instance_id ="
                + " t.PROC_INST_ID_ WHERE p.id = ? AND t.TASK_DEF_KEY_ = 'Task_Sign'", String.class, problem);
        for (String path : List.of("/engine-rest/task/" + sign + "/complete", "/engine-rest/task/" + sign
                + "/submit-form")) {
            completion("task: its level", path, "{\"variables\":{\"level\":{\"value\":\"BLUE\"}}}", "level");
            completion("task: its deadline", path, "{\"variables\":{\"rectifyDue\":{\"value\":"
                    + "\"2099-01-01T00:00:00.000+0800\",\"type\":\"Date\"}}}", "rectifyDue");
            completion("task: its repeat count", path, "{\"variables\":{\"repeatCount\":{\"value\":0,"
                    + "\"type\":\"Integer\"}}}", "repeatCount");
            completion("task: its unit", path, "{\"variables\":{\"unitCode\":{\"value\":\"X\"}}}", "unitCode");
            completion("task: a name the form has not", path, "{\"variables\":{\"note\":{\"value\":\"x\"}}}", "note");
            completion("task: a type the caller names", path, "{\"variables\":{\"signComment\":{\"value\":"
                    + "\"{}\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.util.HashMap\","
                    + "\"serializationDataFormat\":\"application/json\"}}}}", "signComment");
            completion("task: Json", path, "{\"variables\":{\"signComment\":{\"value\":\"{}\",\"type\":"
                    + "\"Json\"}}}", "signComment");
            completion("task: an object as the value", path, "{\"variables\":{\"signComment\":{\"value\":"
                    + "{\"a\":1}}}}", "signComment");
            completion("task: a number for a text", path, "{\"variables\":{\"signComment\":{\"value\":5}}}",
                    "signComment");
            completion("task: 1001 characters (max 1000)", path, "{\"variables\":{\"signComment\":{\"value\":\""
                    + "签".repeat(1001) + "\"}}}", "signComment");
            completion("task: 3 MB", path, "{\"variables\":{\"signComment\":{\"value\":\""
                    + "签".repeat(1_000_000) + "\"}}}", "variables");
            completion("task: broken JSON", path, "{\"variables\":", "body");
            completion("task: variables an array", path, "{\"variables\":[]}", "variables");
            completion("task: a variable not an object", path, "{\"variables\":{\"signComment\":\"x\"}}",
                    "signComment");
            completion("task: a field of the body unknown", path, "{\"variables\":{},\"skipCustomListeners\":true}",
                    "skipCustomListeners");
        }
        String start = "/engine-rest/process-definition/key/rectification/submit-form";
        completion("start form: the problem id", start, "{\"variables\":{\"title\":{\"value\":\"x\"},"
                + "\"problemId\":{\"value\":1}}}", "problemId");
        completion("start form: the level", start, "{\"variables\":{\"requestedLevel\":{\"value\":\"BLUE\"}}}",
                "requestedLevel");
        completion("start form: start instructions", "/engine-rest/process-definition/key/rectification/start",
                "{\"variables\":{},\"startInstructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":"
                        + "\"Task_Close\"}]}", "startInstructions");
    }

    /**
     * Evidence uploads (multipart, by the administrator, to the open problem): every refused
     * file named in a 400, all or nothing; broken multipart a 400 too, never a 500.
     */
    private void evidence() {
        String path = "/api/problems/" + problem + "/evidence";
        String type = "multipart/form-data; boundary=" + EvidenceIT.BOUNDARY;
        Map<String, List<Part>> refused = new LinkedHashMap<>();
        refused.put("executable named .pdf", List.of(Part.file("整改报告.pdf", EvidenceSamples.exe())));
        refused.put("zip bomb named .docx", List.of(Part.file("整改报告.docx", EvidenceSamples.zipBomb())));
        refused.put("text named .jpg", List.of(Part.file("照片.jpg", EvidenceSamples.text())));
        refused.put("a zip that is no document", List.of(Part.file("a.docx", EvidenceSamples.plainZip())));
        refused.put("empty file", List.of(Part.file("空.pdf", new byte[0])));
        refused.put("over the size limit", List.of(Part.file("大.pdf",
                EvidenceSamples.concatenated(EvidenceSamples.pdf(), new byte[1024 * 1024]))));
        refused.put("one good file, one bad", List.of(Part.file("good.pdf", EvidenceSamples.pdf()),
                Part.file("<script>alert(1)</script>.pdf", EvidenceSamples.exe())));
        List<Part> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Part.file("p" + i + ".png", EvidenceSamples.png()));
        }
        refused.put("11 files", eleven);
        List<Part> fifty = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            fifty.add(Part.file("p" + i + ".pdf", EvidenceSamples.pdf()));
        }
        refused.put("50 parts", fifty);
        refused.put("a path in the file name of an executable", List.of(Part.file("../../../etc/cron.d/整改报告.pdf",
                EvidenceSamples.exe())));
        refused.put("a 0-byte part without a name", List.of(Part.file("", new byte[0])));
        refused.put("no file", List.of(Part.text("note", "只有说明")));
        refused.forEach((what, parts) -> corpus.add(new Case("evidence: " + what, "POST", path, type,
                EvidenceIT.multipart(parts), 400, false, new String[0], "file")));
        corpus.add(new Case("evidence: note with a control character", "POST", path, type,
                EvidenceIT.multipart(List.of(Part.file("a.pdf", EvidenceSamples.pdf()), Part.text("note", "a\u0007b"))),
                400, false, new String[0], "note"));
        corpus.add(new Case("evidence: note of 501 characters", "POST", path, type,
                EvidenceIT.multipart(List.of(Part.file("a.pdf", EvidenceSamples.pdf()), Part.text("note", "说".repeat(501)))),
                400, false, new String[0], "note"));
        corpus.add(new Case("evidence: broken multipart", "POST", path, type,
                ("--" + EvidenceIT.BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
                        + "\r\n%PDF-1.4 never ends").getBytes(StandardCharsets.UTF_8), 400, false, new String[0], "body"));
        add("evidence: JSON instead of multipart", "POST", path, "application/json", "{}".getBytes(), 415);
        add("evidence: no such problem", "POST", "/api/problems/-1/evidence", type,
                EvidenceIT.multipart(List.of(Part.file("a.pdf", EvidenceSamples.pdf()))), 404);
        get("evidence id not a number", "/api/evidence/abc", 400);
        get("no such evidence", "/api/evidence/-1", 404);
        add("withdraw of no evidence", "POST", "/api/evidence/-1/withdraw", null, null, 404);
    }

    /**
     * Voiding (作废) by the administrator, who may void: every malformed request a 4xx, the
     * problem still open.
     */
    private void voiding() {
        String path = "/api/problems/" + problem + "/void";
        json("void: no reason", "POST", path, Map.of(), 400);
        json("void: blank reason", "POST", path, Map.of("reason", " \t "), 400);
        json("void: reason of 501 characters", "POST", path, Map.of("reason", "废".repeat(501)), 400);
        json("void: reason with a control character", "POST", path, Map.of("reason", "登记\u0000错误"), 400);
        json("void: reason an array", "POST", path, Map.of("reason", List.of("登记错误")), 400);
        json("void: reason an object", "POST", path, "{\"reason\": {\"text\": \"登记错误\"}}", 400);
        json("void: broken JSON", "POST", path, "{\"reason\": \"登记错误\"", 400);
        add("void: no body", "POST", path, "application/json", new byte[0], 400);
        add("void: form instead of JSON", "POST", path, "application/x-www-form-urlencoded",
                "reason=x".getBytes(StandardCharsets.UTF_8), 415);
        json("void: id not a number", "POST", "/api/problems/abc/void", Map.of("reason", "登记错误"), 400);
        json("void: no such problem", "POST", "/api/problems/-1/void", Map.of("reason", "登记错误"), 404);
        add("void: GET", "GET", path, null, null, 405);
    }

    /** CSV rows as JSON objects (empty cells left out). */
    private static List<Map<String, Object>> rows(String header, String csv) {
        String[] names = header.strip().split(",");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String line : csv.strip().split("\n")) {
            if (line.equals(header.strip())) {
                continue;
            }
            String[] cells = line.split(",", -1);
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 0; i < names.length; i++) {
                if (!cells[i].isEmpty()) {
                    row.put(names[i], cells[i]);
                }
            }
            rows.add(row);
        }
        return rows;
    }

    /** What the corpus must not change: the app's tables as far as the test's data go. */
    private Map<String, Object> stored() {
        Map<String, Object> state = new LinkedHashMap<>();
        for (String table : List.of("org_unit", "org_officer", "org_officer_role", "problem", "cal_day",
                "ACT_ID_USER", "ACT_ID_MEMBERSHIP", "ledger_incident", "ledger_case", "ledger_measure", "report",
                "detection_run", "detection_finding", "evidence", "evidence_content", "intake")) {
            state.put(table, jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class));
        }
        // documents of this test's problem and of any newer one: a problem another test class left
        // open may reach its next level meanwhile and be issued its document by the job executor
        state.put("doc_document", jdbc.queryForObject("SELECT COUNT(*) FROM doc_document WHERE problem_id >= ?",
                Long.class, problem));
        state.put("timeline", jdbc.queryForObject("SELECT COUNT(*) FROM problem_event WHERE problem_id = ?", Long.class,
                problem));
        state.put("outbox", jdbc.queryForObject("SELECT COUNT(*) FROM notification_outbox WHERE problem_id = ?",
                Long.class, problem));
        state.put("level", jdbc.queryForObject("SELECT level FROM problem WHERE id = ?", String.class, problem));
        state.put("status", jdbc.queryForObject("SELECT status FROM problem WHERE id = ?", String.class, problem));
        state.put("unit", jdbc.queryForObject("SELECT name FROM org_unit WHERE code = ?", String.class, station));
        state.put("officer", jdbc.queryForObject("SELECT name FROM org_officer WHERE officer_no = ?", String.class,
                officer));
        // a refused import is recorded (FAILED, with its errors); none may end DONE
        state.put("imports done", jdbc.queryForObject("SELECT COUNT(*) FROM ledger_import WHERE status = 'DONE'",
                Long.class));
        state.put("channels", jdbc.queryForObject("SELECT COUNT(*) FROM ref_source", Long.class));
        state.put("channel 12345", jdbc.queryForMap("SELECT name, kind, active, callback FROM ref_source"
                + " WHERE code = 'HOTLINE_12345'").toString());
        state.put("clock moved", Duration.between(Instant.now(), clock.instant()).abs().toSeconds() > 60);
        return state;
    }

    @TestFactory
    Stream<DynamicTest> shouldAnswerEveryHostileRequestWithAClear4xxAndStoreNothing() {
        buildCorpus();
        // the figures of docs/reliability.md
        System.out.println("HOSTILE " + corpus.size() + " requests, " + corpus.stream()
                .filter(c -> c.path().startsWith("/api/ledgers")).count() + " of them to /api/ledgers");
        Http admin = admin();
        return corpus.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Map<String, Object> before = stored();
            Http.Response response = admin.exchange(c.method(), c.path(), c.contentType(), c.body(), c.headers());
            assertThat(response.status()).as("%s: %s", c, abbreviate(response.body())).isEqualTo(c.status());
            if (c.servlet()) {
                // refused by Tomcat before the app: a bare page, no trace of the server's inside
                assertThat(response.body()).doesNotContain("Exception", "at org.", "Tomcat/");
            } else {
                assertThat(response.headers().get("Content-Type")).as("%s", c)
                        .anySatisfy(type -> assertThat(type).startsWith("application/problem+json"));
                JsonNode problemDetail = response.json();
                assertThat(problemDetail.path("title").asText()).as("%s", c).isNotBlank();
                assertThat(problemDetail.path("detail").asText()).as("%s: a message in Chinese", c)
                        .containsPattern("\\p{IsHan}");
                assertThat(response.body()).as("%s: no internals", c).doesNotContain("Exception", "SQL", "at org.");
                if (c.error() != null) {
                    // "3 summary": that line and field; "body": that field, on whatever line
                    boolean withLine = c.error().contains(" ");
                    List<String> named = new ArrayList<>();
                    problemDetail.path("errors").forEach(e -> named.add(withLine && e.path("line").canConvertToInt()
                            ? e.path("line").asInt() + " " + e.path("field").asText() : e.path("field").asText()));
                    assertThat(named).as("%s: the row and field named (%s)", c, abbreviate(response.body()))
                            .contains(c.error());
                }
            }
            assertThat(stored()).as("%s stored nothing", c).isEqualTo(before);
        }));
    }

    /**
     * Evidence and voids a login may not make: to another unit's problem (404, as if it did
     * not exist) and to a closed one (409); nothing stored.
     */
    @Test
    void shouldRefuseEvidenceAndVoidsForAnotherUnitsOrAClosedProblemAndStoreNothing() {
        String u = unique();
        fx.unit("HX" + u, "另一派出所" + u, "STATION");
        String stranger = fx.officer("HX" + u, "HX" + u, "OFFICER");
        String strangerHead = fx.officer("HY" + u, "HX" + u, "UNIT_HEAD");
        byte[] pdf = EvidenceIT.multipart(List.of(Part.file("整改报告.pdf", EvidenceSamples.pdf())));
        String type = "multipart/form-data; boundary=" + EvidenceIT.BOUNDARY;

        Map<String, Object> before = stored();
        for (String user : List.of(stranger, strangerHead)) {
            Http.Response upload = fx.as(user).exchange("POST", "/api/problems/" + problem + "/evidence", type, pdf,
                    new String[0]);
            assertThat(upload.status()).as(upload.body()).isEqualTo(404);
            assertThat(fx.as(user).get("/api/problems/" + problem + "/evidence").status()).isEqualTo(404);
            assertThat(fx.as(user).postJson("/api/problems/" + problem + "/void", Map.of("reason", "不是本单位的"))
                    .status()).isEqualTo(404);
        }
        assertThat(stored()).isEqualTo(before);

        // the problem closed: signed, rectified with evidence, approved
        fx.complete(head, problem, "Task_Sign", Map.of());
        fx.uploadEvidence(problem);
        fx.complete(officer, problem, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已整改"));
        fx.complete(legal, problem, "Task_Review", Map.of("reviewDecision", "APPROVE"));
        assertThat(fx.problem(legal, problem).path("status").asText()).isEqualTo("CLOSED");
        Map<String, Object> closed = stored();
        for (String user : List.of(officer, legal)) {
            Http.Response late = fx.as(user).exchange("POST", "/api/problems/" + problem + "/evidence", type, pdf,
                    new String[0]);
            assertThat(late.status()).as(late.body()).isEqualTo(409);
            assertThat(late.json().path("detail").asText()).containsPattern("\\p{IsHan}");
        }
        assertThat(stored()).isEqualTo(closed);
    }

    // ---- the intake's tasks (分派, 回访, 回访复核) ---------------------------------------

    /** One bad completion of an intake task, sent by the task's rightful user; 400 naming {@code error}. */
    record TaskCase(String name, String user, String path, Map<String, Object> body, String error) {

        @Override
        public String toString() {
            return "POST " + path.replaceAll("/task/[^/]+/", "/task/{id}/") + " — " + name;
        }
    }

    private static final String TRIAGE_TASK = "Task_Triage";
    private static final String CALLBACK_TASK = "Task_Callback";
    private static final String REVIEW_TASK = "Task_CallbackReview";

    /** An intake of the 12345 hotline (a channel that calls back), as its platform hands it in. */
    private long postedIntake(String what) {
        Map<String, Object> ticket = new HashMap<>(validIntake());
        ticket.put("content", what);
        Http.Response made = admin().postJson("/api/intake", ticket);
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        return made.json().path("id").asLong();
    }

    /** The intake's open task {@code key} (not null). */
    private String intakeTask(long intakeId, String key) {
        org.camunda.bpm.engine.task.Task task = tasks.createTaskQuery().processInstanceBusinessKey("intake-" + intakeId)
                .taskDefinitionKey(key).singleResult();
        assertThat(task).as("%s of intake %s", key, intakeId).isNotNull();
        return task.getId();
    }

    /** A problem of the station closed: signed, rectified with evidence, approved. */
    private long closedProblem() {
        long id = fx.register(legal, validProblem()).path("id").asLong();
        fx.complete(head, id, "Task_Sign", Map.of());
        fx.uploadEvidence(id);
        fx.complete(officer, id, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已整改"));
        fx.complete(legal, id, "Task_Review", Map.of("reviewDecision", "APPROVE"));
        assertThat(fx.problem(legal, id).path("status").asText()).isEqualTo("CLOSED");
        return id;
    }

    private long voidedProblem() {
        long id = fx.register(legal, validProblem()).path("id").asLong();
        Http.Response voided = admin().postJson("/api/problems/" + id + "/void", Map.of("reason", "重复登记"));
        assertThat(voided.status()).as(voided.body()).isEqualTo(200);
        return id;
    }

    /** Intakes waiting in each of their three tasks, and what may not change in them. */
    private long pendingTriage;
    private long pendingCallback;
    private long pendingReview;

    /**
     * The intakes' rows, their processes' open tasks and variables (by name and text value),
     * and the intake processes running: with {@link #stored()}, what a refused completion or
     * start may not change.
     */
    private Map<String, Object> intakeStored() {
        Map<String, Object> state = new LinkedHashMap<>(stored());
        for (long id : List.of(pendingTriage, pendingCallback, pendingReview)) {
            state.put("intake " + id, jdbc.queryForMap("SELECT status, callback_status, problem_id, triaged_by"
                    + " FROM intake WHERE id = ?", id).toString());
            state.put("calls " + id, jdbc.queryForObject("SELECT COUNT(*) FROM intake_callback WHERE intake_id = ?",
                    Long.class, id));
            state.put("tasks " + id, tasks.createTaskQuery().processInstanceBusinessKey("intake-" + id).list().stream()
                    .map(t -> t.getId() + " " + t.getTaskDefinitionKey() + " " + t.getAssignee()).sorted().toList());
            String instance = runtime.createProcessInstanceQuery().processInstanceBusinessKey("intake-" + id)
                    .singleResult().getId();
            state.put("variables " + id, new java.util.TreeMap<>(runtime.getVariables(instance)).toString());
        }
        state.put("intake processes", runtime.createProcessInstanceQuery().processDefinitionKey("intake").count());
        state.put("intake processes ever", jdbc.queryForObject("SELECT COUNT(*) FROM ACT_HI_PROCINST p"
                + " JOIN ACT_RE_PROCDEF d ON d.ID_ = p.PROC_DEF_ID_ WHERE d.KEY_ = 'intake'", Long.class));
        return state;
    }

    private final List<TaskCase> taskCases = new ArrayList<>();

    private void taskCase(String name, String user, String taskId, String how, Map<String, Object> values,
            String error) {
        taskCases.add(new TaskCase(name, user, "/engine-rest/task/" + taskId + "/" + how, Fixtures.variables(values),
                error));
    }

    /** Each bad completion on both paths (complete and submit-form). */
    private void taskCase(String name, String user, String taskId, Map<String, Object> values, String error) {
        taskCase(name, user, taskId, "complete", values, error);
        taskCase(name, user, taskId, "submit-form", values, error);
    }

    private static Map<String, Object> values(Object... nameValue) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 0; i + 1 < nameValue.length; i += 2) {
            values.put((String) nameValue[i], nameValue[i + 1]);
        }
        return values;
    }

    private void buildTaskCases(String captain) {
        String u = unique();
        fx.unit("HZ" + u, "另一派出所" + u, "STATION");
        String stranger = fx.officer("HZ" + u, "HZ" + u, "OFFICER");
        long closed = closedProblem();
        long voided = voidedProblem();

        String triage = intakeTask(pendingTriage, TRIAGE_TASK);
        Map<String, Object> accept = values("triageDecision", "ACCEPT", "unitCode", station, "category",
                "CASE_FILING");
        taskCase("ACCEPT without unitCode", legal, triage, with(accept, "unitCode", REMOVE), "unitCode");
        taskCase("ACCEPT with an empty unitCode", legal, triage, with(accept, "unitCode", ""), "unitCode");
        taskCase("ACCEPT with an unknown unit", legal, triage, with(accept, "unitCode", "NO_SUCH_UNIT"), "unitCode");
        taskCase("ACCEPT with a unit as SQL injection", legal, triage, with(accept, "unitCode", "' OR '1'='1"),
                "unitCode");
        taskCase("ACCEPT with an unknown category", legal, triage, with(accept, "category", "UFO"), "category");
        taskCase("ACCEPT without category", legal, triage, with(accept, "category", REMOVE), "category");
        taskCase("ACCEPT with an officer of another unit", legal, triage, with(accept, "officerNo", stranger),
                "officerNo");
        taskCase("ACCEPT with an officer who does not exist", legal, triage, with(accept, "officerNo", "NOBODY" + u),
                "officerNo");
        taskCase("ACCEPT with sensitive not a boolean", legal, triage, with(accept, "sensitive", "yes"), "sensitive");
        Map<String, Object> merge = values("triageDecision", "MERGE");
        taskCase("MERGE without problemId", legal, triage, merge, "problemId");
        taskCase("MERGE with a problemId not a number", legal, triage, with(merge, "problemId", "abc"), "problemId");
        taskCase("MERGE with a problemId as an object", legal, triage, with(merge, "problemId", Map.of("id", 1)),
                "problemId");
        taskCase("MERGE into a closed problem", legal, triage, with(merge, "problemId", closed), "problemId");
        taskCase("MERGE into a voided problem", legal, triage, with(merge, "problemId", voided), "problemId");
        taskCase("MERGE into a problem that does not exist", legal, triage, with(merge, "problemId", 999_999_999L),
                "problemId");
        taskCase("MERGE into problem -1", legal, triage, with(merge, "problemId", -1), "problemId");
        Map<String, Object> refer = values("triageDecision", "REFER", "referTo", "区信访局", "triageReason", "属信访事项");
        taskCase("REFER without referTo", legal, triage, with(refer, "referTo", REMOVE), "referTo");
        taskCase("REFER with a blank referTo", legal, triage, with(refer, "referTo", " \t "), "referTo");
        taskCase("REFER with referTo of 101 characters", legal, triage, with(refer, "referTo", "转".repeat(101)),
                "referTo");
        taskCase("REFER without a reason", legal, triage, with(refer, "triageReason", REMOVE), "triageReason");
        taskCase("REFER with a reason of 2000 characters", legal, triage, with(refer, "triageReason",
                "理".repeat(2000)), "triageReason");
        CONTROL.forEach((what, text) -> {
            taskCase("REFER with a reason with " + what, legal, triage, with(refer, "triageReason", text),
                    "triageReason");
            taskCase("REFER with referTo with " + what, legal, triage, with(refer, "referTo", text), "referTo");
        });
        taskCase("REJECT without a reason", legal, triage, values("triageDecision", "REJECT"), "triageReason");
        taskCase("an unknown triageDecision", legal, triage, values("triageDecision", "APPROVE"), "triageDecision");
        taskCase("triageDecision in lower case", legal, triage, values("triageDecision", "accept", "unitCode", station,
                "category", "CASE_FILING"), "triageDecision");
        taskCase("an empty triageDecision", legal, triage, values("triageDecision", ""), "triageDecision");
        taskCase("no triageDecision", legal, triage, values(), "triageDecision");

        String call = intakeTask(pendingCallback, CALLBACK_TASK);
        taskCase("call back without an outcome", legal, call, values("callbackNote", "已联系"), "callbackOutcome");
        taskCase("call back with an unknown outcome", legal, call, values("callbackOutcome", "HAPPY"),
                "callbackOutcome");
        taskCase("DISSATISFIED without a note", legal, call, values("callbackOutcome", "DISSATISFIED"), "callbackNote");
        taskCase("DISSATISFIED with a blank note", legal, call, values("callbackOutcome", "DISSATISFIED",
                "callbackNote", "   "), "callbackNote");
        taskCase("a note of 5000 characters", legal, call, values("callbackOutcome", "SATISFIED", "callbackNote",
                "访".repeat(5000)), "callbackNote");
        taskCase("a note with a terminal escape", legal, call, values("callbackOutcome", "DISSATISFIED",
                "callbackNote", CONTROL.get("terminal escape")), "callbackNote");
        taskCase("a note with a right-to-left override", legal, call, values("callbackOutcome", "DISSATISFIED",
                "callbackNote", CONTROL.get("right-to-left override")), "callbackNote");

        String review = intakeTask(pendingReview, REVIEW_TASK);
        taskCase("review without a decision", captain, review, values("callbackReviewNote", "已解释"),
                "callbackReviewDecision");
        taskCase("review with an unknown decision", captain, review, values("callbackReviewDecision", "CLOSE",
                "callbackReviewNote", "已解释"), "callbackReviewDecision");
        taskCase("REOPEN without a note", captain, review, values("callbackReviewDecision", "REOPEN"),
                "callbackReviewNote");
        taskCase("UPHOLD with a blank note", captain, review, values("callbackReviewDecision", "UPHOLD",
                "callbackReviewNote", " "), "callbackReviewNote");
        taskCase("UPHOLD with a note of 1001 characters", captain, review, values("callbackReviewDecision", "UPHOLD",
                "callbackReviewNote", "解".repeat(1001)), "callbackReviewNote");

        // a valid decision that carries what the process keeps
        Map<String, Object> owned = new LinkedHashMap<>();
        owned.put("intakeId", pendingCallback);
        owned.put("callbackRound", 2);
        owned.put("callbackAttempt", 1);
        owned.put("callbackDue", "2099-01-01T00:00:00");
        owned.put("ticket", "伪造的工单");
        owned.put("problemUrl", "https://evil.example/");
        owned.put("contactUrl", "https://evil.example/");
        owned.put("triagedBy", "nobody");
        owned.put("finalStatus", "SATISFIED");
        owned.put("content", "改写的诉求");
        owned.put("complainantName", "张*");
        owned.put("secondCallback", true);
        owned.put("callbackReviewedBy", "nobody");
        owned.forEach((name, value) -> {
            taskCase("REJECT with " + name, legal, triage, with(values("triageDecision", "REJECT", "triageReason",
                    "不属执法问题"), name, value), name);
            taskCase("SATISFIED with " + name, legal, call, with(values("callbackOutcome", "SATISFIED"), name, value),
                    name);
            taskCase("UPHOLD with " + name, captain, review, with(values("callbackReviewDecision", "UPHOLD",
                    "callbackReviewNote", "已向群众解释"), name, value), name);
        });
        taskCase("SATISFIED with the triage's problemId", legal, call, values("callbackOutcome", "SATISFIED",
                "problemId", closed), "problemId");
        taskCase("SATISFIED with the triage's decision", legal, call, values("callbackOutcome", "SATISFIED",
                "triageDecision", "ACCEPT"), "triageDecision");

        // the intake process, started past the intake API
        String intakeDefinition = jdbc.queryForObject("SELECT ID_ FROM ACT_RE_PROCDEF WHERE KEY_ = 'intake'"
                + " ORDER BY VERSION_ DESC LIMIT 1", String.class);
        for (String by : List.of(legal, ADMIN)) {
            for (String path : List.of("/engine-rest/process-definition/key/intake/start",
                    "/engine-rest/process-definition/key/intake/submit-form",
                    "/engine-rest/process-definition/" + intakeDefinition + "/start",
                    "/engine-rest/process-definition/" + intakeDefinition + "/submit-form")) {
                taskCases.add(new TaskCase("start as " + by + " with nothing", by, path, Map.of(), "intakeId"));
                taskCases.add(new TaskCase("start as " + by + " with an intake's id", by, path, Map.of("businessKey",
                        "intake-" + pendingTriage, "variables", Map.of("intakeId", Map.of("value", pendingTriage))),
                        "intakeId"));
            }
        }
    }

    /**
     * Bad decisions in the intake's three tasks, each sent by the task's rightful user (the
     * legal officer; the captain for the review) through engine REST complete and submit-form:
     * 400 naming the field in Chinese, the task still open, the intake where it was (待分派,
     * 待回访, 待复核), no problem registered, no variable changed. The intake process started
     * through engine REST instead of the intake API: refused, no instance.
     */
    @TestFactory
    Stream<DynamicTest> shouldRefuseBadDecisionsInTheIntakesTasksAndChangeNothing() {
        String u = unique();
        String captain = fx.officer("HC" + u, "大队长HC" + u, jdbc.queryForObject("SELECT unit_code FROM org_officer"
                + " WHERE officer_no = ?", String.class, legal), "LEGAL_CAPTAIN", false);
        pendingTriage = postedIntake("报警后民警未到场（待分派）。");
        pendingCallback = postedIntake("报警后民警未到场（待回访）。");
        pendingReview = postedIntake("报警后民警未到场（待复核）。");
        for (long id : List.of(pendingCallback, pendingReview)) {
            tasks.complete(intakeTask(id, TRIAGE_TASK), Map.of("triageDecision", "REJECT", "triageReason",
                    "不属执法问题，已告知诉求人"));
        }
        tasks.complete(intakeTask(pendingReview, CALLBACK_TASK), Map.of("callbackOutcome", "DISSATISFIED",
                "callbackNote", "对答复不满意"));
        intakeTask(pendingReview, REVIEW_TASK);
        assertThat(jdbc.queryForObject("SELECT status FROM intake WHERE id = ?", String.class, pendingTriage))
                .isEqualTo("PENDING_TRIAGE");
        buildTaskCases(captain);
        System.out.println("HOSTILE INTAKE TASKS " + taskCases.size() + " requests");
        return taskCases.stream().map(c -> DynamicTest.dynamicTest(c.toString(), () -> {
            Map<String, Object> before = intakeStored();
            // every non-ASCII character escaped, so that a lone surrogate reaches the server as one
            Http.Response response = (ADMIN.equals(c.user()) ? admin() : fx.as(c.user())).postRaw(c.path(),
                    "application/json", write(c.body()).getBytes(StandardCharsets.UTF_8));
            assertThat(response.status()).as("%s: %s", c, abbreviate(response.body())).isEqualTo(400);
            assertThat(response.headers().get("Content-Type")).as("%s", c)
                    .anySatisfy(type -> assertThat(type).startsWith("application/problem+json"));
            JsonNode problemDetail = response.json();
            assertThat(problemDetail.path("detail").asText()).as("%s: a message in Chinese", c)
                    .containsPattern("\\p{IsHan}");
            assertThat(response.body()).as("%s: no internals", c).doesNotContain("Exception", "SQL", "at org.");
            List<String> named = new ArrayList<>();
            problemDetail.path("errors").forEach(e -> {
                named.add(e.path("field").asText());
                assertThat(e.path("message").asText()).as("%s: %s in Chinese", c, e).containsPattern("\\p{IsHan}");
            });
            assertThat(named).as("%s: the field named (%s)", c, abbreviate(response.body())).contains(c.error());
            assertThat(intakeStored()).as("%s changed nothing", c).isEqualTo(before);
        }));
    }

    /**
     * The next call is decided anew: completed with nothing, it is refused (400 naming the
     * outcome) instead of taking the last call's outcome; completed without a note, it does not
     * carry the last call's note.
     */
    @Test
    void shouldDecideTheNextCallAnewNotWithTheLastCallsOutcomeOrNote() {
        assertThat(admin().postJson("/api/admin/clock", Map.of("now", "2026-11-02T09:00:00+08:00")).status())
                .isEqualTo(200);
        pendingTriage = postedIntake("报警后民警未到场（再次回访）。");
        tasks.complete(intakeTask(pendingTriage, TRIAGE_TASK), Map.of("triageDecision", "REJECT", "triageReason",
                "不属执法问题，已告知诉求人"));
        String first = intakeTask(pendingTriage, CALLBACK_TASK);
        Http.Response unreachable = fx.as(legal).postJson("/engine-rest/task/" + first + "/complete",
                Fixtures.variables("callbackOutcome", "UNREACHABLE", "callbackNote", "无人接听"));
        assertThat(unreachable.status()).as(unreachable.body()).isEqualTo(204);
        assertThat(admin().postJson("/api/admin/clock", Map.of("now", "2026-11-03T09:30:00+08:00")).status())
                .isEqualTo(200);
        String second = null;
        long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (second == null && System.nanoTime() < until) {
            org.camunda.bpm.engine.task.Task open = tasks.createTaskQuery()
                    .processInstanceBusinessKey("intake-" + pendingTriage).taskDefinitionKey(CALLBACK_TASK).singleResult();
            second = open == null ? null : open.getId();
            Thread.onSpinWait();
        }
        assertThat(second).as("the second call").isNotNull().isNotEqualTo(first);

        Http.Response nothing = fx.as(legal).postJson("/engine-rest/task/" + second + "/complete", Map.of("variables",
                Map.of()));
        assertThat(nothing.status()).as(nothing.body()).isEqualTo(400);
        assertThat(nothing.json().path("errors").findValuesAsText("field")).contains("callbackOutcome");
        assertThat(tasks.createTaskQuery().taskId(second).count()).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM intake_callback WHERE intake_id = ?", Long.class,
                pendingTriage)).isEqualTo(1);

        Http.Response satisfied = fx.as(legal).postJson("/engine-rest/task/" + second + "/complete",
                Fixtures.variables("callbackOutcome", "SATISFIED"));
        assertThat(satisfied.status()).as(satisfied.body()).isEqualTo(204);
        Map<String, Object> call = jdbc.queryForMap("SELECT outcome, note FROM intake_callback WHERE intake_id = ?"
                + " AND attempt = 2", pendingTriage);
        // queryForMap's keys are case-insensitive (H2 upper case, MariaDB as written)
        assertThat(call.get("outcome")).isEqualTo("SATISFIED");
        assertThat(call.get("note")).as("the last call's note").isNull();
    }

    // ---- injection that is a valid request ----------------------------------------------

    private static final String SCRIPT_TITLE = "<script>alert('xss')</script><img src=x onerror=alert(1)>"
            + "' OR '1'='1'; DROP TABLE problem; -- ${7*7} [点我](javascript:alert(1))";
    private static final String SCRIPT_DESCRIPTION = "</p><svg onload=alert(2)>\n<iframe src=javascript:alert(3)></iframe>\n"
            + "#{7*7} <#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}\n"
            + "![跟踪](http://evil.example/x.png) **粗体** | 表格 | `代码`";
    private static final String SCRIPT_UNIT = "<b onmouseover=alert(4)>派出所</b>";
    private static final String SCRIPT_OFFICER = "<i>民警</i>";
    private static final String SCRIPT_COMMENT = "<script>alert(5)</script>[催办](javascript:alert(6))";

    /**
     * A rendered place where problem text shows: how to fetch it, what kind of text it is,
     * and for JSON the payload that must be in it as typed.
     */
    private record Surface(String name, Kind kind, Function<Long, String> fetch, String typed) {

        Surface(String name, Kind kind, Function<Long, String> fetch) {
            this(name, kind, fetch, null);
        }
    }

    private enum Kind { JSON, HTML, MARKDOWN }

    /**
     * Every place problem text is shown: the problem API, its page and the list, its document, its DingTalk
     * messages, the demo inbox, the day's report (HTML and the group's markdown) and the
     * dashboard's data (the page itself, where ECharts renders tooltips as HTML: DashboardIT).
     */
    private List<Surface> surfaces(String head, long report, String unitName, String reader) {
        return List.of(
                new Surface("问题接口 GET /api/problems/{id}", Kind.JSON, id -> {
                    Http.Response r = fx.as(legal).get("/api/problems/" + id);
                    assertThat(r.headers().get("Content-Type")).anySatisfy(t -> assertThat(t).startsWith("application/json"));
                    assertThat(r.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
                    return r.body();
                }, SCRIPT_TITLE),
                new Surface("问题详情页 GET /problems/{id}", Kind.HTML, id -> {
                    Http.Response r = fx.as(legal).get("/problems/" + id);
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    assertThat(r.headers().get("Content-Type")).anySatisfy(t -> assertThat(t).startsWith("text/html"));
                    assertThat(r.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
                    return r.body();
                }),
                new Surface("问题列表 GET /problems", Kind.HTML, id -> {
                    Http.Response r = fx.as(legal).get("/problems?q=" + java.net.URLEncoder.encode("<script>alert('xss')",
                            java.nio.charset.StandardCharsets.UTF_8));
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    return r.body();
                }),
                new Surface("执法文书 GET /api/documents/{id}", Kind.HTML, id -> {
                    String url = fx.as(legal).get("/api/problems/" + id).json().path("documents").get(0)
                            .path("url").asText();
                    Http.Response r = fx.as(legal).get(url);
                    assertThat(r.headers().get("Content-Security-Policy")).anySatisfy(
                            csp -> assertThat(csp).contains("default-src 'none'").doesNotContain("script-src"));
                    return r.body();
                }),
                new Surface("钉钉 markdown（发件箱）", Kind.MARKDOWN, id -> {
                    StringBuilder all = new StringBuilder();
                    // the markdown messages; a card's values are text of its own surface below
                    fx.as(legal).get("/api/notifications?problemId=" + id).json().forEach(m -> {
                        if (!m.path("channel").asText().startsWith("CARD")) {
                            all.append(m.path("body").asText()).append("\n\n");
                        }
                    });
                    return all.toString();
                }),
                new Surface("钉钉 markdown（钉钉收到的）", Kind.MARKDOWN, id -> {
                    StringBuilder all = new StringBuilder();
                    dingtalk.inbox("dt" + head).forEach(m -> all.append(m.text()).append("\n\n"));
                    return all.toString();
                }),
                new Surface("钉钉演示收件箱 GET /api/demo/dingtalk/inbox", Kind.HTML,
                        id -> admin().get("/api/demo/dingtalk/inbox?to=dt" + head).body()),
                new Surface("监督日报 GET /api/reports/{id}", Kind.HTML, id -> {
                    Http.Response r = fx.as(reader).get("/api/reports/" + report);
                    assertThat(r.status()).as(r.body()).isEqualTo(200);
                    assertThat(r.headers().get("Content-Security-Policy")).anySatisfy(
                            csp -> assertThat(csp).contains("default-src 'none'").doesNotContain("script-src"));
                    assertThat(r.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
                    return r.body();
                }),
                new Surface("监督日报钉钉群 markdown（群机器人收到的）", Kind.MARKDOWN, id -> robotMessage(report)),
                new Surface("数据大屏 GET /api/dashboard", Kind.JSON, id -> {
                    Http.Response r = fx.as(reader).get("/api/dashboard");
                    assertThat(r.headers().get("Content-Type")).anySatisfy(t -> assertThat(t).startsWith("application/json"));
                    assertThat(r.headers().get("X-Content-Type-Options")).containsExactly("nosniff");
                    return r.body();
                }, unitName));
    }

    /** The report's summary as the bureau's group robot got it (DingTalk's 20 a minute: a minute later if need be). */
    private String robotMessage(long report) {
        String link = "/api/reports/" + report;
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 10 && dispatcher.dispatchOnce() > 0; i++) {
                // until nothing due is left
            }
            for (FakeDingTalk.Received m : dingtalk.robotMessages("bureau")) {
                if (m.text().contains(link)) {
                    return m.text();
                }
            }
            clock.setNow(clock.instant().plusSeconds(61));
        }
        throw new AssertionError("the report's message never reached the group: " + link);
    }

    /** Every text value of a JSON document, at any depth. */
    private static List<String> texts(JsonNode node) {
        List<String> all = new ArrayList<>();
        if (node.isTextual()) {
            all.add(node.asText());
        }
        node.forEach(child -> all.addAll(texts(child)));
        return all;
    }

    @Test
    void shouldStoreInjectionAsTextAndNeverLetItRunWhereItIsShown() {
        // a working day before every other problem (the day's report lists this test's alone), in
        // working hours, so that DingTalk messages go at once
        LocalDate day = mondayBeforeEveryProblem(jdbc);
        clock.setNow(day.atTime(10, 0).atZone(CHINA).toInstant());
        String u = unique();
        String unit = "HJ" + u;
        fx.unit(unit, SCRIPT_UNIT + u, "STATION");
        String scriptOfficer = fx.officer("HJ" + u, SCRIPT_OFFICER, unit, "OFFICER", true);
        String head = fx.officer("HK" + u, "负责人" + u, unit, "UNIT_HEAD", true);
        long problemsBefore = jdbc.queryForObject("SELECT COUNT(*) FROM problem", Long.class);

        Map<String, Object> body = new HashMap<>(validProblem());
        body.put("unitCode", unit);
        body.put("officerNo", scriptOfficer);
        body.put("title", SCRIPT_TITLE);
        body.put("description", SCRIPT_DESCRIPTION);
        body.put("id", 1);
        body.put("level", "RED");
        body.put("status", "CLOSED");
        body.put("registeredBy", "someone-else");
        JsonNode registered = fx.register(legal, body);
        long id = registered.path("id").asLong();
        assertThat(fx.as(legal).postJson("/api/problems/" + id + "/urge", Map.of("comment", SCRIPT_COMMENT))
                .status()).isEqualTo(200);
        for (int i = 0; i < 10 && dispatcher.dispatchOnce() > 0; i++) {
            // until the outbox is sent
        }

        // stored exactly as typed, nothing else touched, server fields not taken from the request
        assertThat(registered.path("title").asText()).isEqualTo(SCRIPT_TITLE);
        assertThat(registered.path("description").asText()).isEqualTo(SCRIPT_DESCRIPTION);
        assertThat(id).isNotEqualTo(1);
        assertThat(registered.path("level").asText()).isEqualTo("BLUE");
        assertThat(registered.path("status").asText()).isEqualTo("OPEN");
        assertThat(registered.path("registeredBy").asText()).isEqualTo(legal);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM problem", Long.class)).isEqualTo(problemsBefore + 1);
        assertThat(jdbc.queryForObject("SELECT title FROM problem WHERE id = ?", String.class, id)).isEqualTo(SCRIPT_TITLE);

        // its sensitive twin is red at once: the reports list red and yellow problems by title
        body.put("sensitive", true);
        JsonNode red = fx.register(legal, body);
        assertThat(red.path("level").asText()).isEqualTo("RED");
        for (int i = 0; i < 10 && dispatcher.dispatchOnce() > 0; i++) {
            // until the outbox is sent
        }
        // the day's report, made the next morning (an officer of the station reads it)
        String reader = fx.officerOnDingTalk("HM" + u, unit, "OFFICER");
        clock.setNow(day.plusDays(1).atTime(10, 0).atZone(CHINA).toInstant());
        Http.Response made = admin().postJson("/api/reports", Map.of("type", "DAILY", "date", day.toString()));
        assertThat(made.status()).as(made.body()).isEqualTo(201);
        long report = made.json().path("id").asLong();

        List<String> checked = new ArrayList<>();
        for (Surface surface : surfaces(head, report, SCRIPT_UNIT + u, reader)) {
            String text = surface.fetch().apply(id);
            assertThat(text).as(surface.name()).isNotBlank();
            switch (surface.kind()) {
                case JSON -> assertThat(texts(read(text))).as(surface.name() + ": as typed").contains(surface.typed());
                case HTML -> assertInertHtml(surface.name(), text);
                case MARKDOWN -> assertInertMarkdown(surface.name(), text);
            }
            checked.add(surface.name());
        }
        assertThat(checked).hasSize(10);
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(text, e);
        }
    }

    /**
     * The intake import stores what a spreadsheet would run as a formula (=, +, -, @) as the
     * text it is, and a file with CRLF line ends and quoted cells holding CRLF, commas and
     * doubled quotes cell for cell as typed.
     */
    @Test
    void shouldImportFormulasAndQuotedCrlfAsTextAsTyped() {
        String u = unique();
        String formula = "=cmd|' /C calc'!A0";
        String quoted = "第一行，含逗号\r\n第二行 \"引号\" +SUM(A1:A9)";
        String csv = "source,ticketNo,receivedAt,content,unitHint,incidentNo,caseNo\r\n"
                + "HOTLINE_12345,+F1" + u + ",2026-03-01T09:30:00+08:00," + formula + ",@SUM(1+1)*cmd|' /C calc'!A0,"
                + "-2+3,\"=HYPERLINK(\"\"http://evil.example\"\")\"\r\n"
                + "HOTLINE_12345,-F2" + u + ",2026-03-01T09:30:00+08:00,\"" + quoted.replace("\"", "\"\"") + "\",,,\r\n";
        Http.Response imported = fx.as(legal).postCsv("/api/intake/import", csv);
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);
        assertThat(imported.json().path("created").asInt()).isEqualTo(2);
        assertThat(imported.json().path("intakes").findValuesAsText("line")).containsExactly("2", "3");

        Map<String, Object> first = jdbc.queryForMap("SELECT content, unit_hint, incident_no, case_no FROM intake"
                + " WHERE ticket_no = ?", "+F1" + u);
        assertThat(first.get("content")).isEqualTo(formula);
        assertThat(first.get("unit_hint")).isEqualTo("@SUM(1+1)*cmd|' /C calc'!A0");
        assertThat(first.get("incident_no")).isEqualTo("-2+3");
        assertThat(first.get("case_no")).isEqualTo("=HYPERLINK(\"http://evil.example\")");
        assertThat(jdbc.queryForObject("SELECT content FROM intake WHERE ticket_no = ?", String.class, "-F2" + u))
                .isEqualTo(quoted);
        long id = imported.json().path("intakes").get(0).path("id").asLong();
        assertThat(fx.as(legal).get("/api/intake/" + id).json().path("content").asText()).isEqualTo(formula);
    }

    /** A page far past the end is empty, not an overflow into a negative OFFSET (a 500). */
    @Test
    void shouldAnswerAPageFarPastTheEndWithAnEmptyPage() {
        for (String path : List.of("/api/problems", "/api/reports", "/api/intake")) {
            Http.Response r = admin().get(path + "?page=20000000&size=200");
            assertThat(r.status()).as(path + ": " + r.body()).isEqualTo(200);
            assertThat(r.json().path("items")).as(path).isEmpty();
        }
    }

    /** The payload's markup is text: escaped, never a tag, an event handler or a script URL. */
    private static void assertInertHtml(String surface, String html) {
        String lower = html.toLowerCase(Locale.ROOT);
        assertThat(lower).as(surface).doesNotContain("<script>alert", "<img src=x", "<svg", "<iframe", "<b onmouseover",
                "<i>民警", "href=\"javascript:", "src=\"javascript:");
        assertThat(html).as(surface + ": escaped, so shown as typed").contains("&lt;script&gt;alert(");
        assertThat(html).as(surface + ": template syntax in data is not run").doesNotContain("uid=");
    }

    /** DingTalk markdown: no HTML, no link or image of the payload's, template syntax not run. */
    private static void assertInertMarkdown(String surface, String markdown) {
        String lower = markdown.toLowerCase(Locale.ROOT);
        assertThat(lower).as(surface).doesNotContain("<script", "<img", "<svg", "<iframe", "<b ", "<i>",
                "](javascript:", "](http://evil", "![");
        assertThat(markdown).as(surface + ": shown as typed, in full-width brackets").contains("＜script＞alert");
        assertThat(markdown).as(surface + ": template syntax in data is not run").doesNotContain("uid=")
                .contains("${7\\*7}");
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
