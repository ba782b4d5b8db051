package cn.jiandu.problem;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface TalkMapper {

    /** Fills {@code row.id}. */
    int insert(@Param("talk") TalkRow row);

    List<Stored> findByProblem(@Param("problemId") long problemId);

    /** A stored record, its times as stored. */
    record Stored(long id, TalkKind kind, Instant heldAt, String participants, String record, String measures,
            Accountability accountability, String recordedBy, Long documentId) {
    }

    /** The insert's parameter: the new talk's columns and the id the database gives it. */
    final class TalkRow {
        public Long id;
        public final long problemId;
        public final TalkKind kind;
        public final String taskId;
        public final String unitCode;
        public final String officerNo;
        public final Instant heldAt;
        public final String participants;
        public final String record;
        public final String measures;
        public final Accountability accountability;
        public final String recordedBy;
        public final Instant recordedAt;
        public final Long documentId;

        TalkRow(NewTalk t) {
            problemId = t.problemId();
            kind = t.kind();
            taskId = t.taskId();
            unitCode = t.unitCode();
            officerNo = t.officerNo();
            heldAt = t.heldAt();
            participants = t.participants();
            record = t.record();
            measures = t.measures();
            accountability = t.accountability();
            recordedBy = t.recordedBy();
            recordedAt = t.recordedAt();
            documentId = t.documentId();
        }
    }
}
