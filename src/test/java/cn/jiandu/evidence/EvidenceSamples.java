package cn.jiandu.evidence;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Tiny real files of each kind, and hostile ones, built in memory for the tests (unit and IT). */
public final class EvidenceSamples {

    private EvidenceSamples() {
    }

    public static byte[] png() {
        return concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A},
                new byte[] {0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15,
                        (byte) 0xC4, (byte) 0x89});
    }

    public static byte[] jpeg() {
        return new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0,
                0, 1, 0, 1, 0, 0, (byte) 0xFF, (byte) 0xD9};
    }

    public static byte[] pdf() {
        return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** An ISO base media file header: size, "ftyp", brand {@code brand}. */
    public static byte[] mp4(String brand) {
        return concat(new byte[] {0, 0, 0, 24}, ("ftyp" + brand + "\0\0\0\0isommp41").getBytes(StandardCharsets.ISO_8859_1));
    }

    public static byte[] mp4() {
        return mp4("isom");
    }

    public static byte[] docx() {
        return zip(Map.of("[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>",
                "word/document.xml", "<w:document><w:body><w:p><w:r><w:t>已整改</w:t></w:r></w:p></w:body></w:document>"));
    }

    public static byte[] xlsx() {
        return zip(Map.of("[Content_Types].xml", "<Types/>", "_rels/.rels", "<Relationships/>",
                "xl/workbook.xml", "<workbook/>", "xl/worksheets/sheet1.xml", "<worksheet/>"));
    }

    public static byte[] ofd() {
        return zip(Map.of("OFD.xml", "<ofd:OFD DocType=\"OFD\" Version=\"1.0\"/>", "Doc_0/Document.xml",
                "<ofd:Document/>"));
    }

    /** A zip of text files that is none of the documents accepted. */
    public static byte[] plainZip() {
        return zip(Map.of("readme.txt", "hello", "data/a.csv", "a,b\n1,2\n"));
    }

    /** A Windows executable's first bytes (the DOS header). */
    public static byte[] exe() {
        byte[] exe = new byte[256];
        exe[0] = 'M';
        exe[1] = 'Z';
        exe[0x3C] = (byte) 0x80;
        System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0x80, 4);
        return exe;
    }

    public static byte[] text() {
        return "这不是图片，只是一段文字。\n".getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A DOCX in all but its size: word/document.xml is 20 MB of zeros, deflated about
     * 1000:1 to some 20 KB. Its central directory declares the 20 MB.
     */
    public static byte[] zipBomb() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("word/document.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < 20; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : new LinkedHashMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static byte[] concatenated(byte[] a, byte[] b) {
        return concat(a, b);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
