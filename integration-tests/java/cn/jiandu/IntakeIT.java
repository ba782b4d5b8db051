package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

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
 * intake and nothing else, a unit's officer not even intake.
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
}
