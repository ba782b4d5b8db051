package cn.jiandu.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.report.IntakeFigures.Count;
import cn.jiandu.report.IntakeFigures.Counts;
import cn.jiandu.time.Times;

/**
 * Counts {@link IntakeFigures} for the days from {@code from} to {@code to} (both included,
 * China time): three grouped statements by channel and three by unit.
 */
@Service
class IntakeStats {

    private final IntakeStatsMapper mapper;

    IntakeStats(IntakeStatsMapper mapper) {
        this.mapper = mapper;
    }

    @Transactional(readOnly = true)
    IntakeFigures count(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(Times.CHINA).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Times.CHINA).toInstant();
        return IntakeFigures.of(from, to, groups(start, end, false), groups(start, end, true));
    }

    private List<Counts> groups(Instant start, Instant end, boolean byUnit) {
        Map<String, Counts> groups = new LinkedHashMap<>();
        for (IntakeStatsMapper.IntakeRow r : mapper.intakeCounts(start, end, byUnit)) {
            group(groups, r.code(), r.name(), r.sortOrder()).add(Count.RECEIVED, r.received())
                    .add(Count.PENDING_TRIAGE, r.pendingTriage()).add(Count.ACCEPTED, r.accepted())
                    .add(Count.MERGED, r.merged()).add(Count.REFERRED, r.referred()).add(Count.REJECTED, r.rejected())
                    .add(Count.CALLBACK_DUE, r.callbackDue()).add(Count.CALLED_BACK, r.calledBack());
        }
        for (IntakeStatsMapper.CallRow r : mapper.callCounts(start, end, byUnit)) {
            group(groups, r.code(), r.name(), r.sortOrder()).add(Count.CALLS, r.calls()).add(Count.REACHED, r.reached())
                    .add(Count.SATISFIED, r.satisfied()).add(Count.BASICALLY_SATISFIED, r.basicallySatisfied())
                    .add(Count.DISSATISFIED, r.dissatisfied()).add(Count.UNREACHABLE, r.unreachable());
        }
        for (IntakeStatsMapper.ClearanceRow r : mapper.clearanceCounts(end, byUnit)) {
            group(groups, r.code(), r.name(), r.sortOrder()).add(Count.UNRESOLVED, r.unresolved())
                    .add(Count.DISSATISFIED_OPEN, r.dissatisfiedOpen()).add(Count.CLEARED, r.cleared());
        }
        return new ArrayList<>(groups.values());
    }

    private static Counts group(Map<String, Counts> groups, String code, String name, Integer sortOrder) {
        Counts c = groups.computeIfAbsent(code, Counts::new);
        if (name != null) {
            c.name = name;
        }
        if (sortOrder != null) {
            c.sortOrder = sortOrder;
        }
        return c;
    }
}
