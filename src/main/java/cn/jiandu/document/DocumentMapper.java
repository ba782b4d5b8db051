package cn.jiandu.document;

import java.time.LocalDateTime;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface DocumentMapper {

    /** The last sequence number of a type and year, the row locked until commit; null if no row. */
    Integer lockSequence(@Param("type") String type, @Param("year") int year);

    int insertSequence(@Param("type") String type, @Param("year") int year, @Param("lastSeq") int lastSeq);

    int updateSequence(@Param("type") String type, @Param("year") int year, @Param("lastSeq") int lastSeq);

    int insertDocument(@Param("doc") NewDocument doc);

    /** Fills in a document's number and the text quoting it, in the transaction that issued it. */
    int assignNumber(@Param("id") long id, @Param("seq") int seq, @Param("number") String number,
            @Param("html") String html);

    DocumentRow findDocument(@Param("id") long id);

    List<DocumentRow> findByProblem(@Param("problemId") long problemId);

    String findHtml(@Param("id") long id);

    /** Marks a document replaced by a later one; 0 when it was replaced already. */
    int supersede(@Param("id") long id, @Param("by") long by);

    /** A document as stored, without its HTML; issued_at is China time (Times.CHINA). */
    record DocumentRow(long id, long problemId, String unitCode, DocumentType type, String number, String title,
            LocalDateTime issuedAt, Long supersededBy) {
    }

    /** A document to insert, without its number (taken at commit); MyBatis sets the generated id. */
    final class NewDocument {
        Long id;
        final long problemId;
        final String unitCode;
        final DocumentType type;
        final int year;
        final String title;
        final String html;
        final LocalDateTime issuedAt;
        final String issuedBy;

        NewDocument(long problemId, String unitCode, DocumentType type, int year, String title, String html,
                LocalDateTime issuedAt, String issuedBy) {
            this.problemId = problemId;
            this.unitCode = unitCode;
            this.type = type;
            this.year = year;
            this.title = title;
            this.html = html;
            this.issuedAt = issuedAt;
            this.issuedBy = issuedBy;
        }
    }
}
