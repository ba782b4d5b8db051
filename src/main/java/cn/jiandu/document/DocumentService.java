package cn.jiandu.document;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.time.Times;
import cn.jiandu.web.PublicLinks;

/**
 * The enforcement documents (文书): issues them, numbered (文号) and rendered once, and
 * finds them again. The text is stored as issued and never re-rendered, so a document
 * reads tomorrow as it was sent today, whatever happens to the templates or the problem.
 */
@Service
public class DocumentService {

    private static final Logger log = LoggerFactory.getLogger(DocumentService.class);
    private static final int TITLE_LENGTH = 200;

    /** Marks a number not yet taken (a private-use character, never in a title or template). */
    private static final String PENDING = "\uE000";

    private final DocumentMapper mapper;
    private final Numbering numbering;
    private final DocumentRenderer renderer;
    private final DocumentProperties properties;
    private final PublicLinks links;
    private final Clock clock;

    DocumentService(DocumentMapper mapper, Numbering numbering, DocumentRenderer renderer,
            DocumentProperties properties, PublicLinks links, Clock clock) {
        this.mapper = mapper;
        this.numbering = numbering;
        this.renderer = renderer;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Issues a document: renders it and stores it; its number (文号), the next of its type in
     * the year of issue (China time), is taken when the caller's transaction commits.
     * <p>
     * Must be called inside the caller's transaction (propagation MANDATORY: without one it
     * throws IllegalTransactionStateException), the one that records why the document is
     * issued, e.g. the process step raising the level. Just before that transaction commits
     * the number is taken ({@link Numbering}): the type's sequence row stays locked for the
     * commit alone, so concurrent issuers on any node queue for a moment, not for the whole
     * process step; a rollback takes no number, so numbers have no gaps.
     * <p>
     * Until then the returned document's {@link Document#number()} is a placeholder (see
     * {@link #isPendingNumber}); text that must quote the number is completed through
     * {@link #whenNumbered}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Document issue(IssueCommand command) {
        DocumentType type = command.type();
        ZonedDateTime issuedAt = ZonedDateTime.now(clock).withZoneSameInstant(Times.CHINA)
                .truncatedTo(ChronoUnit.SECONDS);
        int year = issuedAt.getYear();
        String placeholder = PENDING + UUID.randomUUID() + PENDING;
        String title = titleOf(type, command.model().get("title"));

        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", type.name());
        doc.put("typeTitle", type.title());
        doc.put("title", title);
        doc.put("number", placeholder);
        doc.put("year", year);
        doc.put("warningLevel", type.warningLevel());
        doc.put("colour", colourOf(type));
        doc.put("bureauName", properties.bureauName());
        doc.put("issuer", type.issuer());
        doc.put("issuerName", properties.bureauName() + type.issuer());
        doc.put("issuedAt", issuedAt);
        doc.put("unitCode", command.unitCode());
        String html = renderer.render(type, doc, command.model());

        DocumentMapper.NewDocument row = new DocumentMapper.NewDocument(command.problemId(), command.unitCode(), type,
                year, title, html, issuedAt.toLocalDateTime(), command.issuedBy());
        mapper.insertDocument(row);
        numbering.add(new Numbering.Pending(row.id, type, year, placeholder, html));
        log.debug("Issued {} (id {}) for problem {} to unit {}; numbered at commit", type, row.id,
                command.problemId(), command.unitCode());
        return new Document(row.id, command.problemId(), command.unitCode(), type, placeholder, title,
                issuedAt.toOffsetDateTime(), links.inAnswer("/api/documents/" + row.id), null);
    }

    /**
     * Runs {@code action} with the document's number once it is taken, in the same
     * transaction just before it commits: e.g. the timeline entry quoting the number.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void whenNumbered(Document document, Consumer<String> action) {
        numbering.whenNumbered(document.id(), action);
    }

    /** Whether the text is a number not yet taken: a document issued in a transaction still open. */
    public static boolean isPendingNumber(String number) {
        return number != null && number.startsWith(PENDING);
    }

    /**
     * Marks {@code old} replaced by {@code replacement} (the same document re-issued to the unit
     * a problem was transferred to): the old one stays as it was sent and names its successor.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void supersede(long old, long replacement) {
        mapper.supersede(old, replacement);
    }

    /** The documents issued for a problem, oldest first. */
    @Transactional(readOnly = true)
    public List<Document> forProblem(long problemId) {
        return mapper.findByProblem(problemId).stream().map(this::toDocument).toList();
    }

    @Transactional(readOnly = true)
    public Optional<Document> find(long id) {
        return Optional.ofNullable(mapper.findDocument(id)).map(this::toDocument);
    }

    /** The HTML of a document as it was issued. */
    @Transactional(readOnly = true)
    Optional<String> html(long id) {
        return Optional.ofNullable(mapper.findHtml(id));
    }

    private Document toDocument(DocumentMapper.DocumentRow row) {
        return new Document(row.id(), row.problemId(), row.unitCode(), row.type(), row.number(), row.title(),
                row.issuedAt().atZone(Times.CHINA).toOffsetDateTime(), links.inAnswer("/api/documents/" + row.id()), row.supersededBy());
    }

    /** 关于“…”的执法建议书, or the type's title alone when the problem has none. */
    static String titleOf(DocumentType type, Object problemTitle) {
        String subject = problemTitle == null ? "" : problemTitle.toString().strip().replaceAll("\\s+", " ");
        if (subject.isEmpty()) {
            return type.title();
        }
        int room = TITLE_LENGTH - ("关于“”的" + type.title()).length();
        if (subject.length() > room) {
            subject = subject.substring(0, room - 1) + "…";
        }
        return "关于“" + subject + "”的" + type.title();
    }

    private static String colourOf(DocumentType type) {
        return switch (type) {
            case ADVICE -> "blue";
            case CORRECTION_NOTICE, TALK_RECORD -> "yellow";
            case SUPERVISION_ORDER, INTERVIEW_RECORD -> "red";
        };
    }
}
