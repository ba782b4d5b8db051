package cn.jiandu.problem;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.document.DocumentService;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.time.Times;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.web.NotFoundException;

/**
 * A problem as its readers see it, with the rules of who sees and who registers: the API
 * (GET /api/problems/{id}) and the problem pages (/problems/{id}) answer the same.
 */
@Service
public class ProblemViews {

    private final ProblemService problems;
    private final OrganisationService organisation;
    private final DocumentService documents;
    private final ProblemPauses pauses;
    private final ProblemIntakes intakes;
    private final ProblemInstructions instructions;

    ProblemViews(ProblemService problems, OrganisationService organisation, DocumentService documents,
            ProblemPauses pauses, ProblemIntakes intakes, ProblemInstructions instructions) {
        this.instructions = instructions;
        this.intakes = intakes;
        this.problems = problems;
        this.organisation = organisation;
        this.documents = documents;
        this.pauses = pauses;
    }

    /** Whether the user sees the problem: his unit's, or he sees the whole bureau. */
    public static boolean sees(CurrentUser user, Problem problem) {
        return user.seesWholeBureau() || problem.unitCode().equals(user.unitCode());
    }

    /** Whether the user may register problems: the legal department and the bureau's leaders. */
    public static boolean mayRegister(CurrentUser user) {
        return user.seesWholeBureau();
    }

    /** The problem if the user may see it; 404 (not 403) otherwise, as if it did not exist. */
    @Transactional(readOnly = true)
    public Problem visible(long id, CurrentUser user) {
        return problems.find(id).filter(p -> sees(user, p))
                .orElseThrow(() -> new NotFoundException("问题不存在: " + id));
    }

    /** Registers for a person (API or page): refused (403) to whoever may not register. */
    public Problem register(Registration registration, CurrentUser user) {
        if (!mayRegister(user)) {
            throw new ForbiddenException("只有法制部门和局领导可以登记执法问题");
        }
        return problems.register(registration);
    }

    /** The whole view: names beside codes, documents, timeline, pauses. */
    @Transactional(readOnly = true)
    public ProblemView view(Problem p) {
        String unitName = organisation.findUnit(p.unitCode()).map(Unit::name).orElse(p.unitCode());
        String officerName = p.officerNo() == null ? null
                : organisation.findOfficer(p.officerNo()).map(Officer::name).orElse(p.officerNo());
        List<ProblemView.DocumentLink> docs = documents.forProblem(p.id()).stream()
                .map(d -> new ProblemView.DocumentLink(d.id(), d.type().name(), d.type().title(), d.number(), d.url(),
                        d.issuedAt(), d.unitCode(), d.supersededBy() != null, d.supersededBy()))
                .toList();
        List<ProblemView.TimelineEntry> timeline = problems.timeline(p.id()).stream()
                .map(e -> new ProblemView.TimelineEntry(Times.china(e.at()), e.kind(), e.kind().label(), e.actor(),
                        e.level(), e.detail(), e.ref()))
                .toList();
        List<ProblemPause> stored = pauses.of(p.id());
        List<ProblemView.Pause> approved = stored.stream()
                .filter(x -> ProblemPause.APPROVED.equals(x.decision()) && x.fromAt() != null)
                .map(x -> new ProblemView.Pause(Times.china(x.fromAt()), Times.china(x.toAt()), x.reason(),
                        x.detail(), x.decidedBy()))
                .toList();
        int pausedDays = stored.stream().mapToInt(x -> x.workingDays() == null ? 0 : x.workingDays()).sum();
        return new ProblemView(p.id(), p.source(), problems.sourceName(p.source()), p.category(),
                problems.categoryName(p.category()), p.unitCode(), unitName, p.officerNo(), officerName, p.title(),
                p.description(), Times.china(p.occurredAt()), p.sensitive(), p.level(),
                p.level() == null ? null : p.level().label(), p.status(), p.repeatCount(),
                Times.china(p.signDeadline()), Times.china(p.deadline()), Times.china(p.signedAt()),
                Times.china(p.closedAt()), p.closedOnTime(), p.processInstanceId(), p.registeredBy(),
                Times.china(p.createdAt()), docs, timeline, approved, pausedDays, intakes.of(p.id()),
                instructions.forProblem(p.id()));
    }

    /** The short form of a listing's row. */
    public static ProblemView.Summary summary(Problem p) {
        return new ProblemView.Summary(p.id(), p.source(), p.category(), p.unitCode(), p.officerNo(), p.title(),
                p.level(), p.status(), p.repeatCount(), Times.china(p.deadline()), Times.china(p.createdAt()));
    }
}
