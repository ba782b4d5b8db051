package cn.jiandu.detection;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.time.Times;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.organisation.UnitKind;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.UnitProblemCount;

/**
 * The units' enforcement rates for a period (days in China time, both included): incidents
 * by received_at, acceptances by accepted_at, filings by filed_at; open and overdue
 * problems as they stand now.
 */
@Service
class UnitStats {

    private final StatsMapper mapper;
    private final OrganisationService organisation;
    private final ProblemService problems;
    private final DetectionProperties properties;
    private final Clock clock;

    UnitStats(StatsMapper mapper, OrganisationService organisation, ProblemService problems,
            DetectionProperties properties, Clock clock) {
        this.mapper = mapper;
        this.organisation = organisation;
        this.problems = problems;
        this.properties = properties;
        this.clock = clock;
    }

    /** The ranking as GET /api/stats/units answers it. */
    record Report(LocalDate from, LocalDate to, java.time.OffsetDateTime asOf, List<UnitRanking.UnitRate> units) {
    }

    @Transactional(readOnly = true)
    Report units(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(Times.CHINA).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(Times.CHINA).toInstant();
        Instant now = clock.instant();
        // "diverted in time" as INCIDENT_NOT_DIVERTED judges it, working days counted as calendar days
        DetectionProperties.RuleSettings diversion = properties.rule(Rule.INCIDENT_NOT_DIVERTED);
        long divertSeconds = diversion.unit().seconds(diversion.first());

        Map<String, StatsMapper.IncidentCounts> incidents = new HashMap<>();
        mapper.incidentCounts(start, end, divertSeconds).forEach(c -> incidents.put(c.unitCode(), c));
        Map<String, StatsMapper.AcceptedCounts> accepted = new HashMap<>();
        mapper.acceptedCounts(start, end).forEach(c -> accepted.put(c.unitCode(), c));
        Map<String, StatsMapper.FiledCounts> filed = new HashMap<>();
        mapper.filedCounts(start, end).forEach(c -> filed.put(c.unitCode(), c));
        Map<String, UnitProblemCount> open = new HashMap<>();
        problems.openCountsByUnit(now).forEach(c -> open.put(c.unitCode(), c));

        List<UnitRanking.Counts> counts = new ArrayList<>();
        for (Unit unit : organisation.units()) {
            if (unit.kind() == UnitKind.BUREAU) {
                continue; // the bureau is what the ranking is of, not one of its units
            }
            StatsMapper.IncidentCounts i = incidents.getOrDefault(unit.code(),
                    new StatsMapper.IncidentCounts(unit.code(), 0, 0, 0, 0, 0, 0));
            StatsMapper.AcceptedCounts a = accepted.getOrDefault(unit.code(),
                    new StatsMapper.AcceptedCounts(unit.code(), 0, 0));
            StatsMapper.FiledCounts f = filed.getOrDefault(unit.code(), new StatsMapper.FiledCounts(unit.code(), 0, 0));
            UnitProblemCount p = open.getOrDefault(unit.code(), new UnitProblemCount(unit.code(), 0, 0));
            counts.add(new UnitRanking.Counts(unit.code(), unit.name(), i.incidents(), i.divertedInTime(),
                    i.adminIncidents(), i.adminAccepted(), i.criminalIncidents(), i.criminalDecided(), a.accepted(),
                    a.withReceipt(), f.filed(), f.withNotice(), p.openProblems(), p.overdueProblems()));
        }
        return new Report(from, to, Times.china(now),
                UnitRanking.rank(counts, properties.rates().green(), properties.rates().yellow()));
    }
}
