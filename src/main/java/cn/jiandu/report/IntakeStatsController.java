package cn.jiandu.report;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.calendar.DateRange;

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
        DateRange range = DateRange.parse(from, to);
        return stats.count(range.from(), range.to());
    }
}
