package cn.jiandu.escalation;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The migrations a process owner started and the notices of versions running problems cannot move to. */
@Mapper
interface ProcessMigrationMapper {

    /** A migration to be stored; its id is set on insert. */
    final class NewMigration {
        Long id;
        String batchId;
        String processKey;
        String fromDefinition;
        int fromVersion;
        String toDefinition;
        int toVersion;
        String actor;
        String actorName;
        Instant createdAt;
    }

    void insertMigration(NewMigration migration);

    void insertInstance(@Param("migrationId") long migrationId, @Param("processInstanceId") String processInstanceId,
            @Param("problemId") Long problemId);

    /** An instance of a migration not settled yet, with what its timeline entry needs. */
    record Pending(long id, String batchId, String processInstanceId, Long problemId, String toDefinition,
            int fromVersion, int toVersion, String actor, String actorName) {
    }

    List<Pending> findPending(@Param("limit") int limit);

    /** Settles a pending instance: 1 when this call did, 0 when someone else did first. */
    int settle(@Param("id") long id, @Param("outcome") String outcome, @Param("at") Instant at);

    boolean noticeExists(@Param("definitionId") String definitionId);

    void insertNotice(@Param("definitionId") String definitionId, @Param("processKey") String processKey,
            @Param("version") int version, @Param("stranded") int stranded, @Param("detail") String detail,
            @Param("createdAt") Instant createdAt);

    /** A stored notice. */
    record StoredNotice(String definitionId, int version, int stranded, String detail, Instant createdAt) {
    }

    List<StoredNotice> findNotices(@Param("processKey") String processKey);
}
