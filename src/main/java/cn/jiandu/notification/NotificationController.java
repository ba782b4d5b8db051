package cn.jiandu.notification;

import java.time.Clock;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.ConflictException;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;

/** The outbox for the legal department and administrators: what failed, and sending it again. */
@RestController
@Validated
@RequestMapping("/api/notifications")
@Tag(name = "钉钉通知", description = "发件箱、失败重发")
class NotificationController {

    private static final List<String> STATUSES = List.of(OutboxMessage.PENDING, OutboxMessage.SENDING,
            OutboxMessage.SENT, OutboxMessage.FAILED);

    private final OutboxMapper mapper;
    private final Clock clock;

    NotificationController(OutboxMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "发件箱（status=PENDING|SENDING|SENT|FAILED，problemId）")
    List<OutboxMessage> list(@RequestParam(required = false) String status, @RequestParam(required = false) Long problemId,
            @RequestParam(defaultValue = "200") @Min(value = 1, message = "至少1条") @Max(value = 1000, message = "最多1000条") int limit,
            Authentication authentication) {
        requireLegalOrAdmin(authentication);
        if (status != null && !STATUSES.contains(status)) {
            throw new InvalidInputException("status", "取值无效: " + status + "，可选值: " + String.join(", ", STATUSES));
        }
        return mapper.list(status, problemId, limit);
    }

    @GetMapping("/read-state")
    @Operation(summary = "一个问题的钉钉消息及已读情况（已读 n/m）")
    List<MessageReadState> readState(@RequestParam long problemId, Authentication authentication) {
        requireLegalOrAdmin(authentication);
        return mapper.readStates(problemId);
    }

    @PostMapping("/{id}/retry")
    @Operation(summary = "重发一条发送失败的消息")
    @Transactional
    OutboxMessage retry(@PathVariable long id, Authentication authentication) {
        requireLegalOrAdmin(authentication);
        OutboxMessage message = mapper.find(id);
        if (message == null) {
            throw new NotFoundException("消息不存在: " + id);
        }
        if (mapper.retry(id, clock.instant()) == 0) {
            throw new ConflictException("只有发送失败（FAILED）的消息可以重发，当前状态: " + message.status());
        }
        return mapper.find(id);
    }

    private static void requireLegalOrAdmin(Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.hasRole(cn.jiandu.security.Role.ADMIN) && !user.hasRole(cn.jiandu.security.Role.LEGAL_OFFICER)
                && !user.hasRole(cn.jiandu.security.Role.LEGAL_CAPTAIN)) {
            throw new ForbiddenException("只有法制部门和系统管理员可以查看发件箱");
        }
    }
}
