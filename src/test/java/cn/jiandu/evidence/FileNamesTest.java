package cn.jiandu.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void shouldKeepOnlyTheLastSegmentOfAPath() {
        assertThat(FileNames.clean("../../etc/passwd.pdf")).isEqualTo("passwd.pdf");
        assertThat(FileNames.clean("C:\\Users\\民警\\整改报告.docx")).isEqualTo("整改报告.docx");
        assertThat(FileNames.clean("a/b\\c/现场照片.jpg")).isEqualTo("现场照片.jpg");
    }

    @Test
    void shouldStripControlAndBidiCharacters() {
        assertThat(FileNames.clean("report\r\n.pdf")).isEqualTo("report.pdf");
        assertThat(FileNames.clean("a\u0000b\u0007c.pdf")).isEqualTo("abc.pdf");
        // "exe.pdf" shown right to left would read as a PDF
        assertThat(FileNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(FileNames.clean("a\u2066b\u2069\u200F.pdf")).isEqualTo("ab.pdf");
        assertThat(FileNames.clean("bad\uD800.pdf")).isEqualTo("bad.pdf");
    }

    @Test
    void shouldCapTheNameAt200Characters() {
        String cleaned = FileNames.clean("长".repeat(300) + ".pdf");

        assertThat(cleaned).hasSize(200).isEqualTo("长".repeat(200));
    }

    @Test
    void shouldNotSplitASurrogatePairWhenCapping() {
        String cleaned = FileNames.clean("a".repeat(199) + "😀😀");

        assertThat(cleaned).isEqualTo("a".repeat(199));
    }

    @Test
    void shouldFallBackToFileWhenNothingIsLeft() {
        assertThat(FileNames.clean(null)).isEqualTo("file");
        assertThat(FileNames.clean("")).isEqualTo("file");
        assertThat(FileNames.clean("dir/")).isEqualTo("file");
        assertThat(FileNames.clean("\u0001\u202E ")).isEqualTo("file");
        assertThat(FileNames.clean("..")).isEqualTo("file");
    }

    @Test
    void shouldGiveAnAsciiFallbackAndTheUtf8NameForTheDownload() {
        String header = FileNames.attachment("整改 \"报告\";1.pdf");

        assertThat(header).isEqualTo("attachment; filename=\"__ ____;1.pdf\"; "
                + "filename*=UTF-8''%E6%95%B4%E6%94%B9%20%22%E6%8A%A5%E5%91%8A%22%3B1.pdf");
        assertThat(header).doesNotContain("\r", "\n");
    }
}
