package cn.jiandu.evidence;

import java.time.OffsetDateTime;

/**
 * One file of a problem's evidence as the API and the rectification process see it: what it
 * is (judged from its content), who uploaded it when, and whether it was withdrawn (撤回).
 */
public record EvidenceItem(long id, String fileName, String contentType, long size, String sha256, String note,
        String uploadedBy, OffsetDateTime uploadedAt, boolean withdrawn, String withdrawnBy,
        OffsetDateTime withdrawnAt) {

    /** The size as a person reads it (1.2 MB). */
    public String sizeText() {
        return EvidenceService.humanSize(size);
    }
}
