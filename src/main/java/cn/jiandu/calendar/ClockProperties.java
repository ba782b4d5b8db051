package cn.jiandu.calendar;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * jiandu.clock.*: whether an administrator may move the application's time
 * (POST /api/admin/clock). For demo and test runs only, never in production.
 */
@ConfigurationProperties("jiandu.clock")
record ClockProperties(@DefaultValue("false") boolean adjustable) {
}
