package cn.jiandu.notification;

import java.time.Instant;

import cn.jiandu.level.Level;

/**
 * A message about a step of a problem, with what the message says of the problem as the
 * caller has it now: its unit (recipients and name), officer, level and rectification
 * deadline. {@code instance} tells this occurrence of the step from others (a level, a
 * deadline, a reminder's number).
 */
public record ProblemNotice(long problemId, String title, String unitCode, String officerNo, Level level,
        Instant deadline, NotificationStep step, String instance, String note) {
}
