package cn.jiandu.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The report table, and the counts the reports and the dashboard are made of. The counts
 * read the problems, their timeline and the documents directly: a read model over what
 * the problem and document capabilities wrote, each figure one grouped statement over a
 * time range (never a query per problem or per unit), so that a month of a large bureau
 * is counted in a few statements.
 */
@Mapper
interface ReportMapper {

    // --- the reports ---

    StoredReport findByPeriod(@Param("type") ReportType type, @Param("periodStart") LocalDate periodStart);

    StoredReport find(@Param("id") long id);

    int insert(NewReport report);

    int updateMarkdown(@Param("id") long id, @Param("markdown") String markdown);

    List<StoredReport> list(@Param("type") ReportType type, @Param("offset") long offset, @Param("limit") int limit);

    long count(@Param("type") ReportType type);

    // --- the figures of a period [start, end) ---

    List<SourceLevelCount> foundBySourceAndLevel(@Param("start") Instant start, @Param("end") Instant end);

    List<UnitCounts> unitCounts(@Param("start") Instant start, @Param("end") Instant end);

    List<TypeCount> documentsIssued(@Param("start") Instant start, @Param("end") Instant end);

    ReturnCounts returnCounts(@Param("start") Instant start, @Param("end") Instant end);

    List<ProblemRow> returned(@Param("start") Instant start, @Param("end") Instant end, @Param("limit") int limit);

    List<TypeCount> warningCounts(@Param("end") Instant end);

    List<ProblemRow> warnings(@Param("end") Instant end, @Param("limit") int limit);

    // --- the dashboard, now ---

    List<TypeCount> openByLevel();

    List<DayCount> foundPerDay(@Param("from") Instant from, @Param("to") Instant to);

    List<DayCount> closedPerDay(@Param("from") Instant from, @Param("to") Instant to);

    long overdueCount(@Param("now") Instant now);

    List<ProblemRow> overdue(@Param("now") Instant now, @Param("limit") int limit);

    DueCounts dueBetween(@Param("from") Instant from, @Param("to") Instant to);

    /** A report as stored. */
    record StoredReport(long id, ReportType type, LocalDate periodStart, LocalDate periodEnd, int issueNo, int year,
            String title, String html, String markdown, Instant createdAt, String createdBy) {
    }

    /** The insert of a report; MyBatis writes the generated id back. */
    final class NewReport {
        public Long id;
        public ReportType type;
        public LocalDate periodStart;
        public LocalDate periodEnd;
        public int issueNo;
        public int year;
        public String title;
        public String html;
        public String markdown;
        public Instant createdAt;
        public String createdBy;
    }

    record SourceLevelCount(String source, String sourceName, Integer sortOrder, String level, int count) {
    }

    record UnitCounts(String unitCode, String unitName, int found, int closed, int closedOnTime, int open,
            int overdue, int due, int dueOnTime) {
    }

    record TypeCount(String type, long count) {
    }

    record ReturnCounts(long problems, long returns) {
    }

    /** The talks and interviews recorded in the period, by kind and outcome (NONE for no outcome). */
    List<TalkCount> talkCounts(@Param("start") Instant start, @Param("end") Instant end);

    /** The first {@code limit} of them, oldest first, with unit, officer and document number. */
    List<TalkRow> talks(@Param("start") Instant start, @Param("end") Instant end, @Param("limit") int limit);

    record TalkCount(String kind, String outcome, long count) {
    }

    record TalkRow(long id, long problemId, String kind, Instant heldAt, String unitCode, String unitName,
            String officerNo, String officerName, String outcome, String documentNumber) {
    }

    record DayCount(LocalDate day, long count) {
    }

    record DueCounts(long due, long onTime) {
    }

    long voidedCount(@Param("start") Instant start, @Param("end") Instant end);

    List<VoidedRow> voided(@Param("start") Instant start, @Param("end") Instant end, @Param("limit") int limit);

    record VoidedRow(long id, String title, String unitCode, String unitName, Instant voidedAt, String voidedBy,
            String reason) {
    }

    record ProblemRow(long id, String title, String unitCode, String unitName, String level, Instant deadline,
            int repeatCount, int returns) {
    }
}
