/**
 * China time (北京时间), declared once ({@link cn.jiandu.time.Times}): the zone every capability
 * shows and counts in. The calendar, the clock and the text helpers build on it.
 */
package cn.jiandu.time;
