package cn.jiandu.scoring;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.time.Times;
import cn.jiandu.level.Level;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.organisation.UnitKind;
import cn.jiandu.problem.Accountability;

/**
 * Enforcement quality points (执法质量积分): deducted as problems reach their levels, and
 * ranked per month for units and officers.
 */
@Service
public class ScoreService {


    private final ScoreMapper mapper;
    private final ScoringProperties properties;
    private final Clock clock;
    private final OrganisationService organisation;

    ScoreService(ScoreMapper mapper, ScoringProperties properties, Clock clock, OrganisationService organisation) {
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
        this.organisation = organisation;
    }

    /** What was deducted, or null when this problem had already been charged for the level. */
    public record Deduction(int unitPoints, int officerPoints) {
    }

    /** Charges a level once per problem: running the step again deducts nothing more. */
    @Transactional
    public Deduction deduct(long problemId, Level level, String unitCode, String officerNo) {
        if (mapper.exists(problemId, level) > 0) {
            return null;
        }
        Instant now = clock.instant();
        int unitPoints = properties.unit(level);
        int officerPoints = officerNo == null ? 0 : properties.officer(level);
        mapper.insert(problemId, level, unitCode, officerNo, unitPoints, officerPoints,
                YearMonth.from(now.atZone(Times.CHINA)).toString(), now);
        return new Deduction(unitPoints, officerPoints);
    }

    /**
     * Charges the responsible officer for a talk's or an interview's outcome (处理意见), once
     * per record: the points deducted, or 0 when the outcome costs none, there is no officer,
     * or the record was charged before.
     */
    @Transactional
    public int deductAccountability(long talkId, long problemId, Accountability outcome, String unitCode,
            String officerNo) {
        int points = outcome == null || officerNo == null ? 0 : properties.accountability(outcome);
        if (points <= 0 || mapper.accountabilityExists(talkId) > 0) {
            return 0;
        }
        Instant now = clock.instant();
        mapper.insertAccountability(talkId, problemId, outcome, unitCode, officerNo, points,
                YearMonth.from(now.atZone(Times.CHINA)).toString(), now);
        return points;
    }

    /**
     * Gives a voided problem's points back: its deductions are marked reversed (kept as the
     * audit of what was charged) and no month counts them any more. Returns what was given
     * back, zero points when nothing was outstanding.
     */
    @Transactional
    public Deduction reverse(long problemId, String actor) {
        ScoreMapper.Outstanding outstanding = mapper.outstanding(problemId);
        mapper.reverse(problemId, clock.instant(), actor);
        return new Deduction(outstanding.unitPoints(), outstanding.officerPoints());
    }

    /** The score every unit and officer starts a month with (jiandu.scoring.monthly-base). */
    public int monthlyBase() {
        return properties.monthlyBase();
    }

    /**
     * The month's ranking: every unit except the bureau itself (or every active officer
     * outside it), charged or not, with score = base − points deducted in the month; best
     * first, then by code. {@code until} (exclusive) counts only what was deducted before
     * it, for a report of part of a month; null counts the whole month.
     */
    @Transactional(readOnly = true)
    public List<ScoreEntry> ranking(YearMonth month, ScoreSubject subject, Instant until) {
        // the month's deductions from scoring's own table, the units and officers from the organisation
        Map<String, Integer> points = new HashMap<>();
        for (ScoreMapper.Points p : subject == ScoreSubject.UNIT ? mapper.unitPoints(month.toString(), until)
                : mapper.officerPoints(month.toString(), until)) {
            points.put(p.code(), p.points());
        }
        Map<String, Unit> units = new HashMap<>();
        organisation.units().forEach(u -> units.put(u.code(), u));
        List<ScoreMapper.Total> totals = new ArrayList<>();
        if (subject == ScoreSubject.UNIT) {
            for (Unit u : units.values()) {
                if (u.kind() != UnitKind.BUREAU || points.containsKey(u.code())) {
                    totals.add(new ScoreMapper.Total(u.code(), u.name(), null, null, points.getOrDefault(u.code(), 0)));
                }
            }
        } else {
            for (Officer o : organisation.officers(null, null)) {
                Unit u = units.get(o.unitCode());
                if (u == null) {
                    continue;
                }
                if ((o.active() && u.kind() != UnitKind.BUREAU) || points.containsKey(o.officerNo())) {
                    totals.add(new ScoreMapper.Total(o.officerNo(), o.name(), u.code(), u.name(),
                            points.getOrDefault(o.officerNo(), 0)));
                }
            }
        }
        return rank(totals, properties.monthlyBase(), subject == ScoreSubject.OFFICER);
    }

    static List<ScoreEntry> rank(List<ScoreMapper.Total> totals, int base, boolean officers) {
        List<ScoreMapper.Total> sorted = new ArrayList<>(totals);
        sorted.sort(Comparator.comparingInt(ScoreMapper.Total::deducted).thenComparing(ScoreMapper.Total::code));
        List<ScoreEntry> entries = new ArrayList<>(sorted.size());
        int rank = 0;
        Integer previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            ScoreMapper.Total t = sorted.get(i);
            if (previous == null || t.deducted() != previous) {
                rank = i + 1;
                previous = t.deducted();
            }
            entries.add(new ScoreEntry(rank, t.code(), t.name(), officers ? t.unitCode() : null,
                    officers ? t.unitName() : null, t.deducted(), base - t.deducted()));
        }
        return entries;
    }
}
