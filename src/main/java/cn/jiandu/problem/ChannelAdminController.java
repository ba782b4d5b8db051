package cn.jiandu.problem;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The channels (问题来源) for administrators (/api/admin/** needs ADMIN, see SecurityConfig):
 * create, rename, deactivate, reactivate. There is no DELETE (405): problems name channels.
 */
@RestController
@RequestMapping("/api/admin/sources")
@Tag(name = "问题来源管理", description = "新增、改名、停用、启用监督渠道（系统管理员）；渠道不可删除")
class ChannelAdminController {

    private final ProblemService problems;

    ChannelAdminController(ProblemService problems) {
        this.problems = problems;
    }

    @PutMapping("/{code}")
    @Operation(summary = "新增或修改渠道：name 名称，kind 类型（HOTLINE, MAILBOX, VISIT, ONLINE, INTERNAL, JUDICIAL, "
            + "MEDIA, OTHER），active 是否启用（默认是），callback 是否回访（默认按类型）；新增答 201")
    ResponseEntity<Channel> save(@PathVariable String code, @RequestBody ChannelRequest request) {
        ProblemService.SavedChannel saved = problems.saveSource(code, request);
        return saved.created()
                ? ResponseEntity.created(URI.create("/api/admin/sources/" + code)).body(saved.channel())
                : ResponseEntity.status(HttpStatus.OK).body(saved.channel());
    }
}
