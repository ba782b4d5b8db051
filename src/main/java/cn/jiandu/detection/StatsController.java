package cn.jiandu.detection;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.calendar.AppClock;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/**
 * The units' rates and ranking (分流率、受立案率、回执开具率): published to the whole bureau
 * (通报), so every user may read it.
 */
@RestController
@RequestMapping("/api/stats")
@Tag(name = "执法质量统计", description = "各单位分流率、受立案率、文书开具率排名与颜色")
class StatsController {

    private final UnitStats stats;

    StatsController(UnitStats stats) {
        this.stats = stats;
    }

    @GetMapping("/units")
    @Operation(summary = "各单位比率与排名：from、to 为日期（yyyy-MM-dd，含当日，中国时间）")
    UnitStats.Report units(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<InputError> errors = new ArrayList<>();
        LocalDate start = date("from", from, errors);
        LocalDate end = date("to", to, errors);
        if (start != null && end != null && start.isAfter(end)) {
            errors.add(InputError.of("from", "开始日期 " + start + " 晚于结束日期 " + end));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return stats.units(start, end);
    }

    private static LocalDate date(String field, String value, List<InputError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(InputError.of(field, "缺少日期（格式 yyyy-MM-dd）"));
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!AppClock.isInRange(date.getYear())) {
                errors.add(InputError.of(field, "日期超出范围: " + value + "（" + AppClock.range() + "年）"));
                return null;
            }
            return date;
        } catch (DateTimeException e) {
            errors.add(InputError.of(field, "日期无效: " + value + "（格式 yyyy-MM-dd）"));
            return null;
        }
    }
}
