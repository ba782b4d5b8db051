package cn.jiandu.detection;

import java.time.Instant;

/** A run of the rules as stored. */
record DetectionRun(long id, String slotKey, String mode, String status, Instant asOf, Instant sinceAt,
        long importMark, int opened, int raised, int rectified, int failed, String summary, String message,
        String startedBy, Instant finishedAt) {

    static final String FULL = "FULL";
    static final String INCREMENTAL = "INCREMENTAL";
    static final String WAITING = "WAITING";
    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
}
