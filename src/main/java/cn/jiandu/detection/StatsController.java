package cn.jiandu.detection;


import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.calendar.DateRange;

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
        DateRange range = DateRange.parse(from, to);
        return stats.units(range.from(), range.to());
    }
}
