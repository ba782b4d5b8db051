package cn.jiandu.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.calendar.AppClock;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/**
 * 群众诉求与回访统计 (GET /api/stats/intake): counts only, published to the whole bureau like
 * the units' rates (GET /api/stats/units), so every user may read it; a channel platform's
 * machine account (INTAKE) may not (SecurityConfig).
 */
@RestController
@Tag(name = "群众诉求与回访统计", description = "各渠道、各单位受理、分派、回访率、满意率、诉求清零")
class IntakeStatsController {

    private final IntakeStats stats;

    IntakeStatsController(IntakeStats stats) {
        this.stats = stats;
    }

    @GetMapping("/api/stats/intake")
    @Operation(summary = "群众诉求与回访：from、to 为日期（yyyy-MM-dd，含当日，中国时间），合计、各渠道、各单位（按满意率排名）")
    IntakeFigures intake(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<InputError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(InputError.of("from", "开始日期 " + start + " 晚于结束日期 " + end));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return stats.count(start, end);
    }

    private static LocalDate date(String field, String value, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(InputError.of(field, "缺少日期（格式 yyyy-MM-dd）"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!AppClock.isInRange(date.getYear())) {
                errors.add(InputError.of(field, "日期超出范围: " + abbreviate(value) + "（" + AppClock.range() + "年）"));
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(InputError.of(field, "日期无效: " + abbreviate(value) + "（格式 yyyy-MM-dd）"));
            return null;
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
