package cn.jiandu.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Judges what a file is from its first bytes, never from its name or the type its sender
 * declared. The zip-based formats (OFD, DOCX, XLSX) are told apart by the names in the
 * zip's central directory, read without decompressing anything; a zip whose entries
 * declare absurd sizes or compression ratios (a zip bomb) is refused whatever it holds.
 */
final class ContentSniffer {

    /** Declared uncompressed size of all entries together beyond which a zip is refused. */
    static final long MAX_ZIP_TOTAL = 200L * 1024 * 1024;
    /** An entry at least this large (uncompressed) … */
    static final long LARGE_ENTRY = 1024 * 1024;
    /** … may compress at most this well: text compresses 5–20:1, zeros 1000:1. */
    static final long MAX_RATIO = 200;
    /** Office files hold tens to a few thousand entries. */
    static final int MAX_ZIP_ENTRIES = 10_000;

    private static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF};
    private static final byte[] PNG = {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A};
    private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] FTYP = "ftyp".getBytes(StandardCharsets.US_ASCII);
    /** ISO base media files that are not MP4 video: HEIF/AVIF images, QuickTime, Canon raw. */
    private static final Set<String> NOT_MP4_BRANDS = Set.of("heic", "heix", "hevc", "hevx", "heim", "heis",
            "mif1", "msf1", "avif", "avis", "qt  ", "crx ");

    private ContentSniffer() {
    }

    /** What a file is, or why it is refused. */
    record Verdict(EvidenceType type, String refusal) {

        static Verdict of(EvidenceType type) {
            return new Verdict(type, null);
        }

        static Verdict refused(String why) {
            return new Verdict(null, why);
        }

        boolean recognised() {
            return type != null;
        }
    }

    static Verdict sniff(Path file) throws IOException {
        byte[] head = new byte[16];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        byte[] start = Arrays.copyOf(head, n);
        if (startsWith(start, JPEG, 0)) {
            return Verdict.of(EvidenceType.JPEG);
        }
        if (startsWith(start, PNG, 0)) {
            return Verdict.of(EvidenceType.PNG);
        }
        if (startsWith(start, PDF, 0)) {
            return Verdict.of(EvidenceType.PDF);
        }
        if (n >= 12 && startsWith(start, FTYP, 4)) {
            String brand = new String(start, 8, 4, StandardCharsets.ISO_8859_1);
            return NOT_MP4_BRANDS.contains(brand) ? Verdict.refused("不是 MP4 视频") : Verdict.of(EvidenceType.MP4);
        }
        if (startsWith(start, ZIP, 0)) {
            return zip(file);
        }
        return Verdict.refused("不是允许的文件类型");
    }

    /** Reads the central directory only (names and declared sizes), nothing is inflated. */
    private static Verdict zip(Path file) {
        boolean contentTypes = false;
        boolean word = false;
        boolean excel = false;
        boolean ofd = false;
        long total = 0;
        int count = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                if (++count > MAX_ZIP_ENTRIES) {
                    return Verdict.refused("压缩包内文件过多，疑似压缩炸弹");
                }
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size < 0 || compressed < 0) {
                    return Verdict.refused("压缩包结构异常");
                }
                total += size;
                if (total > MAX_ZIP_TOTAL) {
                    return Verdict.refused("压缩包解压后过大，疑似压缩炸弹");
                }
                if (size >= LARGE_ENTRY && (compressed == 0 || size / compressed > MAX_RATIO)) {
                    return Verdict.refused("压缩比异常，疑似压缩炸弹");
                }
                String name = entry.getName();
                contentTypes |= name.equals("[Content_Types].xml");
                word |= name.startsWith("word/");
                excel |= name.startsWith("xl/");
                ofd |= name.equals("OFD.xml");
            }
        } catch (IOException | RuntimeException e) {
            // ZipException, or a name the JDK cannot decode: not a document we take
            return Verdict.refused("压缩包已损坏或无法识别");
        }
        if (ofd) {
            return Verdict.of(EvidenceType.OFD);
        }
        if (contentTypes && word && !excel) {
            return Verdict.of(EvidenceType.DOCX);
        }
        if (contentTypes && excel && !word) {
            return Verdict.of(EvidenceType.XLSX);
        }
        return Verdict.refused("压缩包不是 OFD、DOCX 或 XLSX 文档");
    }

    private static boolean startsWith(byte[] data, byte[] prefix, int offset) {
        if (data.length < offset + prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (data[offset + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
