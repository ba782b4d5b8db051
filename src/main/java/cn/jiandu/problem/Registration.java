package cn.jiandu.problem;

import java.time.Instant;

import cn.jiandu.level.Level;

/**
 * What registers a problem: the API (a legal officer or a channel), the Tasklist's start
 * form, or a detection rule (with its finding key and the level the rule asks for).
 */
public record Registration(String source, String category, String unitCode, String officerNo, String title,
        String description, Instant occurredAt, boolean sensitive, Level requestedLevel, String findingKey,
        String registeredBy) {
}
