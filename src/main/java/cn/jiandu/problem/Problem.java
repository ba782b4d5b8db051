package cn.jiandu.problem;

import java.time.Instant;

import cn.jiandu.level.Level;

/** A supervision problem (执法问题) as stored. */
public record Problem(long id, String source, String category, String unitCode, String officerNo, String title,
        String description, Instant occurredAt, boolean sensitive, Level level, ProblemStatus status, int repeatCount,
        Instant signDeadline, Instant deadline, Instant signedAt, Instant reportedAt, Instant closedAt,
        Boolean closedOnTime, Instant lastUrgedAt, String processInstanceId, String findingKey, String registeredBy,
        Instant createdAt) {
}
