package cn.jiandu.problem;

import java.time.Instant;

import cn.jiandu.level.Level;

/** One entry of a problem's timeline. */
public record ProblemEvent(long id, long problemId, Instant at, EventKind kind, String actor, Level level,
        String detail, String ref) {
}
