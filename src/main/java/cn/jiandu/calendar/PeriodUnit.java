package cn.jiandu.calendar;

/** The unit of a period from which {@link WorkCalendar#deadline} computes a due date. */
public enum PeriodUnit {
    /** 工作日: ends at the end (23:59:59) of the n-th working day after the start date. */
    WORKING_DAYS,
    /** 自然日: ends at the end (23:59:59) of the start date plus n days. */
    CALENDAR_DAYS,
    /** 小时: exactly n hours after the start. */
    HOURS
}
