package cn.jiandu.escalation;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.level.Level;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.security.Role;
import cn.jiandu.organisation.Unit;
import cn.jiandu.organisation.UnitKind;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TimelineText;
import cn.jiandu.text.ChineseDates;

/**
 * 申请改派: which unit a problem may go to, and moving it there (unit, clocks, document).
 * The legal officer's form names the unit; {@link TaskSubmissions} asks {@link #refusal}
 * before the engine sees it, {@link TransferDelegates} asks again before it moves anything.
 */
@Service
class Transfers {

    private final OrganisationService organisation;
    private final ProblemService problems;
    private final EscalationService escalation;
    private final DocumentIssuer documents;

    Transfers(OrganisationService organisation, ProblemService problems, EscalationService escalation,
            DocumentIssuer documents) {
        this.organisation = organisation;
        this.problems = problems;
        this.escalation = escalation;
        this.documents = documents;
    }

    /** What moved: the new unit, its clocks and the document re-issued to it. */
    record Moved(String unitCode, String unitName, Clocks clocks, long documentId) {
    }

    /**
     * Why {@code unitCode} cannot take the problem of {@code currentUnit}, in Chinese, or empty
     * when it can: it must exist, not be the bureau itself nor the current unit, and be active
     * (have an active unit head to sign).
     */
    @Transactional(readOnly = true)
    Optional<String> refusal(String currentUnit, String unitCode) {
        if (unitCode == null || unitCode.isBlank()) {
            return Optional.of("请填写改派单位代码");
        }
        Optional<Unit> unit = organisation.findUnit(unitCode);
        if (unit.isEmpty()) {
            return Optional.of("单位不存在：" + printable(unitCode));
        }
        if (unit.get().kind() == UnitKind.BUREAU) {
            return Optional.of("不能改派至分局本级：" + unit.get().name());
        }
        if (unitCode.equals(currentUnit)) {
            return Optional.of("与当前责任单位相同：" + unit.get().name());
        }
        boolean active = organisation.officers(unitCode, Role.UNIT_HEAD).stream().anyMatch(Officer::active);
        return active ? Optional.empty() : Optional.of("单位已停用或没有在岗的单位负责人，无法签收：" + unit.get().name());
    }

    String unitName(String unitCode) {
        return unitCode == null ? "" : organisation.findUnit(unitCode).map(Unit::name).orElse(unitCode);
    }

    /**
     * Moves the problem to {@code unitCode}: its signing and rectification clocks start again
     * for the new unit, the current document is re-issued to it with a new number (文号) and
     * the old one marked superseded, and the timeline says so.
     */
    @Transactional
    Moved move(long problemId, Level level, String rulesJson, String unitCode, Long lastDocumentId) {
        Problem problem = problems.get(problemId);
        Optional<String> refused = refusal(problem.unitCode(), unitCode);
        if (refused.isPresent()) {
            throw new IllegalArgumentException("transferUnitCode: " + refused.get());
        }
        problems.changeUnit(problemId, unitCode);
        Clocks clocks = escalation.startSigningAgain(problemId, level, rulesJson);
        String newName = unitName(unitCode);
        problems.record(problemId, EventKind.TRANSFERRED, EscalationService.SYSTEM, level,
                TimelineText.text("timeline.transferred", unitName(problem.unitCode()), newName,
                        ChineseDates.dateTime(clocks.signDue())),
                null);
        long documentId = documents.reissue(problemId, level, lastDocumentId, ChineseDates.dateTime(clocks.rectifyDue()));
        return new Moved(unitCode, newName, clocks, documentId);
    }

    private static String printable(String text) {
        String clean = text.replaceAll("\\p{Cntrl}", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
