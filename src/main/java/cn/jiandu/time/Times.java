package cn.jiandu.time;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * China time, declared once: the bureaus work in it, dates in the database and in Camunda
 * follow it. Instants shown to users are in it, with the +08:00 offset written out.
 */
public final class Times {

    /** The zone's id, a compile-time constant for annotations such as {@code @Scheduled(zone = ...)}. */
    public static final String ZONE_ID = "Asia/Shanghai";

    public static final ZoneId CHINA = ZoneId.of(ZONE_ID);

    private Times() {
    }

    public static OffsetDateTime china(Instant instant) {
        return instant == null ? null : instant.atZone(CHINA).toOffsetDateTime();
    }
}
