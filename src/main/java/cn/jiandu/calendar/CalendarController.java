package cn.jiandu.calendar;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.text.CsvInput;

/** The working-day calendar for administrators (/api/admin/** needs ADMIN, see SecurityConfig). */
@RestController
@RequestMapping("/api/admin/calendar")
@Tag(name = "工作日历", description = "法定节假日与调休上班日（系统管理员）")
class CalendarController {

    private final CalendarAdmin calendar;
    private final AppClock clock;

    CalendarController(CalendarAdmin calendar, AppClock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "某年的节假日与调休上班日（默认今年）；未列出的日子周一至周五上班")
    List<CalendarDay> days(@RequestParam(required = false) Integer year) {
        return calendar.year(year == null ? LocalDate.now(clock).getYear() : year);
    }

    @PutMapping("/{day}")
    @Operation(summary = "设置某天（新增或修改）：HOLIDAY 法定节假日，WORKDAY 调休上班（周六或周日）")
    CalendarDay save(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            @Valid @RequestBody CalendarDayRequest request) {
        return calendar.save(day, request);
    }

    @DeleteMapping("/{day}")
    @Operation(summary = "删除某天的设置（恢复为周一至周五上班）")
    ResponseEntity<Void> delete(@PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        calendar.delete(day);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/import", consumes = {"text/csv", "application/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "导入（CSV：day,kind,name），全部成功或全部不导入；已有日期被覆盖")
    CalendarAdmin.ImportResult importDays(HttpServletRequest request) throws IOException {
        return calendar.importDays(CsvInput.open(request.getInputStream(), request.getContentType()));
    }
}
