/**
 * The working-day calendar (工作日历), deadlines counted on it, China time declared once
 * ({@link cn.jiandu.time.Times}) and the one clock ({@link cn.jiandu.calendar.AppClock}).
 * Serves every capability that counts days or shows a time.
 */
package cn.jiandu.calendar;
