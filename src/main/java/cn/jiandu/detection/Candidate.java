package cn.jiandu.detection;

import java.time.Instant;

/**
 * A record a rule's query found: its key, unit and officer, when its period started (or,
 * for measures, ends), when its step was done (two times where either step counts: 立案 or
 * 不予立案), and its kind (category or measure type) for the problem's wording.
 */
record Candidate(String recordKey, String unitCode, String officerNo, Instant startAt, Instant doneAt,
        Instant otherDoneAt, String detail) {

    /** The earlier of the two done times; null when neither. */
    Instant done() {
        if (doneAt == null) {
            return otherDoneAt;
        }
        return otherDoneAt == null || doneAt.isBefore(otherDoneAt) ? doneAt : otherDoneAt;
    }
}
