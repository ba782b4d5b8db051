package cn.jiandu.escalation;

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
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemInstructions;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TimelineText;
import cn.jiandu.time.Times;

/** Issues a problem's document for its level and writes it into the timeline. */
@Service
class DocumentIssuer {

    private final DocumentService documents;
    private final ProblemService problems;
    private final OrganisationService organisation;
    private final ProblemInstructions instructions;

    DocumentIssuer(DocumentService documents, ProblemService problems, OrganisationService organisation,
            ProblemInstructions instructions) {
        this.instructions = instructions;
        this.documents = documents;
        this.problems = problems;
        this.organisation = organisation;
    }

    static DocumentType typeFor(Level level) {
        return switch (level) {
            case BLUE -> DocumentType.ADVICE;
            case YELLOW -> DocumentType.CORRECTION_NOTICE;
            case RED -> DocumentType.SUPERVISION_ORDER;
        };
    }

    /**
     * Re-issues the problem's current document to the unit it now belongs to (after a
     * transfer): same type, a new number (文号); the old one is marked superseded. Without
     * an old document, the level's document. Returns the new document's id.
     */
    @Transactional
    long reissue(long problemId, Level level, Long oldDocumentId, String deadlineText) {
        DocumentType type = oldDocumentId == null ? null
                : documents.find(oldDocumentId).map(Document::type).orElse(null);
        long id = issue(problemId, level, type, null, deadlineText);
        if (oldDocumentId != null) {
            documents.supersede(oldDocumentId, id);
        }
        return id;
    }

    /**
     * Returns the document's id. Its number (文号) is taken when the step commits; the
     * timeline entry quoting it is completed then.
     */
    @Transactional
    long issue(long problemId, Level level, DocumentType requested, String reason, String deadlineText) {
        return issue(problemId, level, requested, reason, deadlineText, null, null);
    }

    /**
     * The same, naming what raised the level ({@code trigger}: SIGN_OVERDUE 逾期未签收, SLOW
     * 整改迟缓, REPEAT 屡改屡犯, RAISED 上级提级 by {@code raisedBy}, SENSITIVE 舆情/信访敏感; null
     * when none is known).
     */
    @Transactional
    long issue(long problemId, Level level, DocumentType requested, String reason, String deadlineText,
            String trigger, String raisedBy) {
        Problem problem = problems.get(problemId);
        DocumentType type = requested != null ? requested : typeFor(level);
        Map<String, Object> model = new HashMap<>();
        model.put("title", problem.title());
        model.put("description", problem.description());
        model.put("unitName", organisation.findUnit(problem.unitCode()).map(Unit::name).orElse(problem.unitCode()));
        model.put("officerName", problem.officerNo() == null ? ""
                : organisation.findOfficer(problem.officerNo()).map(Officer::name).orElse(problem.officerNo()));
        model.put("category", problems.categoryName(problem.category()));
        model.put("source", problems.sourceName(problem.source()));
        model.put("level", level.name());
        model.put("levelLabel", level.label());
        if (problem.deadline() != null) {
            model.put("deadline", Times.china(problem.deadline()));
        }
        if (problem.occurredAt() != null) {
            model.put("occurredAt", Times.china(problem.occurredAt()));
        }
        model.put("repeatCount", problem.repeatCount());
        model.put("reason", reason == null ? "" : reason);
        model.put("trigger", trigger == null ? "" : trigger);
        model.put("triggerBy", raisedBy == null ? "" : "rule".equals(raisedBy) ? "规则预警"
                : organisation.findOfficer(raisedBy).map(o -> o.name() + "（" + o.officerNo() + "）").orElse(raisedBy));
        // 督办批示: the deputy leader's latest 批示 before this document, printed on it
        instructions.latestInstruction(problemId).ifPresent(i -> {
            model.put("instruction", i.text());
            model.put("instructionBy", i.officerName());
            model.put("instructionDate", cn.jiandu.text.ChineseDates.date(i.createdAt()));
        });
        Document document = documents.issue(new IssueCommand(problemId, problem.unitCode(), type,
                EscalationService.SYSTEM, model));
        long entry = problems.record(problemId, EventKind.DOCUMENT, EscalationService.SYSTEM, level,
                deadlineText == null ? TimelineText.text("timeline.document", type.title(), document.number())
                        : TimelineText.text("timeline.document.due", type.title(), document.number(), deadlineText),
                String.valueOf(document.id()));
        documents.whenNumbered(document, number -> problems.completeEntry(entry, document.number(), number));
        return document.id();
    }
}
