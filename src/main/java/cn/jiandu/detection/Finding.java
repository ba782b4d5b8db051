package cn.jiandu.detection;

import java.time.Instant;

import cn.jiandu.level.Level;

/** A rule's finding on one record, as stored. */
record Finding(String rule, String recordKey, String unitCode, String officerNo, Level level, String status,
        Long problemId, Instant firstSeenAt, Instant lastSeenAt, Instant rectifiedAt) {

    static final String OPEN = "OPEN";
    static final String RECTIFIED = "RECTIFIED";

    boolean isOpen() {
        return OPEN.equals(status);
    }
}
