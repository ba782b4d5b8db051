package cn.jiandu.problem;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.level.Level;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.text.PlainText;
import cn.jiandu.web.ConflictException;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;

/**
 * Supervision problems (执法问题): registration, whose event starts the rectification process
 * in the same transaction, their state as the process moves them, and their timeline.
 */
@Service
public class ProblemService {

    private static final int MAX_TITLE = 200;
    private static final int MAX_DESCRIPTION = 4000;

    private final ProblemMapper mapper;
    private final OrganisationService organisation;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ProblemService(ProblemMapper mapper, OrganisationService organisation, ApplicationEventPublisher events,
            Clock clock) {
        this.mapper = mapper;
        this.organisation = organisation;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Registers a problem and announces it ({@link ProblemRegistered}) to whoever starts its
     * process, synchronously in this transaction: everything or nothing.
     */
    @Transactional
    public Problem register(Registration registration) {
        ProblemMapper.NewProblem row = insert(registration);
        events.publishEvent(new ProblemRegistered(row.id, row.source, row.category, row.unitCode, row.officerNo,
                row.title, row.sensitive, registration.requestedLevel(), row.registeredBy));
        return find(row.id).orElseThrow();
    }

    /**
     * Stores a problem registered from inside its process (the Tasklist's start form):
     * validated like the API, in the transaction of the process step.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long registerFromProcess(Registration registration, String processInstanceId) {
        ProblemMapper.NewProblem row = insert(registration);
        mapper.attachProcess(row.id, processInstanceId);
        return row.id;
    }

    private ProblemMapper.NewProblem insert(Registration r) {
        List<InputError> errors = new ArrayList<>();
        Channel channel = r.source() == null ? null : mapper.source(r.source());
        String sourceName = channel == null ? null : channel.name();
        String categoryName = r.category() == null ? null : mapper.categoryName(r.category());
        if (channel == null) {
            errors.add(InputError.of("source", "未知的问题来源: " + PlainText.printable(String.valueOf(r.source()))
                    + "，见 GET /api/reference/sources"));
        } else if (!channel.active()) {
            errors.add(InputError.of("source", inactive(channel)));
        }
        if (categoryName == null) {
            errors.add(InputError.of("category", "未知的问题类别: " + r.category() + "，见 GET /api/reference/categories"));
        }
        if (r.unitCode() == null || organisation.findUnit(r.unitCode()).isEmpty()) {
            errors.add(InputError.of("unitCode", "单位不存在: " + r.unitCode()));
        }
        String officerNo = r.officerNo() == null || r.officerNo().isBlank() ? null : r.officerNo().strip();
        if (officerNo != null) {
            Optional<Officer> officer = organisation.findOfficer(officerNo);
            if (officer.isEmpty()) {
                errors.add(InputError.of("officerNo", "民警不存在: " + officerNo));
            } else if (!officer.get().unitCode().equals(r.unitCode())) {
                errors.add(InputError.of("officerNo", "民警 " + officerNo + " 不属于单位 " + r.unitCode()));
            }
        }
        // the same rules as RegisterRequest, for registrations that do not come through the API
        // (the Tasklist's start form, detection rules)
        if (r.title() == null || r.title().isBlank()) {
            errors.add(InputError.of("title", "标题不能为空"));
        } else if (r.title().strip().length() > MAX_TITLE) {
            errors.add(InputError.of("title", "标题最长" + MAX_TITLE + "字"));
        } else if (!PlainText.isSingleLine(r.title())) {
            errors.add(InputError.of("title", "标题不能含控制字符或不完整的字符"));
        }
        if (r.description() == null || r.description().isBlank()) {
            errors.add(InputError.of("description", "问题描述不能为空"));
        } else if (r.description().strip().length() > MAX_DESCRIPTION) {
            errors.add(InputError.of("description", "问题描述最长" + MAX_DESCRIPTION + "字"));
        } else if (!PlainText.isMultiLine(r.description())) {
            errors.add(InputError.of("description", "问题描述不能含控制字符或不完整的字符"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ProblemMapper.NewProblem row = new ProblemMapper.NewProblem();
        row.source = r.source();
        row.category = r.category();
        row.unitCode = r.unitCode();
        row.officerNo = officerNo;
        row.title = r.title().strip();
        row.description = r.description().strip();
        row.occurredAt = r.occurredAt();
        row.sensitive = r.sensitive();
        row.status = ProblemStatus.OPEN;
        row.findingKey = r.findingKey();
        row.registeredBy = r.registeredBy();
        row.createdAt = clock.instant();
        mapper.insert(row);
        record(row.id, EventKind.REGISTERED, r.registeredBy(), null,
                TimelineText.text("timeline.registered", sourceName, categoryName, row.title), null);
        return row;
    }

    @Transactional(readOnly = true)
    public Optional<Problem> find(long id) {
        return Optional.ofNullable(mapper.find(id));
    }

    @Transactional(readOnly = true)
    public Problem get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("问题不存在: " + id));
    }

    /** Locks the problem's row for the rest of the transaction (manual urging, raising). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Problem lock(long id) {
        Problem problem = mapper.findForUpdate(id);
        if (problem == null) {
            throw new NotFoundException("问题不存在: " + id);
        }
        return problem;
    }

    @Transactional(readOnly = true)
    public cn.jiandu.web.Page<Problem> page(String unitCode, Level level, ProblemStatus status, int page, int size) {
        return page(unitCode, level, status, null, page, size);
    }

    /**
     * A page of problems, newest first; {@code text} (may be null or blank) is looked for in
     * the title and the description as typed, wildcards included.
     */
    @Transactional(readOnly = true)
    public cn.jiandu.web.Page<Problem> page(String unitCode, Level level, ProblemStatus status, String text, int page,
            int size) {
        String like = text == null || text.isBlank() ? null
                : "%" + text.strip().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        // a page far beyond the end is empty, not an int overflow into a negative OFFSET
        List<Problem> items = mapper.page(unitCode, level, status, like, (long) page * size, size);
        return new cn.jiandu.web.Page<>(items, page, size, mapper.count(unitCode, level, status, like));
    }

    /**
     * Per unit, the problems not yet closed and those of them past their rectification
     * deadline at {@code now}: one grouped query. Units without open problems are absent.
     */
    @Transactional(readOnly = true)
    /** Open problems that have a process, by id, the next {@code limit} after {@code afterId}. */
    public List<Problem> openAfter(long afterId, int limit) {
        return mapper.openAfter(afterId, limit);
    }

    public List<UnitProblemCount> openCountsByUnit(Instant now) {
        return mapper.openCountsByUnit(now);
    }

    @Transactional(readOnly = true)
    public List<ProblemEvent> timeline(long problemId) {
        return mapper.events(problemId);
    }

    /** Every channel, inactive ones too (old problems name them), in their order. */
    @Transactional(readOnly = true)
    public List<Channel> sources() {
        return mapper.sources();
    }

    /** The channels a new problem may name: the active ones, in their order. */
    @Transactional(readOnly = true)
    public List<Channel> activeSources() {
        return mapper.sources().stream().filter(Channel::active).toList();
    }

    /** Why a problem cannot name an inactive channel, in Chinese. */
    public static String inactive(Channel channel) {
        return "问题来源已停用: " + channel.name() + "（" + channel.code() + "），请选择其他来源";
    }

    /**
     * Creates a channel or changes one (name, kind, active, callback): an administrator's
     * PUT /api/admin/sources/{code}. Channels are never deleted: deactivating one keeps the
     * problems that name it as they are.
     */
    @Transactional
    public SavedChannel saveSource(String code, ChannelRequest request) {
        List<InputError> errors = ChannelRules.errors(code, request);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Channel channel = ChannelRules.channel(code, request);
        if (Channel.RULE_WARNING.equals(code) && !channel.active()) {
            throw new InvalidInputException("active", "“规则预警”是问题发现规则登记问题所用的来源，不能停用（可以改名）");
        }
        if (mapper.sourceForUpdate(code) != null) {
            mapper.updateSource(channel);
            return new SavedChannel(mapper.source(code), false);
        }
        try {
            mapper.insertSource(channel);
        } catch (DuplicateKeyException e) {
            throw new ConflictException("渠道 " + code + " 正由他人同时创建，请刷新后重试");
        }
        return new SavedChannel(mapper.source(code), true);
    }

    /** A channel as it is after a save, and whether the save created it. */
    public record SavedChannel(Channel channel, boolean created) {
    }

    @Transactional(readOnly = true)
    public List<ReferenceItem> categories() {
        return mapper.categories();
    }

    @Transactional(readOnly = true)
    public String sourceName(String code) {
        String name = code == null ? null : mapper.sourceName(code);
        return name == null ? code : name;
    }

    @Transactional(readOnly = true)
    public String categoryName(String code) {
        String name = code == null ? null : mapper.categoryName(code);
        return name == null ? code : name;
    }

    /** Adds an entry to the timeline, at the app's clock; returns its id. */
    @Transactional
    public long record(long problemId, EventKind kind, String actor, Level level, String detail, String ref) {
        ProblemMapper.NewEvent event = new ProblemMapper.NewEvent();
        event.problemId = problemId;
        event.at = clock.instant();
        event.kind = kind;
        event.actor = actor;
        event.level = level;
        event.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 999) + "…";
        event.ref = ref;
        mapper.insertEvent(event);
        return event.id;
    }

    /**
     * Completes an entry written in the current transaction that quoted a placeholder, e.g. a
     * document's number taken at commit (DocumentService#whenNumbered). Committed entries are
     * never changed: the timeline is append-only.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void completeEntry(long eventId, String placeholder, String text) {
        mapper.completeEvent(eventId, placeholder, text);
    }

    @Transactional
    public void attachProcess(long problemId, String processInstanceId) {
        mapper.attachProcess(problemId, processInstanceId);
    }

    @Transactional
    public void changeLevel(long problemId, Level level) {
        mapper.updateLevel(problemId, level);
    }

    @Transactional
    public void changeDeadlines(long problemId, Instant signDeadline, Instant deadline) {
        mapper.updateDeadlines(problemId, signDeadline, deadline);
    }

    @Transactional
    public void changeStatus(long problemId, ProblemStatus status) {
        mapper.updateStatus(problemId, status);
    }

    /**
     * Voids a problem still open (status VOID, who, when, why); false when it was closed or
     * void already. The caller ends its process and gives its points back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markVoid(long problemId, String actor, String reason) {
        return mapper.markVoid(problemId, clock.instant(), actor, reason) == 1;
    }

    /** The problem is now the responsibility of another unit (an approved transfer). */
    @Transactional
    public void changeUnit(long problemId, String unitCode) {
        mapper.updateUnit(problemId, unitCode);
    }

    @Transactional
    public void markSigned(long problemId) {
        mapper.markSigned(problemId, clock.instant());
    }

    @Transactional
    public void markReported(long problemId) {
        mapper.markReported(problemId, clock.instant());
    }

    @Transactional
    public void countRepeat(long problemId) {
        mapper.incrementRepeat(problemId);
    }

    @Transactional
    public void markUrged(long problemId, Instant at) {
        mapper.markUrged(problemId, at);
    }

    /** Closes the problem: on time when the accepted report came in by the deadline. */
    @Transactional
    public Problem close(long problemId) {
        Problem problem = get(problemId);
        Instant reported = problem.reportedAt() != null ? problem.reportedAt() : clock.instant();
        boolean onTime = problem.deadline() == null || !reported.isAfter(problem.deadline());
        mapper.close(problemId, clock.instant(), onTime);
        return get(problemId);
    }

    /**
     * 重新整改: a closed problem goes back to its unit after a dissatisfied call back — status
     * 整改中, no longer closed, counted as a repeat (屡改屡犯). False when it was not closed
     * (reopened already): the caller starts nothing then.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean reopen(long problemId, String actor, String reason) {
        if (mapper.reopen(problemId) != 1) {
            return false;
        }
        Problem problem = get(problemId);
        record(problemId, EventKind.REOPENED, actor, problem.level(), TimelineText.text("timeline.reopened", reason),
                null);
        return true;
    }
}
