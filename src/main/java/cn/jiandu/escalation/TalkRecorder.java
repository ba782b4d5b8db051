package cn.jiandu.escalation;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.document.Document;
import cn.jiandu.document.DocumentService;
import cn.jiandu.document.DocumentType;
import cn.jiandu.document.IssueCommand;
import cn.jiandu.level.Level;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.NewTalk;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TalkKind;
import cn.jiandu.problem.TalkRecords;
import cn.jiandu.problem.TimelineText;
import cn.jiandu.scoring.ScoreService;
import cn.jiandu.time.Times;

/**
 * A completed talk reminder or leadership interview: stores its record, issues its numbered
 * document (谈话提醒记录, 约谈记录), charges the officer for an accountability outcome and
 * writes all of it into the timeline, in the task's transaction.
 */
@Service
class TalkRecorder {

    private final TalkRecords talks;
    private final DocumentService documents;
    private final ProblemService problems;
    private final OrganisationService organisation;
    private final ScoreService scores;
    private final Clock clock;

    TalkRecorder(TalkRecords talks, DocumentService documents, ProblemService problems,
            OrganisationService organisation, ScoreService scores, Clock clock) {
        this.talks = talks;
        this.documents = documents;
        this.problems = problems;
        this.organisation = organisation;
        this.scores = scores;
        this.clock = clock;
    }

    static DocumentType documentType(TalkKind kind) {
        return kind == TalkKind.DISCIPLINE_TALK ? DocumentType.TALK_RECORD : DocumentType.INTERVIEW_RECORD;
    }

    /** The record's id. Its document's number is taken at the commit; the timeline quotes it then. */
    @Transactional
    long record(long problemId, Level level, String taskId, String actor, TalkForm form) {
        Problem problem = problems.get(problemId);
        DocumentType type = documentType(form.kind());
        Map<String, Object> model = new HashMap<>();
        model.put("title", problem.title());
        model.put("description", problem.description());
        model.put("unitName", organisation.findUnit(problem.unitCode()).map(Unit::name).orElse(problem.unitCode()));
        model.put("officerName", problem.officerNo() == null ? ""
                : organisation.findOfficer(problem.officerNo()).map(Officer::name).orElse(problem.officerNo()));
        model.put("level", level.name());
        model.put("levelLabel", level.label());
        model.put("kindLabel", form.kind().label());
        model.put("heldAt", Times.china(form.heldAt()));
        model.put("participants", form.participants());
        model.put("record", form.record());
        model.put("measures", form.measures());
        model.put("accountabilityLabel", form.accountability() == null ? null : form.accountability().label());
        model.put("recordedByName", organisation.findOfficer(actor).map(Officer::name).orElse(actor));
        Document document = documents.issue(new IssueCommand(problemId, problem.unitCode(), type, actor, model));

        long talkId = talks.add(new NewTalk(problemId, form.kind(), taskId, problem.unitCode(), problem.officerNo(),
                form.heldAt(), form.participants(), form.record(), form.measures(), form.accountability(), actor,
                clock.instant(), document.id()));
        String outcome = form.accountability() == null ? "未提出" : form.accountability().label();
        long entry = problems.record(problemId, EventKind.TALK, actor, level,
                TimelineText.text("timeline.talk.recorded", type.title(), document.number(), outcome),
                String.valueOf(document.id()));
        documents.whenNumbered(document, number -> problems.completeEntry(entry, document.number(), number));

        int points = scores.deductAccountability(talkId, problemId, form.accountability(), problem.unitCode(),
                problem.officerNo());
        if (points > 0) {
            problems.record(problemId, EventKind.SCORE, actor, level,
                    TimelineText.text("timeline.score.accountability", outcome, points), null);
        }
        return talkId;
    }
}
