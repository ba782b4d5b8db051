package cn.jiandu.report;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

import cn.jiandu.calendar.AppClock;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.security.Role;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;
import cn.jiandu.web.Page;

/**
 * The supervision reports: made by an administrator at once (or by the schedule), read by
 * anyone logged in, as the bureau's DingTalk group reads them.
 */
@RestController
@Validated
@RequestMapping("/api/reports")
@Tag(name = "监督报告", description = "监督日报、周报、月报")
class ReportController {

    static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    /** The stored HTML is escaped at rendering; this keeps any script out all the same. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    private final ReportService reports;

    ReportController(ReportService reports) {
        this.reports = reports;
    }

    /** {"type": "DAILY|WEEKLY|MONTHLY", "date": "2026-03-20"}: a day inside the period. */
    record MakeRequest(String type, String date) {
    }

    @PostMapping
    @Operation(summary = "立即生成报告（管理员）：date 为该期内任一天；该期已生成则返回已有报告（200）")
    ResponseEntity<ReportSummary> make(@RequestBody(required = false) MakeRequest request,
            Authentication authentication) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!user.hasRole(Role.ADMIN)) {
            throw new ForbiddenException("只有系统管理员可以立即生成报告");
        }
        List<InputError> errors = new ArrayList<>();
        ReportType type = null;
        LocalDate date = null;
        String typeText = request == null ? null : request.type();
        String dateText = request == null ? null : request.date();
        if (typeText == null || typeText.isBlank()) {
            errors.add(InputError.of("type", "报告类型不能为空，可选值: DAILY, WEEKLY, MONTHLY"));
        } else {
            type = ReportType.parse(typeText).orElse(null);
            if (type == null) {
                errors.add(InputError.of("type", "取值无效: " + abbreviate(typeText) + "，可选值: DAILY, WEEKLY, MONTHLY"));
            }
        }
        if (dateText == null || dateText.isBlank()) {
            errors.add(InputError.of("date", "日期不能为空，格式 yyyy-MM-dd（该期内任一天）"));
        } else {
            try {
                date = LocalDate.parse(dateText.strip());
                if (!AppClock.isInRange(date.getYear())) {
                    errors.add(InputError.of("date", "日期超出范围: " + abbreviate(dateText) + "（" + AppClock.range()
                            + "年）"));
                    date = null;
                }
            } catch (DateTimeParseException e) {
                errors.add(InputError.of("date", "日期格式应为 yyyy-MM-dd（如 2026-03-20）: " + abbreviate(dateText)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ReportService.Made made = reports.make(type, date, user.userId());
        if (made.created()) {
            return ResponseEntity.created(URI.create(made.report().url())).body(made.report());
        }
        return ResponseEntity.ok(made.report());
    }

    @GetMapping
    @Operation(summary = "报告列表（新生成的在前，可按类型筛选）")
    Page<ReportSummary> list(@RequestParam(required = false) String type,
            @RequestParam(defaultValue = "0") @Min(value = 0, message = "页码从0开始") int page,
            @RequestParam(defaultValue = "20") @Min(value = 1, message = "每页至少1条")
            @Max(value = 200, message = "每页最多200条") int size) {
        ReportType filter = null;
        if (type != null && !type.isBlank()) {
            filter = ReportType.parse(type).orElseThrow(() -> new InvalidInputException("type",
                    "取值无效: " + abbreviate(type) + "，可选值: DAILY, WEEKLY, MONTHLY"));
        }
        return reports.list(filter, page, size);
    }

    @GetMapping("/{id}")
    @Operation(summary = "报告全文（可打印的 HTML，内容为生成时的原样）")
    ResponseEntity<String> html(@PathVariable long id) {
        ReportSummary report = reports.find(id).orElseThrow(() -> new NotFoundException("报告不存在: " + id));
        return ResponseEntity.ok()
                .contentType(HTML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(report.title() + ".html", StandardCharsets.UTF_8).build().toString())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .body(reports.html(id));
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
