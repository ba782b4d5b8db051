package cn.jiandu.detection;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.jiandu.level.Level;

/**
 * The rules (one set-based query each, over the whole ledger or, incrementally, over the
 * records that may have changed their verdict), the findings, the runs and their lock.
 */
@Mapper
interface DetectionMapper {

    List<Candidate> adminIncidentsNotAccepted(@Param("q") RuleQuery query);

    List<Candidate> criminalIncidentsNotFiled(@Param("q") RuleQuery query);

    List<Candidate> incidentsNotDiverted(@Param("q") RuleQuery query);

    List<Candidate> acceptancesWithoutReceipt(@Param("q") RuleQuery query);

    List<Candidate> filingsWithoutNotice(@Param("q") RuleQuery query);

    List<Candidate> measuresOverdue(@Param("q") RuleQuery query);

    List<Candidate> measuresExpiring(@Param("q") RuleQuery query);

    List<Finding> openFindings(@Param("rule") String rule);

    List<Finding> findingsOf(@Param("rule") String rule, @Param("keys") Collection<String> keys);

    /**
     * The open findings of the incident rules on an incident and of the case rules on a case
     * (either number may be null, not both), newest first.
     */
    List<Finding> openFindingsOn(@Param("incidentNo") String incidentNo,
            @Param("incidentRules") Collection<String> incidentRules, @Param("caseNo") String caseNo,
            @Param("caseRules") Collection<String> caseRules, @Param("limit") int limit);

    List<Finding> findings(@Param("rule") String rule, @Param("unitCode") String unitCode,
            @Param("status") String status, @Param("limit") int limit);

    int insertFinding(@Param("f") Finding finding);

    int markSeen(@Param("rule") String rule, @Param("keys") Collection<String> keys, @Param("at") Instant at);

    int rectify(@Param("rule") String rule, @Param("keys") Collection<String> keys, @Param("at") Instant at);

    int reopen(@Param("rule") String rule, @Param("keys") Collection<String> keys);

    int updateLevel(@Param("rule") String rule, @Param("key") String key, @Param("level") Level level);

    int insertRun(NewRun run);

    int startRun(@Param("id") long id, @Param("mode") String mode, @Param("asOf") Instant asOf,
            @Param("sinceAt") Instant sinceAt, @Param("importMark") long importMark);

    int finishRun(@Param("id") long id, @Param("status") String status, @Param("opened") int opened,
            @Param("raised") int raised, @Param("rectified") int rectified, @Param("failed") int failed,
            @Param("summary") String summary, @Param("message") String message, @Param("at") Instant at);

    DetectionRun lastDone();

    DetectionRun findRun(@Param("id") long id);

    List<DetectionRun> recentRuns(@Param("limit") int limit);

    int acquireLock(@Param("name") String name, @Param("holder") String holder, @Param("until") Instant until,
            @Param("now") Instant now);

    int renewLock(@Param("name") String name, @Param("holder") String holder, @Param("until") Instant until);

    int releaseLock(@Param("name") String name, @Param("holder") String holder);

    /** The insert of a run; MyBatis writes the generated id back. */
    final class NewRun {
        public Long id;
        public String slotKey;
        public String mode;
        public String status;
        public Instant asOf;
        public String startedBy;
    }
}
