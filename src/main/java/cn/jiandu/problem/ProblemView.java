package cn.jiandu.problem;

import java.time.OffsetDateTime;
import java.util.List;

import cn.jiandu.level.Level;

/** A problem as the API shows it: names beside codes, its documents and its timeline. */
public record ProblemView(long id, String source, String sourceName, String category, String categoryName,
        String unitCode, String unitName, String officerNo, String officerName, String title, String description,
        OffsetDateTime occurredAt, boolean sensitive, Level level, String levelLabel, ProblemStatus status,
        int repeatCount, OffsetDateTime signDeadline, OffsetDateTime deadline, OffsetDateTime signedAt,
        OffsetDateTime closedAt, Boolean closedOnTime, String processInstanceId, String registeredBy,
        OffsetDateTime createdAt, List<DocumentLink> documents, List<TimelineEntry> timeline, List<Pause> pauses,
        int pausedWorkingDays, List<ProblemIntakes.Link> intakes, List<Instruction> instructions) {

    /** An approved pause of the rectification clock; {@code to} is null while it runs. */
    public record Pause(OffsetDateTime from, OffsetDateTime to, String reason, String detail, String approvedBy) {
    }

    /**
     * @param unitCode the unit it was issued to
     * @param superseded whether a later document replaced it (re-issued to the unit a problem was transferred to)
     * @param supersededBy that later document's id, else null
     */
    public record DocumentLink(long id, String type, String typeName, String number, String url, OffsetDateTime issuedAt,
            String unitCode, boolean superseded, Long supersededBy) {
    }

    public record TimelineEntry(OffsetDateTime at, EventKind kind, String kindLabel, String actor, Level level,
            String detail, String ref) {
    }

    /** The short form of the listing. */
    public record Summary(long id, String source, String category, String unitCode, String officerNo, String title,
            Level level, ProblemStatus status, int repeatCount, OffsetDateTime deadline, OffsetDateTime createdAt) {
    }
}
