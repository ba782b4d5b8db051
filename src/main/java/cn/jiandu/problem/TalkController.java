package cn.jiandu.problem;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.NotFoundException;

/** A problem's talk and interview records, seen by whoever sees the problem. */
@RestController
@Tag(name = "执法问题", description = "登记、查询、时间线")
class TalkController {

    private final ProblemService problems;
    private final TalkRecords talks;

    TalkController(ProblemService problems, TalkRecords talks) {
        this.problems = problems;
        this.talks = talks;
    }

    @GetMapping("/api/problems/{id}/talks")
    @Operation(summary = "谈话提醒记录、约谈记录（与问题同样可见）")
    List<TalkRecord> talks(@PathVariable long id, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        Problem problem = problems.find(id).orElseThrow(() -> new NotFoundException("问题不存在: " + id));
        if (!user.seesWholeBureau() && !problem.unitCode().equals(user.unitCode())) {
            throw new NotFoundException("问题不存在: " + id);
        }
        return talks.forProblem(id);
    }
}
