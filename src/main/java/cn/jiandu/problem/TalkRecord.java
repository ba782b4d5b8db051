package cn.jiandu.problem;

import java.time.OffsetDateTime;

/**
 * A talk reminder's or an interview's record (谈话提醒记录、约谈记录), as GET
 * /api/problems/{id}/talks shows it.
 *
 * @param heldAt when the talk was held, China time
 * @param participants who was talked to (谈话对象、约谈对象)
 * @param record what was said
 * @param measures the rectification measures required, may be null
 * @param accountability the outcome for the people responsible, null when none was chosen
 * @param recordedBy the user id (警号) who completed the task
 * @param documentId the record's numbered document (GET /api/documents/{id})
 */
public record TalkRecord(long id, TalkKind kind, OffsetDateTime heldAt, String participants, String record,
        String measures, Accountability accountability, String recordedBy, Long documentId) {
}
