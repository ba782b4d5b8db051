package cn.jiandu.problem;

import cn.jiandu.level.Level;

/**
 * Published by {@link ProblemService#register} inside its transaction, once the problem is
 * stored: whoever runs the problem's process starts it from this, in the same transaction.
 * {@code requestedLevel} is the level a detection rule asks for, else null.
 */
public record ProblemRegistered(long problemId, String source, String category, String unitCode, String officerNo,
        String title, boolean sensitive, Level requestedLevel, String registeredBy) {
}
