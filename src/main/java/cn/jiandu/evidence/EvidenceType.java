package cn.jiandu.evidence;

/** The kinds of file accepted as evidence, each with the MIME type stored and served. */
enum EvidenceType {
    JPEG("image/jpeg"),
    PNG("image/png"),
    PDF("application/pdf"),
    /** 版式文档 (GB/T 33190), China's fixed-layout format: a zip holding OFD.xml */
    OFD("application/ofd"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    MP4("video/mp4");

    private final String mimeType;

    EvidenceType(String mimeType) {
        this.mimeType = mimeType;
    }

    String mimeType() {
        return mimeType;
    }
}
