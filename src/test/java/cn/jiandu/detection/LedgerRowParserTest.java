package cn.jiandu.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonFactory;
import org.junit.jupiter.api.Test;

import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/** Reading ledger uploads (CSV and JSON) into records, and every bad cell of a row. */
class LedgerRowParserTest {

    private static final Set<String> UNITS = Set.of("CGPCS", "XHLPCS");

    private static List<LedgerInput.Row> csv(String text, LedgerKind kind) {
        return csv(text.getBytes(StandardCharsets.UTF_8), "text/csv", kind);
    }

    private static List<LedgerInput.Row> csv(byte[] bytes, String contentType, LedgerKind kind) {
        List<LedgerInput.Row> rows = new ArrayList<>();
        LedgerInput.csv(new ByteArrayInputStream(bytes), contentType, kind.requiredColumns()).forEach(rows::add);
        return rows;
    }

    private static List<LedgerInput.Row> json(String text) {
        return json(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<LedgerInput.Row> json(byte[] bytes) {
        List<LedgerInput.Row> rows = new ArrayList<>();
        LedgerInput.json(new ByteArrayInputStream(bytes), "application/json", new JsonFactory()).forEach(rows::add);
        return rows;
    }

    @Test
    void shouldReadAnIncidentWithColumnsInAnyOrder() {
        List<LedgerInput.Row> rows = csv("\uFEFFsummary,received_at,CATEGORY,unit_code,incident_no,diverted_at\n"
                + "盗窃自行车,2026-03-01T08:30:00,刑事,CGPCS,J001,\n", LedgerKind.INCIDENTS);
        List<InputError> errors = new ArrayList<>();
        LedgerRecord.Incident incident = (LedgerRecord.Incident) new LedgerRowParser(LedgerKind.INCIDENTS, UNITS)
                .parse(rows.get(0), errors);
        assertThat(errors).isEmpty();
        assertThat(incident.line()).isEqualTo(2);
        assertThat(incident.key()).isEqualTo("J001");
        assertThat(incident.category()).isEqualTo(IncidentCategory.CRIMINAL);
        assertThat(incident.receivedAt()).isEqualTo(Instant.parse("2026-03-01T00:30:00Z"));
        assertThat(incident.divertedAt()).isNull();
        assertThat(incident.summary()).isEqualTo("盗窃自行车");
    }

    @Test
    void shouldNameEveryBadCellOfARow() {
        List<LedgerInput.Row> rows = csv("incident_no,unit_code,category,received_at\n"
                + ",NOWHERE,PICNIC,2026-02-30T08:00:00\n", LedgerKind.INCIDENTS);
        List<InputError> errors = new ArrayList<>();
        assertThat(new LedgerRowParser(LedgerKind.INCIDENTS, UNITS).parse(rows.get(0), errors)).isNull();
        assertThat(errors).extracting(InputError::field)
                .containsExactly("incident_no", "unit_code", "category", "received_at");
        assertThat(errors).extracting(InputError::line).containsOnly(2);
        assertThat(errors.get(2).message()).contains("ADMINISTRATIVE", "CRIMINAL", "OTHER");
    }

    @Test
    void shouldRefuseACsvWithoutARequiredColumn() {
        assertThatThrownBy(() -> csv("case_no,unit_code\nA1,CGPCS\n", LedgerKind.CASES))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.errors()).extracting(InputError::field).containsExactly("category");
                    assertThat(e.errors()).extracting(InputError::line).containsExactly(1);
                });
    }

    @Test
    void shouldReadGbkAndReportBytesThatAreNotUtf8() {
        String text = "measure_no,case_no,type,end_at\nM1,A1,取保候审,2026-09-01T00:00:00\n";
        List<InputError> errors = new ArrayList<>();
        LedgerRowParser parser = new LedgerRowParser(LedgerKind.MEASURES, UNITS);
        LedgerRecord.Measure measure = (LedgerRecord.Measure) parser.parse(
                csv(text.getBytes(Charset.forName("GBK")), "text/csv;charset=GBK", LedgerKind.MEASURES).get(0), errors);
        assertThat(measure.type()).isEqualTo(MeasureType.BAIL);
        assertThat(errors).isEmpty();

        parser.parse(csv(text.getBytes(Charset.forName("GBK")), "text/csv", LedgerKind.MEASURES).get(0), errors);
        assertThat(errors).extracting(InputError::field).containsExactly("type");
        assertThat(errors.get(0).message()).contains("UTF-8");
    }

    @Test
    void shouldReadAJsonArrayOneObjectAtATime() {
        List<LedgerInput.Row> rows = json("[{\"case_no\": \"A1\", \"unit_code\": \"CGPCS\", \"category\": \"ADMINISTRATIVE\","
                + " \"accepted_at\": \"2026-03-01T08:30:00+08:00\", \"receipt_at\": null, \"officer_no\": 500002},"
                + " {\"case_no\": \"A2\", \"unit_code\": \"XHLPCS\", \"category\": \"CRIMINAL\", \"filed_at\": {\"x\": 1}}]");
        assertThat(rows).extracting(LedgerInput.Row::line).containsExactly(1, 2);
        List<InputError> errors = new ArrayList<>();
        LedgerRowParser parser = new LedgerRowParser(LedgerKind.CASES, UNITS);
        LedgerRecord.CaseRecord first = (LedgerRecord.CaseRecord) parser.parse(rows.get(0), errors);
        assertThat(first.officerNo()).isEqualTo("500002");
        assertThat(first.receiptAt()).isNull();
        assertThat(first.acceptedAt()).isEqualTo(Instant.parse("2026-03-01T00:30:00Z"));
        assertThat(parser.parse(rows.get(1), errors)).isNull();
        assertThat(errors).extracting(InputError::line, InputError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "filed_at"));
    }

    @Test
    void shouldRefuseJsonThatIsNoArrayOrBroken() {
        assertThatThrownBy(() -> json("{\"case_no\": \"A1\"}")).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> json("[{\"case_no\": \"A1\"}, {\"case_no\": ]"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors().get(0).line()).isEqualTo(2));
    }

    @Test
    void shouldRefuseJsonWithMoreAfterTheArrayOrBytesThatAreNotUtf8() {
        String valid = "[{\"case_no\": \"A1\"}]";
        assertThat(json("\uFEFF" + valid)).hasSize(1);
        for (String trailing : List.of("x", "[]", "{}", " 1")) {
            assertThatThrownBy(() -> json(valid + trailing)).as(trailing)
                    .isInstanceOfSatisfying(InvalidInputException.class,
                            e -> assertThat(e.errors().get(0).field()).isEqualTo("body"));
        }
        // the overlong C0 AF ("/" to a lenient decoder), a lone continuation byte, GBK sent as UTF-8
        for (byte[] bad : List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0x80},
                "你好".getBytes(Charset.forName("GBK")))) {
            byte[] head = "[{\"case_no\": \"A".getBytes(StandardCharsets.UTF_8);
            byte[] tail = "\"}]".getBytes(StandardCharsets.UTF_8);
            byte[] body = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(bad, 0, body, head.length, bad.length);
            System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
            assertThatThrownBy(() -> json(body)).isInstanceOfSatisfying(InvalidInputException.class,
                    e -> assertThat(e.errors().get(0).message()).contains("字符编码错误", "UTF-8"));
        }
    }

    @Test
    void shouldRefuseControlCharactersBrokenUnicodeAndBidiOverridesInEveryTextCell() {
        LedgerRowParser parser = new LedgerRowParser(LedgerKind.INCIDENTS, UNITS);
        for (String bad : List.of("a\u0000b", "a\u0007b", "a\u001b[31mb", "a\u0085b", "invoice\u202Etxt", "a\ud800b",
                "a\u2066b")) {
            for (String column : List.of("incident_no", "summary")) {
                java.util.Map<String, Object> row = new java.util.LinkedHashMap<>(java.util.Map.of("incident_no", "J1",
                        "unit_code", "CGPCS", "category", "OTHER", "received_at", "2026-03-01T08:30:00",
                        "summary", "摘要"));
                row.put(column, bad);
                String text;
                try {
                    text = new com.fasterxml.jackson.databind.ObjectMapper()
                            .writer().with(com.fasterxml.jackson.core.json.JsonWriteFeature.ESCAPE_NON_ASCII)
                            .writeValueAsString(List.of(row));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
                List<InputError> errors = new ArrayList<>();
                assertThat(parser.parse(json(text).get(0), errors)).as(column + " " + bad).isNull();
                assertThat(errors).as(column + " " + bad).extracting(InputError::line, InputError::field)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, column));
            }
        }
        // a summary may have several lines; a key may not
        List<InputError> errors = new ArrayList<>();
        assertThat(parser.parse(csv("incident_no,unit_code,category,received_at,summary\n"
                + "J2,CGPCS,OTHER,2026-03-01T08:30:00,\"第一行\n第二行\"\n", LedgerKind.INCIDENTS).get(0), errors)).isNotNull();
        assertThat(parser.parse(csv("incident_no,unit_code,category,received_at\n"
                + "\"J\n3\",CGPCS,OTHER,2026-03-01T08:30:00\n", LedgerKind.INCIDENTS).get(0), errors)).isNull();
        assertThat(errors).extracting(InputError::line, InputError::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(2, "incident_no"));
    }
}
