package cn.jiandu.problem;

import java.time.Instant;

/**
 * A talk record to store, as the escalation read it from the completed task's form.
 *
 * @param taskId the task completed: one record per task
 * @param unitCode the unit responsible when the talk was held
 * @param officerNo the officer responsible then, may be null
 */
public record NewTalk(long problemId, TalkKind kind, String taskId, String unitCode, String officerNo,
        Instant heldAt, String participants, String record, String measures, Accountability accountability,
        String recordedBy, Instant recordedAt, Long documentId) {

    /** The longest texts the table holds, in characters (the forms allow as much). */
    public static final int MAX_PARTICIPANTS = 200;
    public static final int MAX_RECORD = 4000;
    public static final int MAX_MEASURES = 2000;
}
