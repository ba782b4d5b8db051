package cn.jiandu.detection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.level.Level;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;
import cn.jiandu.time.Times;

/**
 * Rule runs (the legal department and the bureau's leaders; on a schedule by themselves)
 * and their findings (the bureau's view; an officer sees his own unit's).
 */
@RestController
@Validated
@RequestMapping("/api/detection")
@Tag(name = "问题发现", description = "规则检测、发现的问题线索")
class DetectionController {

    private final DetectionRuns runs;

    DetectionController(DetectionRuns runs) {
        this.runs = runs;
    }

    /** A finding as listed. */
    record FindingView(String rule, String ruleName, String recordKey, String unitCode, String officerNo, Level level,
            String status, Long problemId, OffsetDateTime firstSeenAt, OffsetDateTime lastSeenAt,
            OffsetDateTime rectifiedAt) {
    }

    /** A run as listed. */
    record RunView(long runId, String slotKey, String mode, String status, OffsetDateTime asOf,
            OffsetDateTime since, int opened, int raised, int rectified, int failed, String findings, String message,
            String startedBy, OffsetDateTime finishedAt) {
    }

    @PostMapping("/runs")
    @Operation(summary = "立即运行全部规则（默认增量；mode=FULL 全量），为新发现的问题登记并启动整改流程")
    DetectionRuns.Result run(@RequestParam(required = false) String mode, Authentication authentication) {
        CurrentUser user = Access.requireBureau(authentication);
        boolean full = false;
        if (mode != null) {
            switch (mode.toUpperCase(Locale.ROOT)) {
                case DetectionRun.FULL -> full = true;
                case DetectionRun.INCREMENTAL -> full = false;
                default -> throw new InvalidInputException("mode", "取值无效: " + mode + "，可选值: FULL, INCREMENTAL");
            }
        }
        return runs.run(full, user.userId());
    }

    @GetMapping("/runs")
    @Operation(summary = "最近的检测运行（含定时运行）")
    List<RunView> recentRuns(@RequestParam(defaultValue = "20") @Min(value = 1, message = "至少1条")
            @Max(value = 200, message = "最多200条") int limit, Authentication authentication) {
        Access.requireBureau(authentication);
        return runs.recent(limit).stream().map(DetectionController::view).toList();
    }

    @GetMapping("/runs/{id}")
    @Operation(summary = "一次检测运行")
    RunView runOf(@PathVariable long id, Authentication authentication) {
        Access.requireBureau(authentication);
        return runs.find(id).map(DetectionController::view)
                .orElseThrow(() -> new NotFoundException("检测运行不存在: " + id));
    }

    @GetMapping("/findings")
    @Operation(summary = "规则发现的问题线索及其问题编号（本单位民警只看本单位）")
    List<FindingView> findings(@RequestParam(required = false) String rule,
            @RequestParam(required = false) String unitCode, @RequestParam(required = false) String status,
            @RequestParam(defaultValue = "1000") @Min(value = 1, message = "至少1条")
            @Max(value = 10000, message = "最多10000条") int limit, Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        String unit = unitCode == null || unitCode.isBlank() ? null : unitCode.strip();
        if (!user.seesWholeBureau()) {
            if (unit != null && !unit.equals(user.unitCode())) {
                throw new ForbiddenException("只能查看本单位的问题线索");
            }
            if (user.unitCode() == null) {
                return List.of();
            }
            unit = user.unitCode();
        }
        Rule wanted = null;
        if (rule != null && !rule.isBlank()) {
            try {
                wanted = Rule.valueOf(rule.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("rule", "未知的规则: " + rule + "，可选值: "
                        + String.join(", ", java.util.Arrays.stream(Rule.values()).map(Rule::name).toList()));
            }
        }
        String wantedStatus = null;
        if (status != null && !status.isBlank()) {
            wantedStatus = status.strip().toUpperCase(Locale.ROOT);
            if (!Finding.OPEN.equals(wantedStatus) && !Finding.RECTIFIED.equals(wantedStatus)) {
                throw new InvalidInputException("status", "取值无效: " + status + "，可选值: OPEN, RECTIFIED");
            }
        }
        return runs.findings(wanted, unit, wantedStatus, limit).stream()
                .map(f -> new FindingView(f.rule(), ruleName(f.rule()), f.recordKey(), f.unitCode(), f.officerNo(),
                        f.level(), f.status(), f.problemId(), Times.china(f.firstSeenAt()),
                        Times.china(f.lastSeenAt()), Times.china(f.rectifiedAt())))
                .toList();
    }

    private static String ruleName(String rule) {
        try {
            return Rule.valueOf(rule).label();
        } catch (IllegalArgumentException e) {
            return rule;
        }
    }

    private static RunView view(DetectionRun r) {
        return new RunView(r.id(), r.slotKey(), r.mode(), r.status(), Times.china(r.asOf()), Times.china(r.sinceAt()),
                r.opened(), r.raised(), r.rectified(), r.failed(), r.summary(), r.message(), r.startedBy(),
                Times.china(r.finishedAt()));
    }
}
