package cn.jiandu.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.level.Level;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.text.PlainText;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.web.NotFoundException;
import cn.jiandu.text.PlainText;

/** Manual urging (人工催办), raising a problem's level from outside (领导交办/规则) and voiding it (作废). */
@RestController
@RequestMapping("/api/problems/{id}")
@Tag(name = "督办", description = "人工催办、提升预警等级、作废")
class EscalationController {

    private final RectificationProcess process;
    private final ProblemService problems;

    EscalationController(RectificationProcess process, ProblemService problems) {
        this.process = process;
        this.problems = problems;
    }

    record VoidRequest(@NotBlank(message = "请填写作废原因")
            @Size(max = 500, message = "作废原因最长500字")
            @Pattern(regexp = PlainText.MULTI_LINE, message = "作废原因不能含控制字符或不完整的字符") String reason) {
    }

    /** The answer to a raise: the level the problem is at now. */
    record Raised(long problemId, Level level) {
    }

    record Note(@Size(max = 500, message = "说明最长500字")
            @Pattern(regexp = PlainText.MULTI_LINE, message = "说明不能含控制字符或不完整的字符") String comment) {
    }

    @PostMapping("/urge")
    @Operation(summary = "人工催办（法制员、法制大队长；两次催办之间有最短间隔）")
    RectificationProcess.Urged urge(@PathVariable long id, @Valid @RequestBody(required = false) Note note,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!RectificationProcess.mayUrge(user)) {
            throw new ForbiddenException("只有法制员、法制大队长可以人工催办");
        }
        return process.urge(id, user.userId(), note == null ? null : note.comment());
    }

    @PostMapping("/raise")
    @Operation(summary = "提升预警等级（法制大队长、分管局领导、主要领导、执法监督委员会）")
    Raised raise(@PathVariable long id, @Valid @RequestBody(required = false) Note note,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!RectificationProcess.mayRaise(user)) {
            throw new ForbiddenException("只有法制大队长和局领导可以提升预警等级");
        }
        return new Raised(id, process.raise(id, user.userId(), note == null ? null : note.comment()));
    }

    @PostMapping("/void")
    @Operation(summary = "作废问题（法制大队长；流程终止、撤销扣分、告知责任单位）")
    RectificationProcess.Voided voidProblem(@PathVariable long id, @Valid @RequestBody VoidRequest request,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Problem problem = problems.find(id).orElseThrow(() -> new NotFoundException("问题不存在: " + id));
        if (!user.seesWholeBureau() && !problem.unitCode().equals(user.unitCode())) {
            throw new NotFoundException("问题不存在: " + id);
        }
        if (!RectificationProcess.mayVoid(user)) {
            throw new ForbiddenException("只有法制大队长可以作废问题");
        }
        return process.voidProblem(id, user.userId(), request.reason().strip());
    }
}
