package cn.jiandu.escalation;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.security.CurrentUser;

/**
 * The process owner's (流程管理员) API: the versions of a process with their running problems,
 * and migrations of running problems to another version. PROCESS_OWNER or ADMIN (SecurityConfig).
 */
@RestController
@RequestMapping("/api/admin/processes")
@Tag(name = "流程版本", description = "流程版本、运行中问题的版本迁移（流程管理员、系统管理员）")
class ProcessMigrationController {

    private final ProcessMigrations migrations;

    ProcessMigrationController(ProcessMigrations migrations) {
        this.migrations = migrations;
    }

    /** The body of a migration; a missing dryRun is false (the instances that can move are moved). */
    record MigrationRequest(String processKey, Integer fromVersion, Integer toVersion, Boolean dryRun) {
    }

    @GetMapping("/{processKey}/versions")
    @Operation(summary = "流程的各版本、运行中实例数，以及旧版本中停留在最新版本已删除活动的问题")
    ProcessMigrations.Versions versions(@PathVariable String processKey) {
        return migrations.versions(processKey);
    }

    @PostMapping("/migrations")
    @Operation(summary = "将运行中的问题从一个流程版本迁移到另一个版本（dryRun：只校验不迁移；否则以批处理迁移可迁移的实例）")
    ProcessMigrations.Answer migrate(@RequestBody MigrationRequest request, Authentication authentication) {
        return migrations.migrate(new ProcessMigrations.Request(request.processKey(), request.fromVersion(),
                request.toVersion(), Boolean.TRUE.equals(request.dryRun())), CurrentUser.of(authentication).userId());
    }
}
