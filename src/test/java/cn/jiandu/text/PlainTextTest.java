package cn.jiandu.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PlainTextTest {

    @Test
    void shouldAcceptChineseTextPunctuationAndEmoji() {
        assertThat(PlainText.isSingleLine("城关派出所：受案回执未开具（第3次）<script>'\"")).isTrue();
        assertThat(PlainText.isSingleLine("民警😀")).as("a surrogate pair is one character").isTrue();
        assertThat(PlainText.isMultiLine("第一行\r\n第二行\t缩进")).isTrue();
        assertThat(PlainText.isSingleLine(null)).isTrue();
    }

    @Test
    void shouldRefuseControlCharactersBrokenUnicodeAndBidiOverrides() {
        assertThat(PlainText.isSingleLine("a\u0000b")).isFalse();
        assertThat(PlainText.isSingleLine("a\u0007b")).isFalse();
        assertThat(PlainText.isSingleLine("a\nb")).as("a title is one line").isFalse();
        assertThat(PlainText.isSingleLine("a\u0085b")).as("C1 control").isFalse();
        assertThat(PlainText.isSingleLine("a\ud800b")).as("lone high surrogate").isFalse();
        assertThat(PlainText.isSingleLine("a\udc00")).as("lone low surrogate").isFalse();
        assertThat(PlainText.isSingleLine("invoice\u202Etxt.exe")).as("right-to-left override").isFalse();
        assertThat(PlainText.isSingleLine("a\u2066b")).as("isolate").isFalse();
        assertThat(PlainText.isMultiLine("a\u001b[31mb")).as("terminal escape").isFalse();
        assertThat(PlainText.isMultiLine("a\u007fb")).isFalse();
        assertThat(PlainText.isMultiLine("a\ud800b")).isFalse();
    }
}
