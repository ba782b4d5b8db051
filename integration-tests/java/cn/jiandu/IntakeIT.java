package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ResultSetExtractor;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Intake (诉求受理) over HTTP: a ticket handed in is stored once per channel and ticket
 * number, answered with the complainant masked; bad input is refused naming the field with
 * nothing stored; the phone is in no column in clear; the machine account (INTAKE) reaches
 * intake and nothing else, a unit's officer not even intake. The CSV import: GBK and UTF-8
 * with BOM, columns in any order, all or nothing with errors naming line and column, the
 * API's de-duplication (the same ticket again is the stored intake, other content 409).
 */
class IntakeIT extends ItSupport {

    private static final String PASSWORD = "intake-pass-1";
    private static final String ID_NUMBER = "11010519491231002X";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String u;
    private String legal;
    private String machine;
    private String officer;
    private String phone;

    @BeforeEach
    void aLegalOfficerAMachineAccountAndAUnitOfficer() {
        clock.reset();
        u = unique();
        String legalUnit = fx.unit("IL" + u, "受理法制大队" + u, "LEGAL");
        legal = fx.officer("IO" + u, legalUnit, "LEGAL_OFFICER");
        machine = fx.officer("IM" + u, "12345平台接口" + u, legalUnit, "INTAKE", false);
        officer = fx.officer("IS" + u, fx.unit("IS" + u, "受理派出所" + u, "STATION"), "OFFICER");
        phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private Map<String, Object> ticket(String ticketNo, String content) {
        Map<String, Object> complainant = new HashMap<>(Map.of("name", "张三丰", "phone", phone, "idNumber", ID_NUMBER));
        Map<String, Object> body = new HashMap<>(Map.of("source", "HOTLINE_12345", "ticketNo", ticketNo,
                "receivedAt", "2026-01-05T09:30:00+08:00", "content", content, "complainant", complainant,
                "unitHint", "受理派出所", "incidentNo", "J" + u));
        return body;
    }

    private Map<String, Object> withComplainant(Map<String, Object> body, String field, String value) {
        @SuppressWarnings("unchecked")
        Map<String, Object> complainant = new HashMap<>((Map<String, Object>) body.get("complainant"));
        complainant.put(field, value);
        body.put("complainant", complainant);
        return body;
    }

    private long rows(String ticketNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM intake WHERE ticket_no = ?", Long.class, ticketNo);
    }

    private static List<String> fields(Http.Response response) {
        List<String> fields = new ArrayList<>();
        response.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    @Test
    void shouldReceiveATicketOnceAndAnswerWithTheComplainantMasked() {
        String ticketNo = "T" + u;
        Http.Response created = fx.as(machine).postJson("/api/intake", ticket(ticketNo, "民警出警不及时，态度恶劣"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode intake = created.json();
        long id = intake.path("id").asLong();
        assertThat(created.headers().get("Location")).anySatisfy(l -> assertThat(l).endsWith("/api/intake/" + id));
        assertThat(intake.path("status").asText()).isEqualTo("PENDING_TRIAGE");
        assertThat(intake.path("source").asText()).isEqualTo("HOTLINE_12345");
        assertThat(intake.path("ticketNo").asText()).isEqualTo(ticketNo);
        assertThat(intake.path("receivedAt").asText()).isEqualTo("2026-01-05T09:30:00+08:00");
        assertThat(intake.path("content").asText()).isEqualTo("民警出警不及时，态度恶劣");
        assertThat(intake.path("complainant").path("name").asText()).isEqualTo("张**");
        assertThat(intake.path("complainant").path("phone").asText())
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(intake.path("complainant").path("idNumber").asText()).isEqualTo("1101**********002X");
        assertThat(intake.path("incidentNo").asText()).isEqualTo("J" + u);
        assertThat(intake.path("createdBy").asText()).isEqualTo(machine);
        assertThat(intake.path("createdAt").isMissingNode()).isFalse();
        assertThat(created.body()).doesNotContain(phone).doesNotContain(ID_NUMBER).doesNotContain("张三丰");

        Http.Response again = fx.as(legal).postJson("/api/intake", ticket(ticketNo, "民警出警不及时，态度恶劣"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("id").asLong()).isEqualTo(id);
        assertThat(rows(ticketNo)).isEqualTo(1);

        Http.Response conflict = fx.as(machine).postJson("/api/intake", ticket(ticketNo, "另一件事"));
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        assertThat(conflict.json().path("detail").asText()).contains("工单号").contains(ticketNo);
        assertThat(rows(ticketNo)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT content FROM intake WHERE id = ?", String.class, id))
                .isEqualTo("民警出警不及时，态度恶劣");

        Http.Response read = fx.as(legal).get("/api/intake/" + id);
        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.json().path("complainant").path("phone").asText()).contains("****");
        assertThat(read.body()).doesNotContain(phone);
        Http.Response list = fx.as(machine).get("/api/intake?status=PENDING_TRIAGE&source=HOTLINE_12345&size=200");
        assertThat(list.status()).as(list.body()).isEqualTo(200);
        assertThat(list.json().path("total").asLong()).isPositive();
        assertThat(list.json().path("items").findValuesAsText("ticketNo")).contains(ticketNo);
        assertThat(list.body()).doesNotContain(phone);
        assertThat(admin().get("/api/intake/" + Long.MAX_VALUE).status()).isEqualTo(404);
        assertThat(admin().get("/api/intake?status=NONSENSE").status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseBadInputNamingTheFieldAndStoreNothing() {
        String inactive = "OLD" + u;
        Http.Response closed = admin().putJson("/api/admin/sources/" + inactive,
                Map.of("name", "停用渠道" + u, "kind", "HOTLINE", "active", false));
        assertThat(closed.status()).as(closed.body()).isIn(200, 201);
        String ticketNo = "B" + u;
        Map<String, Map<String, Object>> cases = Map.of(
                "complainant.phone", withComplainant(ticket(ticketNo, "x"), "phone", "12812345678"),
                "complainant.idNumber", withComplainant(ticket(ticketNo, "x"), "idNumber", "110105194912310021"));
        cases.forEach((field, body) -> {
            Http.Response response = fx.as(machine).postJson("/api/intake", body);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(fields(response)).containsExactly(field);
            assertThat(response.body()).doesNotContain("12812345678").doesNotContain("110105194912310021");
        });
        for (String source : List.of(inactive, "NO_SUCH_CHANNEL")) {
            Map<String, Object> body = ticket(ticketNo, "x");
            body.put("source", source);
            Http.Response response = fx.as(machine).postJson("/api/intake", body);
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(fields(response)).containsExactly("source");
            assertThat(response.json().path("detail").asText()).contains(source.equals(inactive) ? "已停用" : "未知");
        }
        Map<String, Object> future = ticket(ticketNo, "x");
        future.put("receivedAt", "2999-01-01T00:00:00+08:00");
        assertThat(fields(fx.as(machine).postJson("/api/intake", future))).containsExactly("receivedAt");
        assertThat(rows(ticketNo)).isZero();
    }

    @Test
    void shouldKeepThePhoneAndIdNumberOutOfEveryColumnInClear() {
        Http.Response created = fx.as(machine).postJson("/api/intake", ticket("P" + u, "接警后未回电"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        List<String> textColumns = new ArrayList<>();
        List<String> allColumns = new ArrayList<>();
        jdbc.query("SELECT * FROM intake WHERE 1 = 0", (ResultSetExtractor<Void>) rs -> {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                allColumns.add(meta.getColumnName(i));
                if (Set.of(Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.CLOB, Types.NVARCHAR)
                        .contains(meta.getColumnType(i))) {
                    textColumns.add(meta.getColumnName(i));
                }
            }
            return null;
        });
        assertThat(textColumns).hasSizeGreaterThan(8);
        for (String column : textColumns) {
            for (String clear : List.of(phone, phone.substring(3), "49123100", "张三丰")) {
                Long hits = jdbc.queryForObject("SELECT COUNT(*) FROM intake WHERE " + column + " LIKE ?", Long.class,
                        "%" + clear + "%");
                assertThat(hits).as(column + " holds personal data in clear").isZero();
            }
        }
        // and no column of any type, read back as text
        jdbc.queryForList("SELECT * FROM intake").forEach(row -> row.forEach((column, value) ->
                assertThat(String.valueOf(value)).as(column).doesNotContain(phone.substring(3))
                        .doesNotContain("49123100")));
        assertThat(allColumns).hasSizeGreaterThanOrEqualTo(textColumns.size());
        assertThat(jdbc.queryForObject("SELECT complainant_phone FROM intake WHERE ticket_no = ?", String.class,
                "P" + u)).startsWith("v1:");
    }

    @Test
    void shouldConfineTheMachineAccountToIntakeAndRefuseAUnitOfficer() {
        assertThat(fx.as(machine).get("/api/intake").status()).isEqualTo(200);
        for (String path : List.of("/api/problems", "/api/reference/sources", "/api/org/units", "/api/dashboard",
                "/api/reports", "/engine-rest/task", "/engine-rest/engine", "/v3/api-docs")) {
            Http.Response response = fx.as(machine).get(path);
            assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(403);
        }
        Http.Response engine = fx.as(machine).postJson("/engine-rest/task", Map.of());
        assertThat(engine.status()).as(engine.body()).isEqualTo(403);
        Http.Response problem = fx.as(machine).postJson("/api/problems",
                Fixtures.problem("HOTLINE_12345", "IS" + u, null, "接口账号登记问题", "测试"));
        assertThat(problem.status()).as(problem.body()).isEqualTo(403);

        Http.Response byOfficer = fx.as(officer).postJson("/api/intake", ticket("O" + u, "x"));
        assertThat(byOfficer.status()).as(byOfficer.body()).isEqualTo(403);
        assertThat(fx.as(officer).get("/api/intake").status()).isEqualTo(403);
        assertThat(rows("O" + u)).isZero();
        assertThat(fx.as(legal).postJson("/api/intake", ticket("L" + u, "法制员录入")).status()).isEqualTo(201);
    }

    // ---- the CSV import (POST /api/intake/import) -------------------------------------------

    private static final String PATH = "/api/intake/import";
    private static final Charset GBK = Charset.forName("GBK");

    /** The contract's order of the columns. */
    private static final String HEADER = "source,ticketNo,receivedAt,content,complainantName,complainantPhone,"
            + "complainantIdNumber,unitHint,incidentNo,caseNo\n";

    private String row(String ticketNo, String content) {
        return "HOTLINE_12345," + ticketNo + ",2026-01-05T09:30:00+08:00," + content + ",王小明," + phone + ","
                + ID_NUMBER + ",受理派出所,J" + u + ",\n";
    }

    private long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM intake", Long.class);
    }

    private static List<String> named(Http.Response response) {
        List<String> named = new ArrayList<>();
        response.json().path("errors").forEach(e -> named.add(e.path("line").canConvertToInt()
                ? e.path("line").asInt() + " " + e.path("field").asText() : e.path("field").asText()));
        return named;
    }

    private static byte[] withBom(String text) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        all.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        return all.toByteArray();
    }

    @Test
    void shouldImportGbkAndUtf8WithBomInAnyColumnOrderAndCreateNothingTheSecondTime() {
        byte[] gbk = (HEADER + row("G1" + u, "民警出警不及时") + row("G2" + u, "接警后未回电")).getBytes(GBK);
        Http.Response first = fx.as(machine).postRaw(PATH, "text/csv", gbk);

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        JsonNode summary = first.json();
        assertThat(summary.path("rows").asInt()).isEqualTo(2);
        assertThat(summary.path("created").asInt()).isEqualTo(2);
        assertThat(summary.path("duplicates").asInt()).isZero();
        assertThat(summary.path("intakes").findValuesAsText("ticketNo")).containsExactly("G1" + u, "G2" + u);
        assertThat(summary.path("intakes").findValuesAsText("line")).containsExactly("2", "3");
        assertThat(summary.path("intakes").findValuesAsText("source")).containsOnly("HOTLINE_12345");
        assertThat(first.body()).doesNotContain(phone).doesNotContain(ID_NUMBER).doesNotContain("王小明");
        long id = summary.path("intakes").get(0).path("id").asLong();
        JsonNode stored = fx.as(legal).get("/api/intake/" + id).json();
        assertThat(stored.path("content").asText()).isEqualTo("民警出警不及时");
        assertThat(stored.path("unitHint").asText()).isEqualTo("受理派出所");
        assertThat(stored.path("complainant").path("name").asText()).isEqualTo("王**");
        assertThat(stored.path("complainant").path("phone").asText())
                .isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(stored.path("createdBy").asText()).isEqualTo(machine);

        // the same file again: nothing new, the stored intakes
        long before = count();
        Http.Response again = fx.as(legal).postRaw(PATH, "text/csv", gbk);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().path("created").asInt()).isZero();
        assertThat(again.json().path("duplicates").asInt()).isEqualTo(2);
        assertThat(again.json().path("intakes").findValuesAsText("id"))
                .isEqualTo(summary.path("intakes").findValuesAsText("id"));
        assertThat(again.json().path("intakes").findValuesAsText("created")).containsOnly("false");
        assertThat(count()).isEqualTo(before);

        // UTF-8 with BOM, columns in another order and case, optional ones left out; one
        // ticket twice with the same content (one intake), one stored above (a duplicate)
        String bomCsv = "Content,TicketNo,complainantPhone,receivedAt,SOURCE\n"
                + "\"多行\n内容，含逗号和\"\"引号\"\"\",B1" + u + "," + phone + ",2026-01-06T10:00:00,HOTLINE_12345\n"
                + "\"多行\n内容，含逗号和\"\"引号\"\"\",B1" + u + ",,2026-01-06T10:00:00,HOTLINE_12345\n"
                + "民警出警不及时,G1" + u + ",,2026-01-05T09:30:00+08:00,HOTLINE_12345\n";
        Http.Response bom = fx.as(legal).postRaw(PATH, "text/csv", withBom(bomCsv));
        assertThat(bom.status()).as(bom.body()).isEqualTo(201);
        assertThat(bom.json().path("rows").asInt()).isEqualTo(3);
        assertThat(bom.json().path("created").asInt()).isEqualTo(1);
        assertThat(bom.json().path("duplicates").asInt()).isEqualTo(2);
        JsonNode intakes = bom.json().path("intakes");
        assertThat(intakes.findValuesAsText("line")).containsExactly("2", "4", "6");
        assertThat(intakes.get(1).path("id").asLong()).isEqualTo(intakes.get(0).path("id").asLong());
        assertThat(intakes.get(2).path("id").asLong()).isEqualTo(id);
        assertThat(rows("B1" + u)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT content FROM intake WHERE ticket_no = ?", String.class, "B1" + u))
                .isEqualTo("多行\n内容，含逗号和\"引号\"");
        assertThat(count()).isEqualTo(before + 1);
    }

    @Test
    void shouldRefuseTheWholeFileNamingLineAndColumnOfABadPhone() {
        long before = count();
        String csv = HEADER + row("P1" + u, "一") + row("P2" + u, "二") + row("P3" + u, "三").replace(phone, "12812345678")
                + row("P4" + u, "四");
        Http.Response response = fx.as(machine).postCsv(PATH, csv);

        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(named(response)).containsExactly("4 complainantPhone");
        assertThat(response.json().path("detail").asText()).contains("第4行").contains("complainantPhone");
        assertThat(response.body()).doesNotContain("12812345678").doesNotContain(phone);
        assertThat(count()).isEqualTo(before);

        // an id number failing its check digit, an inactive and an unknown channel: each named
        String inactive = "IMPOLD" + u;
        assertThat(admin().putJson("/api/admin/sources/" + inactive, Map.of("name", "停用渠道" + u, "kind", "HOTLINE",
                "active", false)).status()).isIn(200, 201);
        String many = HEADER + row("Q1" + u, "一").replace(ID_NUMBER, "110105194912310021")
                + row("Q2" + u, "二").replace("HOTLINE_12345", inactive)
                + row("Q3" + u, "三").replace("HOTLINE_12345", "NO_SUCH_CHANNEL")
                + row("Q4" + u, "四") + row("Q4" + u, "另一件事");
        Http.Response all = fx.as(machine).postCsv(PATH, many);
        assertThat(all.status()).as(all.body()).isEqualTo(400);
        assertThat(named(all)).containsExactly("2 complainantIdNumber", "3 source", "4 source", "6 ticketNo");
        assertThat(all.json().path("errors").get(3).path("message").asText()).contains("第5行").contains("第6行");
        assertThat(all.body()).doesNotContain("110105194912310021");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void shouldRefuseContentOtherThanTheStoredTicketsWith409AndStoreNothing() {
        Http.Response stored = fx.as(machine).postJson("/api/intake", Map.of("source", "HOTLINE_12345",
                "ticketNo", "C1" + u, "receivedAt", "2026-01-05T09:30:00+08:00", "content", "原来的诉求"));
        assertThat(stored.status()).as(stored.body()).isEqualTo(201);
        long before = count();

        Http.Response conflict = fx.as(machine).postCsv(PATH, HEADER + row("C2" + u, "新诉求")
                + row("C1" + u, "另一件事"));
        assertThat(conflict.status()).as(conflict.body()).isEqualTo(409);
        assertThat(conflict.json().path("detail").asText()).contains("第3行").contains("C1" + u)
                .contains("未导入任何数据");
        assertThat(count()).isEqualTo(before);
        assertThat(rows("C2" + u)).isZero();
        assertThat(jdbc.queryForObject("SELECT content FROM intake WHERE ticket_no = ?", String.class, "C1" + u))
                .isEqualTo("原来的诉求");
    }

    @Test
    void shouldRefuseUnknownAndMissingColumnsNamingThem() {
        long before = count();
        Http.Response unknown = fx.as(machine).postCsv(PATH, HEADER.replace("\n", ",phone\n")
                + row("U1" + u, "一").replace("\n", ",13812345678\n"));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(named(unknown)).containsExactly("1 phone");

        Http.Response missing = fx.as(machine).postCsv(PATH, "source,ticketNo,content\nHOTLINE_12345,U2" + u + ",x\n");
        assertThat(missing.status()).as(missing.body()).isEqualTo(400);
        assertThat(named(missing)).containsExactly("1 receivedAt");
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void shouldLetTheApisCallersImportCsvAndRefuseAUnitOfficer() {
        Http.Response byOfficer = fx.as(officer).postCsv(PATH, HEADER + row("R1" + u, "派出所民警导入"));
        assertThat(byOfficer.status()).as(byOfficer.body()).isEqualTo(403);
        assertThat(rows("R1" + u)).isZero();
        assertThat(anonymous().postCsv(PATH, HEADER + row("R1" + u, "匿名导入")).status()).isEqualTo(401);
        assertThat(rows("R1" + u)).isZero();

        assertThat(fx.as(machine).postCsv(PATH, HEADER + row("R2" + u, "接口账号导入")).status()).isEqualTo(201);
        assertThat(fx.as(legal).postCsv(PATH, HEADER + row("R3" + u, "法制员导入")).status()).isEqualTo(201);
        assertThat(admin().postCsv(PATH, HEADER + row("R4" + u, "管理员导入")).status()).isEqualTo(201);
        assertThat(rows("R2" + u) + rows("R3" + u) + rows("R4" + u)).isEqualTo(3);
    }

    @Test
    void shouldKeepAnImportedPhoneAndIdNumberOutOfTheIntakeTableInClear() {
        Http.Response imported = fx.as(machine).postCsv(PATH, HEADER + row("E1" + u, "加密检查"));
        assertThat(imported.status()).as(imported.body()).isEqualTo(201);

        jdbc.queryForList("SELECT * FROM intake WHERE ticket_no = ?", "E1" + u).forEach(row -> row.forEach(
                (column, value) -> assertThat(String.valueOf(value)).as(column).doesNotContain(phone.substring(3))
                        .doesNotContain("49123100").doesNotContain("王小明")));
        assertThat(jdbc.queryForObject("SELECT complainant_phone FROM intake WHERE ticket_no = ?", String.class,
                "E1" + u)).startsWith("v1:");
    }
}
