package cn.jiandu.report;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/**
 * The public's tickets (诉求受理) and their call backs (回访) counted, a read model over what the
 * intake capability writes: each figure one grouped statement over a time range, grouped by
 * channel (intake.source) or by responsible unit (the unit of the problem an accepted or
 * merged ticket is linked to). Only counts: no statement selects a complainant's column.
 * {@code byUnit} chooses the grouping.
 */
@Mapper
interface IntakeStatsMapper {

    /** Tickets received in [start, end): by triage status, and those due a call back and called back by end. */
    List<IntakeRow> intakeCounts(@Param("start") Instant start, @Param("end") Instant end,
            @Param("byUnit") boolean byUnit);

    /** Calls made in [start, end), by outcome. */
    List<CallRow> callCounts(@Param("start") Instant start, @Param("end") Instant end,
            @Param("byUnit") boolean byUnit);

    /** 诉求清零 as at end: tickets received before end, unresolved, dissatisfied, cleared. */
    List<ClearanceRow> clearanceCounts(@Param("end") Instant end, @Param("byUnit") boolean byUnit);

    record IntakeRow(String code, String name, Integer sortOrder, long received, long pendingTriage, long accepted,
            long merged, long referred, long rejected, long callbackDue, long calledBack) {
    }

    record CallRow(String code, String name, Integer sortOrder, long calls, long reached, long satisfied,
            long basicallySatisfied, long dissatisfied, long unreachable) {
    }

    record ClearanceRow(String code, String name, Integer sortOrder, long unresolved, long dissatisfiedOpen,
            long cleared) {
    }
}
