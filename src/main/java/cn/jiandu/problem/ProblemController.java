package cn.jiandu.problem;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.time.Times;
import cn.jiandu.document.DocumentService;
import cn.jiandu.level.Level;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.web.NotFoundException;
import cn.jiandu.web.Page;

/**
 * Problems: registration by the legal department and the bureau's leaders (or a channel's
 * integration account with such a role); reading by them and by the problem's own unit.
 */
@RestController
@Validated
@RequestMapping("/api")
@Tag(name = "执法问题", description = "登记、查询、时间线")
class ProblemController {

    private final ProblemService problems;
    private final OrganisationService organisation;
    private final DocumentService documents;
    private final ProblemPauses pauses;

    ProblemController(ProblemService problems, OrganisationService organisation, DocumentService documents,
            ProblemPauses pauses) {
        this.pauses = pauses;
        this.problems = problems;
        this.organisation = organisation;
        this.documents = documents;
    }

    @PostMapping("/problems")
    @Operation(summary = "登记执法问题（同时启动整改督办流程）")
    ResponseEntity<ProblemView> register(@Valid @RequestBody RegisterRequest request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.seesWholeBureau()) {
            throw new ForbiddenException("只有法制部门和局领导可以登记执法问题");
        }
        Problem problem = problems.register(new Registration(request.source(), request.category(),
                request.unitCode(), request.officerNo(), request.title(), request.description(),
                request.occurredAt() == null ? null : request.occurredAt().toInstant(),
                Boolean.TRUE.equals(request.sensitive()), null, null, user.userId()));
        return ResponseEntity.created(URI.create("/api/problems/" + problem.id())).body(view(problem));
    }

    @GetMapping("/problems/{id}")
    @Operation(summary = "问题详情：等级、状态、期限、文书与时间线")
    ProblemView problem(@PathVariable long id, Authentication authentication) {
        Problem problem = problems.find(id).orElseThrow(() -> new NotFoundException("问题不存在: " + id));
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.seesWholeBureau() && !problem.unitCode().equals(user.unitCode())) {
            throw new NotFoundException("问题不存在: " + id);
        }
        return view(problem);
    }

    @GetMapping("/problems")
    @Operation(summary = "问题列表（分页；本单位民警只看本单位）")
    Page<ProblemView.Summary> list(@RequestParam(required = false) String unitCode,
            @RequestParam(required = false) Level level, @RequestParam(required = false) ProblemStatus status,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码从0开始") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条")
            @Max(value = 200, message = "每页最多200条") int size,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        String unit = unitCode;
        if (!user.seesWholeBureau()) {
            if (unitCode != null && !unitCode.equals(user.unitCode())) {
                throw new ForbiddenException("只能查看本单位的问题");
            }
            unit = user.unitCode();
            if (unit == null) {
                return new Page<>(List.of(), page, size, 0);
            }
        }
        Page<Problem> found = problems.page(unit, level, status, page, size);
        return new Page<>(found.items().stream().map(ProblemController::summary).toList(), found.page(), found.size(),
                found.total());
    }

    @GetMapping("/reference/sources")
    @Operation(summary = "问题来源（监督渠道）")
    List<ReferenceItem> sources() {
        return problems.sources();
    }

    @GetMapping("/reference/categories")
    @Operation(summary = "问题类别")
    List<ReferenceItem> categories() {
        return problems.categories();
    }

    private ProblemView view(Problem p) {
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
                Times.china(p.createdAt()), docs, timeline, approved, pausedDays);
    }

    private static ProblemView.Summary summary(Problem p) {
        return new ProblemView.Summary(p.id(), p.source(), p.category(), p.unitCode(), p.officerNo(), p.title(),
                p.level(), p.status(), p.repeatCount(), Times.china(p.deadline()), Times.china(p.createdAt()));
    }
}
