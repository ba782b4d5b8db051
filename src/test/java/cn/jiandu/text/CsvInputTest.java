package cn.jiandu.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

class CsvInputTest {

    private static CsvInput csv(byte[] bytes, String contentType) {
        return CsvInput.open(new ByteArrayInputStream(bytes), contentType);
    }

    @Test
    void shouldReadColumnsInAnyOrderSkippingTheBom() {
        byte[] bytes = "\uFEFF Name ,CODE\n城关派出所,CGPCS\n".getBytes(StandardCharsets.UTF_8);
        List<CsvInput.Row> rows = new ArrayList<>();
        csv(bytes, "text/csv").forEach(rows::add);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("code")).isEqualTo("CGPCS");
        assertThat(rows.get(0).get("name")).isEqualTo("城关派出所");
        assertThat(rows.get(0).line()).isEqualTo(2);
    }

    @Test
    void shouldDecodeGbkWhenTheContentTypeSaysSo() {
        byte[] bytes = "code,name\nDG,东关派出所\n".getBytes(Charset.forName("GBK"));
        CsvInput input = csv(bytes, "text/csv;charset=GBK");
        assertThat(input.iterator().next().get("name")).isEqualTo("东关派出所");
        assertThat(input.encodingErrors()).isEmpty();
    }

    @Test
    void shouldReportTheLineOfBytesThatAreNotUtf8() {
        byte[] head = "code,name\nA,ok\nB,ok\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "C,东关\n".getBytes(Charset.forName("GBK"));
        byte[] bytes = new byte[head.length + bad.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(bad, 0, bytes, head.length, bad.length);
        CsvInput input = csv(bytes, "text/csv");
        input.forEach(row -> { });
        assertThat(input.encodingErrors()).extracting(InputError::line).containsExactly(4);
        assertThat(input.encodingErrors()).extracting(InputError::field).containsExactly("name");
    }

    @Test
    void shouldCountLinesOfQuotedMultiLineCells() {
        byte[] bytes = "code,name\nA,\"第一行\n第二行\"\nB,x\n".getBytes(StandardCharsets.UTF_8);
        List<Integer> lines = new ArrayList<>();
        csv(bytes, "text/csv").forEach(r -> lines.add(r.line()));
        assertThat(lines).containsExactly(2, 4);
    }

    @Test
    void shouldNameMissingColumnsAndBadValues() {
        CsvInput input = csv("code\nX\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThatThrownBy(() -> input.requireColumns(List.of("code", "kind")))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).errors())
                        .containsExactly(new InputError(1, "kind", "缺少列: kind")));

        List<InputError> errors = new ArrayList<>();
        CsvInput.Row row = csv("flag,kind\nmaybe,PLANET\n".getBytes(StandardCharsets.UTF_8), "text/csv").iterator().next();
        assertThat(row.getBoolean("flag", errors)).isNull();
        assertThat(row.getEnum("kind", java.time.DayOfWeek.class, errors)).isNull();
        assertThat(errors).extracting(InputError::field).containsExactly("flag", "kind");
    }

    @Test
    void shouldRefuseAnUnknownCharset() {
        assertThatThrownBy(() -> csv(new byte[0], "text/csv;charset=KLINGON"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("charset");
    }

    @Test
    void shouldDetectUtf8GbkAndTheBomWhenNoCharsetIsNamed() {
        byte[] utf8 = "code,name\nDG,东关派出所\n".getBytes(StandardCharsets.UTF_8);
        byte[] gbk = "code,name\nDG,东关派出所\n".getBytes(Charset.forName("GBK"));
        byte[] bom = ("\uFEFF" + "code,name\nDG,东关派出所\n").getBytes(StandardCharsets.UTF_8);
        byte[] garbage = {(byte) 0xFF, (byte) 0xFE, (byte) 0x80, (byte) 0xFF};

        assertThat(CsvInput.detect(utf8, "text/csv")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvInput.detect(gbk, "text/csv")).isEqualTo(Charset.forName("GBK"));
        assertThat(CsvInput.detect(gbk, null)).isEqualTo(Charset.forName("GBK"));
        assertThat(CsvInput.detect(gbk, "text/csv;charset=UTF-8")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvInput.detect(bom, "text/csv;charset=GBK")).isEqualTo(StandardCharsets.UTF_8);
        assertThat(CsvInput.detect(garbage, "text/csv")).isEqualTo(StandardCharsets.UTF_8);
        for (byte[] bytes : List.of(utf8, gbk, bom)) {
            CsvInput input = CsvInput.openDetecting(new ByteArrayInputStream(bytes), "text/csv", 1024);
            assertThat(input.header()).containsExactly("code", "name");
            assertThat(input.iterator().next().get("name")).isEqualTo("东关派出所");
            assertThat(input.encodingErrors()).isEmpty();
        }
    }

    @Test
    void shouldRefuseAnUploadOverTheLimitNamingTheBody() {
        assertThatThrownBy(() -> CsvInput.openDetecting(new ByteArrayInputStream(new byte[1025]), "text/csv", 1024))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.errors()).extracting(InputError::field).containsExactly("body"));
    }

    @Test
    void shouldGiveTheHeaderAsTypedWithRepeatsAndBlanks() {
        CsvInput input = csv(" Code ,name,code,\n".getBytes(StandardCharsets.UTF_8), "text/csv");
        assertThat(input.header()).containsExactly("Code", "name", "code", "");
    }
}
