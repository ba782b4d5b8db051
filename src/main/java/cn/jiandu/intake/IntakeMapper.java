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

    List<Intake> page(@Param("status") IntakeStatus status, @Param("source") String source,
            @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("status") IntakeStatus status, @Param("source") String source);

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
