package cn.jiandu.intake;

import java.time.Instant;

/** One call back (回访) as stored, with the legal captain's review of a dissatisfied one. */
public record CallbackRecord(long id, int round, int attempt, CallbackOutcome outcome, String note, Instant calledAt,
        String calledBy, String reviewDecision, String reviewNote, Instant reviewedAt, String reviewedBy) {
}
