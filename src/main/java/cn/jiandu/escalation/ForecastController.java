package cn.jiandu.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import cn.jiandu.time.Times;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/**
 * The forecast (预测) of the follow-up's timers, and of a candidate deadlines.dmn, for the
 * process owner and the administrator (who may read it: security.SecurityConfig).
 */
@RestController
@RequestMapping("/api/admin/forecast")
@Tag(name = "预测", description = "督办计时器的预测：提醒、催办、督办、提级与钉钉消息")
class ForecastController {

    /** A quarter of a year: longer forecasts say little, open problems change every day. */
    static final int MAX_DAYS = 92;

    /** A deadlines.dmn is some tens of kilobytes; a megabyte is no model. */
    static final int MAX_FILE_BYTES = 1024 * 1024;
    /** Without from and to, the candidate is forecast for the next 30 days. */
    static final int DEFAULT_DAYS = 30;

    private final Forecasts forecasts;
    private final DeadlineTables tables;
    private final Clock clock;

    ForecastController(Forecasts forecasts, DeadlineTables tables, Clock clock) {
        this.forecasts = forecasts;
        this.tables = tables;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "按日、按单位预测在办问题的计时器将产生的提醒、催办、督办、提级与钉钉消息（日期为北京时间，含首尾）")
    Forecasts.Forecast forecast(@RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Range range = range(from, to, true);
        return forecasts.forecast(range.from(), range.to());
    }

    @PostMapping(path = "/deadlines", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "试算候选的 deadlines.dmn（表单字段 file）：在办问题现有与按候选规则的期限，及两者预测的差别；不部署、不改变任何数据")
    Forecasts.CandidateForecast candidate(@RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        Range range = range(from, to, false);
        LocalDate first = range.from() != null ? range.from() : LocalDate.now(clock.withZone(Times.CHINA));
        LocalDate last = range.to() != null ? range.to() : first.plusDays(DEFAULT_DAYS - 1);
        range(first.toString(), last.toString(), true);
        if (file == null || file.isEmpty()) {
            throw new InvalidInputException("file", "请上传候选的期限规则文件 deadlines.dmn（表单字段 file）");
        }
        if (file.getSize() > MAX_FILE_BYTES) {
            throw new InvalidInputException("file", "期限规则文件过大（最大1MB）");
        }
        DeadlineTables.Candidate candidate;
        try {
            candidate = tables.candidate(file.getBytes());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("file", e.getMessage());
        } catch (java.io.IOException e) {
            throw new InvalidInputException("file", "无法读取上传的期限规则文件");
        }
        return forecasts.candidate(candidate::rules, first, last);
    }

    record Range(LocalDate from, LocalDate to) {
    }

    /** from and to (yyyy-MM-dd, both included): given, readable, in order, at most {@link #MAX_DAYS} days. */
    static Range range(String from, String to, boolean required) {
        List<InputError> errors = new ArrayList<>();
        LocalDate first = date("from", "开始日期", from, required, errors);
        LocalDate last = date("to", "结束日期", to, required, errors);
        if (first != null && last != null) {
            if (last.isBefore(first)) {
                errors.add(InputError.of("to", "结束日期不能早于开始日期"));
            } else if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
                errors.add(InputError.of("to", "预测范围最长" + MAX_DAYS + "天"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Range(first, last);
    }

    private static LocalDate date(String field, String label, String value, boolean required,
            List<InputError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(InputError.of(field, "请填写" + label + "（yyyy-MM-dd）"));
            }
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(InputError.of(field, label + "格式应为 yyyy-MM-dd"));
            return null;
        }
    }
}
