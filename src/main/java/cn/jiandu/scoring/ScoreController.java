package cn.jiandu.scoring;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.web.InvalidInputException;

/** The monthly score rankings (积分排名) of units and officers. */
@RestController
@RequestMapping("/api")
@Tag(name = "执法质量积分", description = "单位、民警月度积分排名")
class ScoreController {

    private final ScoreService scores;
    private final Clock clock;

    ScoreController(ScoreService scores, Clock clock) {
        this.scores = scores;
        this.clock = clock;
    }

    @GetMapping("/scores")
    @Operation(summary = "月度积分排名：每个单位（分局机关除外）或民警均列出，积分 = 基础分 − 当月扣分，高分在前")
    List<ScoreEntry> ranking(
            @Parameter(description = "月份 yyyy-MM，缺省为本月") @RequestParam(required = false) String month,
            @Parameter(description = "unit（单位，缺省）或 officer（民警）") @RequestParam(required = false) String by) {
        YearMonth ym = month == null || month.isBlank() ? YearMonth.now(clock) : parseMonth(month);
        ScoreSubject subject = by == null || by.isBlank() ? ScoreSubject.UNIT
                : ScoreSubject.parse(by).orElseThrow(
                        () -> new InvalidInputException("by", "取值无效: " + abbreviate(by) + "，可选值: unit, officer"));
        return scores.ranking(ym, subject, null);
    }

    private static YearMonth parseMonth(String month) {
        try {
            if (!month.strip().matches("\\d{4}-\\d{2}")) {
                throw new DateTimeParseException("not yyyy-MM", month, 0);
            }
            return YearMonth.parse(month.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("month", "月份格式应为 yyyy-MM（如 2026-03）: " + abbreviate(month));
        }
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
