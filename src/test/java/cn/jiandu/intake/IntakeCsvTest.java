package cn.jiandu.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.jiandu.problem.Channel;
import cn.jiandu.problem.SourceKind;
import cn.jiandu.text.CsvInput;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

class IntakeCsvTest {

    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    private static final Map<String, Channel> CHANNELS = Map.of(
            "HOTLINE_12345", new Channel("HOTLINE_12345", "12345热线", SourceKind.HOTLINE, true, true),
            "OLD", new Channel("OLD", "旧渠道", SourceKind.OTHER, false, false));
    private static final String HEADER = "source,ticketNo,receivedAt,content,complainantName,complainantPhone,"
            + "complainantIdNumber,unitHint,incidentNo,caseNo\n";
    private static final String ROW = "HOTLINE_12345,T-1,2026-03-10T09:30:00+08:00,出警不及时,张三,13812345678,"
            + "11010519491231002X,城关派出所,J1,\n";

    private static List<IntakeCsv.Line> read(byte[] bytes, String contentType) {
        CsvInput csv = CsvInput.openDetecting(new ByteArrayInputStream(bytes), contentType, IntakeImporter.MAX_BYTES);
        return IntakeCsv.read(csv, code -> Optional.ofNullable(CHANNELS.get(code)), NOW);
    }

    private static List<IntakeCsv.Line> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    private static List<String> errors(byte[] bytes, String contentType) {
        try {
            read(bytes, contentType);
        } catch (InvalidInputException e) {
            return e.errors().stream().map(IntakeCsvTest::named).toList();
        }
        throw new AssertionError("accepted");
    }

    private static List<String> errors(String text) {
        return errors(text.getBytes(StandardCharsets.UTF_8), "text/csv");
    }

    /** "4 complainantPhone": the line and the column. */
    private static String named(InputError e) {
        return e.line() == null ? e.field() : e.line() + " " + e.field();
    }

    private static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    @Test
    void shouldReadEveryColumnAsTheApiWouldAndEmptyOptionalCellsAsNothing() {
        List<IntakeCsv.Line> lines = read(HEADER + ROW);

        assertThat(lines).hasSize(1);
        IntakeCsv.Line line = lines.get(0);
        assertThat(line.line()).isEqualTo(2);
        assertThat(line.firstLine()).isNull();
        assertThat(line.request().complainant().phone()).isEqualTo("13812345678");
        assertThat(line.checked().source()).isEqualTo("HOTLINE_12345");
        assertThat(line.checked().ticketNo()).isEqualTo("T-1");
        assertThat(line.checked().receivedAt()).isEqualTo(Instant.parse("2026-03-10T01:30:00Z"));
        assertThat(line.checked().content()).isEqualTo("出警不及时");
        assertThat(line.checked().idNumber()).isEqualTo("11010519491231002X");
        assertThat(line.checked().unitHint()).isEqualTo("城关派出所");
        assertThat(line.checked().incidentNo()).isEqualTo("J1");
        assertThat(line.checked().caseNo()).isNull();
    }

    @Test
    void shouldTakeColumnsInAnyOrderAnyCaseAndLeaveOptionalColumnsOut() {
        List<IntakeCsv.Line> lines = read("CONTENT, ReceivedAt ,ticketno,Source\n"
                + "\"内容，带逗号和\"\"引号\"\"\n第二行\",2026-03-10T09:30:00,T-2,HOTLINE_12345\n");

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.checked().content()).isEqualTo("内容，带逗号和\"引号\"\n第二行");
            assertThat(line.checked().ticketNo()).isEqualTo("T-2");
            assertThat(line.checked().phone()).isNull();
            assertThat(line.checked().name()).isNull();
        });
    }

    @Test
    void shouldDetectGbkAndUtf8WithBom() {
        byte[] gbk = (HEADER + ROW).getBytes(Charset.forName("GBK"));
        assertThat(read(gbk, "text/csv").get(0).checked().content()).isEqualTo("出警不及时");
        assertThat(read(gbk, null).get(0).checked().unitHint()).isEqualTo("城关派出所");

        byte[] bom = bytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                ("content,source,ticketNo,receivedAt\n民警态度差,HOTLINE_12345,T-3,2026-03-10T09:30:00\n")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(read(bom, "text/csv").get(0).checked().content()).isEqualTo("民警态度差");
        // the BOM is no part of the first column's name even when a charset is named
        assertThat(read(bom, "text/csv;charset=GBK").get(0).checked().content()).isEqualTo("民警态度差");
    }

    @Test
    void shouldReportGbkDeclaredAsUtf8NamingTheLineAndColumn() {
        byte[] bad = bytes((HEADER + ROW).getBytes(StandardCharsets.UTF_8),
                ROW.replace("T-1", "T-9").replace("张三", "").replace("城关派出所", "")
                        .getBytes(Charset.forName("GBK")));

        assertThat(errors(bad, "text/csv;charset=UTF-8")).containsExactly("3 content");
    }

    @Test
    void shouldNameTheLineAndColumnOfEveryBadCellWithoutRepeatingPersonalData() {
        String csv = HEADER + ROW
                + ROW.replace("T-1", "T-2")
                + ROW.replace("T-1", "T-3")
                + ROW.replace("T-1", "T-4").replace("13812345678", "12812345678")
                + ROW.replace("T-1", "T-5").replace("11010519491231002X", "110105194912310021")
                + ROW.replace("T-1", "T-6").replace("HOTLINE_12345", "OLD")
                + ROW.replace("T-1", "T-7").replace("HOTLINE_12345", "NO_SUCH")
                + ROW.replace("T-1", "").replace("出警不及时", "");
        try {
            read(csv);
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            assertThat(e.errors().stream().map(IntakeCsvTest::named)).containsExactly("5 complainantPhone",
                    "6 complainantIdNumber", "7 source", "8 source", "9 ticketNo", "9 content");
            assertThat(e.getMessage()).startsWith("第5行 complainantPhone");
            assertThat(e.errors().toString()).doesNotContain("12812345678").doesNotContain("110105194912310021");
        }
    }

    @Test
    void shouldTreatTheSameTicketTwiceAsOneWithTheSameContentAndRefuseItWithOther() {
        List<IntakeCsv.Line> lines = read(HEADER + ROW + ROW.replace("张三", "李四"));
        assertThat(lines).extracting(IntakeCsv.Line::line).containsExactly(2, 3);
        assertThat(lines.get(1).firstLine()).isEqualTo(2);

        try {
            read(HEADER + ROW + ROW.replace("T-1", "T-2") + ROW.replace("出警不及时", "另一件事"));
            throw new AssertionError("accepted");
        } catch (InvalidInputException e) {
            assertThat(e.errors()).singleElement().satisfies(error -> {
                assertThat(named(error)).isEqualTo("4 ticketNo");
                assertThat(error.message()).contains("第2行").contains("第4行");
            });
        }
    }

    @Test
    void shouldRefuseUnknownRepeatedUnnamedAndMissingColumnsOnLineOne() {
        assertThat(errors("source,ticketNo,receivedAt,content,phone\n")).containsExactly("1 phone");
        assertThat(errors("source,ticketNo,receivedAt,content,Source\n")).containsExactly("1 source");
        assertThat(errors("source,ticketNo,receivedAt,content,\n")).containsExactly("1 第5列");
        assertThat(errors("ticketNo,content\nT,x\n")).containsExactly("1 source", "1 receivedAt");
        assertThat(errors("")).containsExactly("1 source", "1 ticketNo", "1 receivedAt", "1 content");
    }

    @Test
    void shouldNameTheLineOfAnUnclosedQuoteAndOfMultiLineCells() {
        List<IntakeCsv.Line> lines = read(HEADER + ROW.replace("出警不及时", "\"两行\n内容\"") + ROW.replace("T-1", "T-2"));
        assertThat(lines).extracting(IntakeCsv.Line::line).containsExactly(2, 4);

        assertThat(errors(HEADER + ROW + ROW.replace("T-1", "T-2").replace("出警不及时", "\"未闭合")))
                .containsExactly("3 row");
    }

    @Test
    void shouldRefuseMoreRowsThanTheLimitAndCapTheErrorsListed() {
        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i <= IntakeCsv.MAX_ROWS; i++) {
            many.append(ROW.replace("T-1", "T-" + i));
        }
        assertThat(errors(many.toString())).containsExactly((IntakeCsv.MAX_ROWS + 2) + " row");

        StringBuilder bad = new StringBuilder(HEADER);
        for (int i = 0; i < IntakeCsv.MAX_ERRORS + 5; i++) {
            bad.append(ROW.replace("T-1", "T-" + i).replace("13812345678", "12812345678"));
        }
        List<String> named = errors(bad.toString());
        assertThat(named).hasSize(IntakeCsv.MAX_ERRORS + 1).startsWith("2 complainantPhone").endsWith("body");
    }

    @Test
    void shouldRefuseAFileOverTheSizeLimitNamingTheBody() {
        byte[] big = new byte[IntakeImporter.MAX_BYTES + 1];
        java.util.Arrays.fill(big, (byte) 'a');
        assertThat(errors(big, "text/csv")).containsExactly("body");
    }
}
