package cn.jiandu.document;

import java.time.OffsetDateTime;

/**
 * An issued document (文书), without its text: the text is served at {@link #url()} as it
 * was rendered when issued.
 *
 * @param number the document number (文号), e.g. 示分法建字〔2026〕第007号
 * @param url /api/documents/{id}, absolute when jiandu.document.public-base-url is set
 * @param supersededBy the document that replaced this one (re-issued after a transfer), else null
 */
public record Document(long id, long problemId, String unitCode, DocumentType type, String number, String title,
        OffsetDateTime issuedAt, String url, Long supersededBy) {
}
