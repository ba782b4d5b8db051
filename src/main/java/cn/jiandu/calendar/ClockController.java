package cn.jiandu.calendar;

import java.time.OffsetDateTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;

/** The application's time; moving it exists only where jiandu.clock.adjustable=true. */
@RestController
@RequestMapping("/api/admin/clock")
@Tag(name = "系统时钟", description = "当前时间；仅演示和测试环境可调整")
class ClockController {

    private final AppClock clock;

    ClockController(AppClock clock) {
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "当前时间及是否可调整")
    ClockView now() {
        return new ClockView(OffsetDateTime.now(clock), clock.isAdjustable());
    }

    @PostMapping
    @Operation(summary = "调整当前时间（仅 jiandu.clock.adjustable=true 时可用，可前移也可回拨）")
    ClockView move(@RequestBody(required = false) ClockRequest request) {
        if (!clock.isAdjustable()) {
            // the feature does not exist on this installation
            throw new NotFoundException("本系统未启用时钟调整（仅演示和测试环境可用）");
        }
        if (request == null || request.now() == null) {
            throw new InvalidInputException("now", "时间不能为空，格式如 2026-03-10T09:00:00+08:00");
        }
        int year = request.now().getYear();
        if (!AppClock.isInRange(year)) {
            throw new InvalidInputException("now", "时间超出范围: " + request.now() + "（" + AppClock.range() + "年）");
        }
        clock.setNow(request.now().toInstant());
        return now();
    }

    record ClockRequest(OffsetDateTime now) {
    }

    record ClockView(OffsetDateTime now, boolean adjustable) {
    }
}
