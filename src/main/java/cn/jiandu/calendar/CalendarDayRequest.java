package cn.jiandu.calendar;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A day of the calendar as PUT /api/admin/calendar/{day} receives it. */
record CalendarDayRequest(
        @NotNull(message = "类型不能为空，可选值: HOLIDAY（法定节假日）, WORKDAY（调休上班）")
        DayKind kind,
        @Size(max = 50, message = "名称最长50字")
        String name) {
}
