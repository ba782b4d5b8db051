package cn.jiandu.evidence;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The evidence rows without their bytes (those: {@link EvidenceContent}). */
@Mapper
interface EvidenceMapper {

    int insert(@Param("row") NewEvidence row);

    EvidenceRow find(@Param("id") long id);

    /** Oldest first. */
    List<EvidenceRow> findByProblem(@Param("problemId") long problemId);

    boolean hasActive(@Param("problemId") long problemId);

    /** Marks a file withdrawn unless it already is; returns the rows changed (0 or 1). */
    int withdraw(@Param("id") long id, @Param("by") String by, @Param("at") Instant at);

    record EvidenceRow(long id, long problemId, String fileName, String contentType, long size, String sha256,
            String note, String uploadedBy, String uploaderUnit, Instant uploadedAt, Instant withdrawnAt,
            String withdrawnBy) {
    }

    /** A file to insert; MyBatis sets the generated id. */
    final class NewEvidence {
        Long id;
        final long problemId;
        final String fileName;
        final String contentType;
        final long size;
        final String sha256;
        final String note;
        final String uploadedBy;
        final String uploaderUnit;
        final Instant uploadedAt;

        NewEvidence(long problemId, String fileName, String contentType, long size, String sha256, String note,
                String uploadedBy, String uploaderUnit, Instant uploadedAt) {
            this.problemId = problemId;
            this.fileName = fileName;
            this.contentType = contentType;
            this.size = size;
            this.sha256 = sha256;
            this.note = note;
            this.uploadedBy = uploadedBy;
            this.uploaderUnit = uploaderUnit;
            this.uploadedAt = uploadedAt;
        }
    }
}
