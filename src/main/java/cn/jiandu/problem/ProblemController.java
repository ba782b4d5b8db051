package cn.jiandu.problem;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
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

import cn.jiandu.level.Level;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.ForbiddenException;
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
    private final ProblemViews views;

    ProblemController(ProblemService problems, ProblemViews views) {
        this.problems = problems;
        this.views = views;
    }

    @PostMapping("/problems")
    @Operation(summary = "登记执法问题（同时启动整改督办流程）")
    ResponseEntity<ProblemView> register(@Valid @RequestBody RegisterRequest request, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Problem problem = views.register(new Registration(request.source(), request.category(),
                request.unitCode(), request.officerNo(), request.title(), request.description(),
                request.occurredAt() == null ? null : request.occurredAt().toInstant(),
                Boolean.TRUE.equals(request.sensitive()), null, null, user.userId()), user);
        return ResponseEntity.created(URI.create("/api/problems/" + problem.id())).body(views.view(problem));
    }

    @GetMapping("/problems/{id}")
    @Operation(summary = "问题详情：等级、状态、期限、文书与时间线")
    ProblemView problem(@PathVariable long id, Authentication authentication) {
        return views.view(views.visible(id, CurrentUser.of(authentication)));
    }

    @GetMapping("/problems")
    @Operation(summary = "问题列表（分页；本单位民警只看本单位）")
    Page<ProblemView.Summary> list(@RequestParam(required = false) String unitCode,
            @RequestParam(required = false) Level level, @RequestParam(required = false) ProblemStatus status,
            @RequestParam(required = false) @Size(max = 100, message = "搜索词最长100字") String q,
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
        Page<Problem> found = problems.page(unit, level, status, q, page, size);
        return new Page<>(found.items().stream().map(ProblemViews::summary).toList(), found.page(), found.size(),
                found.total());
    }

    @GetMapping("/reference/sources")
    @Operation(summary = "问题来源（监督渠道）：代码、名称、类型、是否启用、是否回访；已停用的也列出（旧问题仍用其名称）")
    List<Channel> sources() {
        return problems.sources();
    }

    @GetMapping("/reference/categories")
    @Operation(summary = "问题类别")
    List<ReferenceItem> categories() {
        return problems.categories();
    }
}
