package cn.jiandu.notification;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.notification.dingtalk.DingTalkQuota;

/** The month's metered DingTalk calls for the administrator (/api/admin/**: ADMIN only). */
@RestController
@Tag(name = "钉钉通知", description = "发件箱、失败重发")
class QuotaController {

    private final DingTalkQuota quota;

    QuotaController(DingTalkQuota quota) {
        this.quota = quota;
    }

    @GetMapping("/api/admin/dingtalk/quota")
    @Operation(summary = "钉钉接口本月用量（计量调用：待办、卡片、工作通知、DING）：month, calls, quota, ratio, byApi")
    DingTalkQuota.Usage quota() {
        return quota.usage();
    }
}
