package cn.jiandu.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSnifferTest {

    @TempDir
    Path dir;

    private ContentSniffer.Verdict sniff(String name, byte[] content) throws Exception {
        Path file = dir.resolve(name);
        Files.write(file, content);
        return ContentSniffer.sniff(file);
    }

    @Test
    void shouldRecogniseEveryAcceptedKindByItsContent() throws Exception {
        assertThat(sniff("photo.bin", EvidenceSamples.jpeg()).type()).isEqualTo(EvidenceType.JPEG);
        assertThat(sniff("scan", EvidenceSamples.png()).type()).isEqualTo(EvidenceType.PNG);
        assertThat(sniff("report.txt", EvidenceSamples.pdf()).type()).isEqualTo(EvidenceType.PDF);
        assertThat(sniff("a.zip", EvidenceSamples.docx()).type()).isEqualTo(EvidenceType.DOCX);
        assertThat(sniff("b.zip", EvidenceSamples.xlsx()).type()).isEqualTo(EvidenceType.XLSX);
        assertThat(sniff("c.zip", EvidenceSamples.ofd()).type()).isEqualTo(EvidenceType.OFD);
        assertThat(sniff("video", EvidenceSamples.mp4()).type()).isEqualTo(EvidenceType.MP4);
        assertThat(sniff("video.mp4", EvidenceSamples.mp4("mp42")).type()).isEqualTo(EvidenceType.MP4);
    }

    @Test
    void shouldRefuseAnExecutableNamedPdf() throws Exception {
        ContentSniffer.Verdict verdict = sniff("整改报告.pdf", EvidenceSamples.exe());

        assertThat(verdict.recognised()).isFalse();
        assertThat(verdict.refusal()).isEqualTo("不是允许的文件类型");
    }

    @Test
    void shouldRefuseTextNamedJpg() throws Exception {
        assertThat(sniff("现场照片.jpg", EvidenceSamples.text()).recognised()).isFalse();
    }

    @Test
    void shouldRefuseAnEmptyOrOneByteFile() throws Exception {
        assertThat(sniff("empty.pdf", new byte[0]).recognised()).isFalse();
        assertThat(sniff("one.jpg", new byte[] {(byte) 0xFF}).recognised()).isFalse();
    }

    @Test
    void shouldRefuseAHeicImageThatLooksLikeMp4() throws Exception {
        assertThat(sniff("photo.mp4", EvidenceSamples.mp4("heic")).recognised()).isFalse();
    }

    @Test
    void shouldRefuseAZipBombNamedDocxWithoutInflatingIt() throws Exception {
        byte[] bomb = EvidenceSamples.zipBomb();
        assertThat(bomb.length).isLessThan(100 * 1024);

        ContentSniffer.Verdict verdict = sniff("整改报告.docx", bomb);

        assertThat(verdict.recognised()).isFalse();
        assertThat(verdict.refusal()).contains("压缩炸弹");
    }

    @Test
    void shouldRefuseAZipDeclaringMoreThan200MbInAll() throws Exception {
        // given three stored entries of 1 KB whose central directory claims 100 MB each (ratio 1:1)
        byte[] zip = declaring(3, 100L * 1024 * 1024);

        ContentSniffer.Verdict verdict = sniff("big.xlsx", zip);

        assertThat(verdict.recognised()).isFalse();
        assertThat(verdict.refusal()).isEqualTo("压缩包解压后过大，疑似压缩炸弹");
    }

    @Test
    void shouldRefuseAZipThatIsNoDocumentAndABrokenOne() throws Exception {
        assertThat(sniff("a.docx", EvidenceSamples.plainZip()).refusal()).contains("不是 OFD、DOCX 或 XLSX");
        byte[] broken = EvidenceSamples.concat(new byte[] {'P', 'K', 3, 4}, new byte[100]);
        assertThat(sniff("b.docx", broken).refusal()).contains("无法识别");
    }

    /** A zip of stored entries, then every central-directory entry's two sizes rewritten. */
    private static byte[] declaring(int entries, long declared) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] data = new byte[1024];
        CRC32 crc = new CRC32();
        crc.update(data);
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < entries; i++) {
                ZipEntry entry = new ZipEntry(i == 0 ? "[Content_Types].xml" : "xl/sheet" + i + ".xml");
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(data.length);
                entry.setCompressedSize(data.length);
                entry.setCrc(crc.getValue());
                zip.putNextEntry(entry);
                zip.write(data);
                zip.closeEntry();
            }
        }
        byte[] zip = bytes.toByteArray();
        ByteBuffer buffer = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= zip.length; i++) {
            if (buffer.getInt(i) == 0x02014b50) { // central directory file header
                buffer.putInt(i + 20, (int) declared);
                buffer.putInt(i + 24, (int) declared);
            }
        }
        return zip;
    }
}
