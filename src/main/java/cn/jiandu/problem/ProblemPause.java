package cn.jiandu.problem;

import java.time.Instant;

/**
 * A pause of a problem's rectification clock (暂停计时) as stored: asked by the unit, decided
 * by the legal brigade captain (APPROVED, REJECTED, or LAPSED when the deadline came first);
 * an approved pause runs from {@code fromAt} to {@code toAt}, ended RESUMED or EXPIRED, and
 * moved the deadline by {@code workingDays}.
 */
public record ProblemPause(long id, long problemId, Instant requestedAt, String requestedBy, String reason,
        String detail, String decidedBy, String decision, Instant decidedAt, Instant fromAt, Instant toAt,
        String endedBy, Integer workingDays) {

    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String LAPSED = "LAPSED";
    public static final String RESUMED = "RESUMED";
    public static final String EXPIRED = "EXPIRED";
}
