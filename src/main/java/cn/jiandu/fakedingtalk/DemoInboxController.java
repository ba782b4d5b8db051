package cn.jiandu.fakedingtalk;

import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.web.NotFoundException;

/**
 * The fake DingTalk's inbox inside the app, behind its login, so that a newcomer running the
 * demo sees what DingTalk would have received. Exists only where the fake runs.
 */
@RestController
@Tag(name = "钉钉演示", description = "模拟钉钉收到的消息；仅演示和测试环境")
class DemoInboxController {

    private final ObjectProvider<FakeDingTalk> fake;

    DemoInboxController(ObjectProvider<FakeDingTalk> fake) {
        this.fake = fake;
    }

    @GetMapping("/api/demo/dingtalk/inbox")
    @Operation(summary = "钉钉消息收件箱（演示）：按人员和群机器人列出模拟钉钉收到的消息")
    ResponseEntity<String> inbox() {
        FakeDingTalk running = fake.getIfAvailable();
        if (running == null) {
            throw new NotFoundException("未启用模拟钉钉（jiandu.dingtalk.fake.enabled=false）");
        }
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(running.inboxHtml());
    }
}
