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
}
