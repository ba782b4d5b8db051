package cn.jiandu.intake;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface IntakeMapper {

    /**
     * Fills {@code row.id}.
     *
     * @throws org.springframework.dao.DuplicateKeyException when the channel's ticket is already stored
     */
    int insert(@Param("row") NewIntake row);

    Intake find(@Param("id") long id);

    Intake findByTicket(@Param("source") String source, @Param("ticketNo") String ticketNo);

    /** The stored ticket as committed now (a locking read), whatever this transaction saw before. */
    Intake findByTicketLatest(@Param("source") String source, @Param("ticketNo") String ticketNo);

    List<Intake> page(@Param("status") IntakeStatus status, @Param("source") String source,
            @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("status") IntakeStatus status, @Param("source") String source);

    /** The intake, its row locked until the transaction ends: one triage or call record at a time. */
    Intake lock(@Param("id") long id);

    List<Intake> forProblem(@Param("problemId") long problemId);

    /** Records the triage of an intake still waiting for it; 0 when it was triaged already. */
    int triage(@Param("id") long id, @Param("status") IntakeStatus status, @Param("problemId") Long problemId,
            @Param("referTo") String referTo, @Param("reason") String reason, @Param("at") Instant at,
            @Param("by") String by, @Param("callback") CallbackStatus callback);

    /** A referred or rejected intake whose review reopened it: triaged again. */
    int backToTriage(@Param("id") long id);

    int updateCallbackStatus(@Param("id") long id, @Param("callback") CallbackStatus callback);

    /** Closes the intake (办结) with its final call back status; 0 when it was closed already. */
    int close(@Param("id") long id, @Param("callback") CallbackStatus callback, @Param("at") Instant at);

    int reopen(@Param("id") long id);

    /** One call (回访) of a completed task, once per task whichever node records it. */
    int insertCallback(@Param("intakeId") long intakeId, @Param("round") int round, @Param("attempt") int attempt,
            @Param("outcome") CallbackOutcome outcome, @Param("note") String note, @Param("at") Instant at,
            @Param("by") String by, @Param("taskId") String taskId);

    int reviewLastDissatisfied(@Param("intakeId") long intakeId, @Param("decision") String decision,
            @Param("note") String note, @Param("at") Instant at, @Param("by") String by);

    List<CallbackRecord> callbacks(@Param("intakeId") long intakeId);

    /** The insert's parameter: the columns, the personal data already encrypted, and the new id. */
    final class NewIntake {
        public Long id;
        public String source;
        public String ticketNo;
        public Instant receivedAt;
        public String content;
        public String nameCipher;
        public String phoneCipher;
        public String phoneIndex;
        public String idNumberCipher;
        public String idNumberIndex;
        public String unitHint;
        public String incidentNo;
        public String caseNo;
        public IntakeStatus status;
        public Instant createdAt;
        public String createdBy;

        @Override
        public String toString() {
            return "NewIntake[source=" + source + ", ticketNo=" + ticketNo + "]";
        }
    }
}
