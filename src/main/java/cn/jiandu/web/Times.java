package cn.jiandu.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Instants shown to users: in China time, with the +08:00 offset written out. */
public final class Times {

    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private Times() {
    }

    public static OffsetDateTime china(Instant instant) {
        return instant == null ? null : instant.atZone(CHINA).toOffsetDateTime();
    }
}
