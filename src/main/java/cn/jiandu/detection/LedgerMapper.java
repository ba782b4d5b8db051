package cn.jiandu.detection;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The ledgers and their imports; every statement works on a batch of rows at once. */
@Mapper
interface LedgerMapper {

    /** Which of the keys are stored, with the import that last wrote each. */
    List<StoredKey> stored(@Param("table") String table, @Param("keyColumn") String keyColumn,
            @Param("keys") Collection<String> keys);

    /** Which of the keys are stored. */
    List<String> existing(@Param("table") String table, @Param("keyColumn") String keyColumn,
            @Param("keys") Collection<String> keys);

    int delete(@Param("table") String table, @Param("keyColumn") String keyColumn,
            @Param("keys") Collection<String> keys);

    int insertIncidents(@Param("rows") List<LedgerRecord.Incident> rows, @Param("importId") long importId,
            @Param("at") Instant at);

    int insertCases(@Param("rows") List<LedgerRecord.CaseRecord> rows, @Param("importId") long importId,
            @Param("at") Instant at);

    int insertMeasures(@Param("rows") List<LedgerRecord.Measure> rows, @Param("importId") long importId,
            @Param("at") Instant at);

    int insertImport(NewImport row);

    int updateProgress(@Param("id") long id, @Param("rowsRead") long rowsRead, @Param("rowsStored") long rowsStored,
            @Param("at") Instant at);

    int finishImport(@Param("id") long id, @Param("status") String status, @Param("rowsRead") long rowsRead,
            @Param("rowsStored") long rowsStored, @Param("created") long created, @Param("updated") long updated,
            @Param("errorCount") long errorCount, @Param("message") String message, @Param("at") Instant at);

    LedgerImport findImport(@Param("id") long id);

    List<LedgerImport> recentImports(@Param("kind") String kind, @Param("status") String status,
            @Param("limit") int limit);

    /** Imports whose node stopped writing progress long ago: they will never end by themselves. */
    int failAbandoned(@Param("before") Instant before, @Param("at") Instant at);

    /** Every import with an id up to this had ended (none is RUNNING below it). */
    long endedMark();

    /** One incident as the triage of an intake shows it; null when not stored. */
    IncidentRow findIncident(@Param("incidentNo") String incidentNo);

    /** One case as the triage of an intake shows it; null when not stored. */
    CaseRow findCase(@Param("caseNo") String caseNo);

    /** The first (by number) of the cases opened on an incident; null when none. */
    CaseRow firstCaseOf(@Param("incidentNo") String incidentNo);

    /** An incident without the ledger's bookkeeping. */
    record IncidentRow(String incidentNo, String unitCode, String category, Instant receivedAt, String summary) {
    }

    /** A case and the dates of its steps (受案, 立案, 不予立案, 结案), without officer or bookkeeping. */
    record CaseRow(String caseNo, String incidentNo, String unitCode, String category, Instant acceptedAt,
            Instant filedAt, Instant notFiledAt, Instant closedAt) {
    }

    /** A key and the import that last wrote its row. */
    record StoredKey(String key, long importId) {
    }

    /** The insert of an import; MyBatis writes the generated id back. */
    final class NewImport {
        public Long id;
        public String kind;
        public String startedBy;
        public Instant startedAt;
    }
}
