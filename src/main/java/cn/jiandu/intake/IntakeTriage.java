package cn.jiandu.intake;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.privacy.Masking;
import cn.jiandu.privacy.PersonalDataCipher;
import cn.jiandu.problem.Channel;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemIntakes;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.ReferenceItem;
import cn.jiandu.problem.Registration;
import cn.jiandu.text.PlainText;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.time.Times;
import cn.jiandu.web.InputError;
import cn.jiandu.web.NotFoundException;

/**
 * What triage (分派) and the call back (回访) do to an intake, step by step as the intake
 * process runs them: accept (a problem registered from the ticket), merge (linked to an open
 * problem), refer, reject; each call and the review of a dissatisfied one; the close. The
 * steps run in the process's transaction and lock the intake's row; each is safe to run again
 * (a triage already recorded, a call already stored for the task, change nothing).
 * The complainant's data stays encrypted here: the texts handed on (a problem's description,
 * the process's variables) carry the complaint with its phone and id numbers masked.
 */
@Service
public class IntakeTriage implements ProblemIntakes {

    private static final Logger log = LoggerFactory.getLogger(IntakeTriage.class);

    /** The longest referral target (转办单位) and reason (理由) a triage may give. */
    public static final int MAX_REFER_TO = 100;
    public static final int MAX_REASON = 1000;
    private static final int TITLE_CONTENT = 40;

    private final IntakeMapper mapper;
    private final ProblemService problems;
    private final OrganisationService organisation;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final LedgerMatch ledgers;

    IntakeTriage(IntakeMapper mapper, ProblemService problems, OrganisationService organisation,
            PersonalDataCipher cipher, Clock clock, LedgerMatch ledgers) {
        this.ledgers = ledgers;
        this.mapper = mapper;
        this.problems = problems;
        this.organisation = organisation;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** An intake as its tasks show it: nothing of the complainant but the masked name. */
    public record Facts(long id, String source, String sourceName, String sourceKind, boolean callbackChannel,
            String ticketNo,
            String receivedAtText, String content, String unitHint, String incidentNo, String caseNo,
            String complainantName, IntakeStatus status, Long problemId, CallbackStatus callbackStatus) {

        /** The task card's and the problem title's short line: 12345政务服务热线 工单 A-1. */
        public String ticket() {
            return sourceName + " 工单 " + ticketNo;
        }
    }

    /** The triage's decision, as the form gives it (field names of forms/triage.form). */
    public record Decision(String decision, String unitCode, String category, String officerNo, boolean sensitive,
            Long problemId, String referTo, String reason) {
    }

    public static final String ACCEPT = "ACCEPT";
    public static final String MERGE = "MERGE";
    public static final String REFER = "REFER";
    public static final String REJECT = "REJECT";

    @Transactional(readOnly = true)
    public Facts facts(long intakeId) {
        return facts(find(intakeId));
    }

    private Facts facts(Intake i) {
        Channel channel = channel(i.source());
        return new Facts(i.id(), i.source(), channel == null ? i.source() : channel.name(),
                channel == null ? "OTHER" : channel.kind().name(), channel != null && channel.callback(), i.ticketNo(),
                ChineseDates.dateTime(i.receivedAt().atZone(Times.CHINA)), Masking.scrub(i.content()), i.unitHint(),
                i.incidentNo(), i.caseNo(), Masking.name(cipher.decrypt(i.nameCipher())), i.status(), i.problemId(),
                i.callbackStatus());
    }

    /**
     * What is wrong with a triage decision, each as its form field's error: checked before the
     * task completes, so that a person's mistake is a form error and never the engine's.
     */
    @Transactional(readOnly = true)
    public List<InputError> refusals(long intakeId, Decision d) {
        List<InputError> errors = new ArrayList<>();
        if (d.decision() == null) {
            errors.add(InputError.of("triageDecision", "请选择分派决定"));
            return errors;
        }
        switch (d.decision()) {
            case ACCEPT -> {
                if (blank(d.unitCode()) || organisation.findUnit(d.unitCode()).isEmpty()) {
                    errors.add(InputError.of("unitCode", "请选择责任单位"));
                }
                if (blank(d.category()) || problems.categories().stream().map(ReferenceItem::code)
                        .noneMatch(d.category()::equals)) {
                    errors.add(InputError.of("category", "请选择问题类别"));
                }
                if (!blank(d.officerNo())) {
                    Optional<Officer> officer = organisation.findOfficer(d.officerNo().strip());
                    if (officer.isEmpty() || !officer.get().unitCode().equals(d.unitCode())) {
                        errors.add(InputError.of("officerNo", "民警不存在或不属于所选责任单位"));
                    }
                }
                Channel channel = channel(find(intakeId).source());
                if (channel != null && !channel.active()) {
                    errors.add(InputError.of("triageDecision", ProblemService.inactive(channel)
                            + "：可合并到已有问题、转办或不予受理"));
                }
            }
            case MERGE -> {
                Optional<Problem> problem = d.problemId() == null ? Optional.empty() : problems.find(d.problemId());
                if (problem.isEmpty()) {
                    errors.add(InputError.of("problemId", "请填写要合并到的问题编号（问题列表中可查）"));
                } else if (problem.get().status() == ProblemStatus.CLOSED
                        || problem.get().status() == ProblemStatus.VOID) {
                    errors.add(InputError.of("problemId", "问题 " + d.problemId() + " " + problem.get().status().label()
                            + "，只能合并到未办结的问题"));
                }
            }
            case REFER -> {
                text(errors, "referTo", d.referTo(), MAX_REFER_TO, "请填写转办的部门");
                text(errors, "triageReason", d.reason(), MAX_REASON, "请填写转办理由");
            }
            case REJECT -> text(errors, "triageReason", d.reason(), MAX_REASON, "请填写不予受理的理由");
            default -> errors.add(InputError.of("triageDecision", "分派决定只能是 立案交办、合并、转办 或 不予受理"));
        }
        return errors;
    }

    private static void text(List<InputError> errors, String field, String value, int max, String missing) {
        if (blank(value)) {
            errors.add(InputError.of(field, missing));
        } else if (value.strip().length() > max) {
            errors.add(InputError.of(field, "最长" + max + "字"));
        } else if (!PlainText.isMultiLine(value)) {
            errors.add(InputError.of(field, "不能含控制字符或不完整的字符"));
        }
    }

    /**
     * 立案交办: registers a problem from the ticket (its rectification process starts in this
     * transaction) and links the intake to it. Returns the problem's id; run again, the
     * problem registered the first time.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public long accept(long intakeId, Decision d, String actor) {
        Intake intake = mapper.lock(intakeId);
        if (intake.status() == IntakeStatus.ACCEPTED && intake.problemId() != null) {
            return intake.problemId();
        }
        Facts facts = facts(intake);
        String summary = facts.content().replaceAll("\\s+", " ").strip();
        String title = "【" + facts.sourceName() + "】" + (summary.length() > TITLE_CONTENT
                ? summary.substring(0, TITLE_CONTENT) + "…" : summary);
        String description = facts.content() + "\n\n（群众诉求：" + facts.ticket() + "，受理时间 " + facts.receivedAtText()
                + (blank(intake.incidentNo()) ? "" : "，警情编号 " + intake.incidentNo())
                + (blank(intake.caseNo()) ? "" : "，案件编号 " + intake.caseNo()) + "）";
        Problem problem = problems.register(new Registration(intake.source(), d.category(), d.unitCode(),
                blank(d.officerNo()) ? null : d.officerNo().strip(), title, description, intake.receivedAt(),
                d.sensitive(), null, null, actor));
        mapper.triage(intakeId, IntakeStatus.ACCEPTED, problem.id(), null, null, clock.instant(), actor,
                CallbackStatus.WAITING);
        problems.record(problem.id(), EventKind.INTAKE, actor, problem.level(),
                "由群众诉求立案：" + facts.ticket(), String.valueOf(intakeId));
        log.info("Intake {} accepted as problem {} by {}", intakeId, problem.id(), actor);
        return problem.id();
    }

    /** 合并: the ticket joins an open problem of the same matter; no new problem. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void merge(long intakeId, long problemId, String actor) {
        Intake intake = mapper.lock(intakeId);
        if (intake.status() != IntakeStatus.PENDING_TRIAGE) {
            return;
        }
        Problem problem = problems.get(problemId);
        mapper.triage(intakeId, IntakeStatus.MERGED, problemId, null, null, clock.instant(), actor,
                CallbackStatus.WAITING);
        problems.record(problemId, EventKind.INTAKE, actor, problem.level(),
                "合并群众诉求：" + facts(intake).ticket(), String.valueOf(intakeId));
        log.info("Intake {} merged into problem {} by {}", intakeId, problemId, actor);
    }

    /** 转办 or 不予受理: the intake is closed to triage with the reason; the call back may follow. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void close(long intakeId, IntakeStatus status, String referTo, String reason, String actor) {
        mapper.lock(intakeId);
        mapper.triage(intakeId, status, null, referTo == null ? null : referTo.strip(), reason.strip(),
                clock.instant(), actor, CallbackStatus.NONE);
        log.info("Intake {} {} by {}", intakeId, status, actor);
    }

    /** The call back is due (待回访). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void callbackDue(long intakeId) {
        mapper.updateCallbackStatus(intakeId, CallbackStatus.PENDING);
    }

    /**
     * One call (回访), once per task: the outcome becomes the intake's call back status (an
     * unreached call leaves it pending: the process decides whether to try again).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordCall(long intakeId, int round, int attempt, CallbackOutcome outcome, String note, String taskId,
            String actor) {
        mapper.lock(intakeId);
        mapper.insertCallback(intakeId, round, attempt, outcome, note == null ? null : note.strip(), clock.instant(),
                actor, taskId);
        mapper.updateCallbackStatus(intakeId, switch (outcome) {
            case SATISFIED -> CallbackStatus.SATISFIED;
            case BASICALLY_SATISFIED -> CallbackStatus.BASICALLY_SATISFIED;
            case DISSATISFIED -> CallbackStatus.DISSATISFIED;
            case UNREACHABLE -> CallbackStatus.PENDING;
        });
        Intake intake = mapper.find(intakeId);
        if (intake.problemId() != null) {
            Problem problem = problems.get(intake.problemId());
            problems.record(problem.id(), EventKind.CALLBACK, actor, problem.level(), "回访" + facts(intake).ticket()
                    + "（第" + round + "轮第" + attempt + "次）：" + outcome.label(), String.valueOf(intakeId));
        }
    }

    /**
     * The legal captain's review of a dissatisfied call (回访复核): REOPEN or UPHOLD (已解释),
     * with the note. An upheld intake is closed by the process afterwards.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordReview(long intakeId, String decision, String note, String actor) {
        mapper.lock(intakeId);
        mapper.reviewLastDissatisfied(intakeId, decision, note == null ? null : note.strip(), clock.instant(), actor);
        boolean reopen = "REOPEN".equals(decision);
        mapper.updateCallbackStatus(intakeId, reopen ? CallbackStatus.REOPENED : CallbackStatus.EXPLAINED);
        Intake intake = mapper.find(intakeId);
        if (reopen && intake.problemId() == null) {
            // a referred or rejected ticket reopened: triaged again
            mapper.backToTriage(intakeId);
        }
    }

    /** 办结: the intake's call back status is final; run again, nothing changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void finish(long intakeId, CallbackStatus status) {
        mapper.close(intakeId, status, clock.instant());
    }

    /** The intake's call back status now (the process reads it to choose its path). */
    @Transactional(readOnly = true)
    public CallbackStatus callbackStatus(long intakeId) {
        return find(intakeId).callbackStatus();
    }

    @Transactional(readOnly = true)
    public List<CallbackRecord> calls(long intakeId) {
        find(intakeId);
        return mapper.callbacks(intakeId);
    }

    /**
     * The complainant's phone in clear, for the person doing the call back (回访) in his task:
     * the caller checks that he holds that task. Logged without the number.
     */
    @Transactional(readOnly = true)
    public Contact contactForCallback(long intakeId, String viewer) {
        Intake intake = find(intakeId);
        log.info("Complainant contact of intake {} shown to {} for the call back", intakeId, viewer);
        return new Contact(Masking.name(cipher.decrypt(intake.nameCipher())), cipher.decrypt(intake.phoneCipher()));
    }

    /** What the call back needs: the masked name and the phone in clear. */
    public record Contact(String maskedName, String phone) {

        @Override
        public String toString() {
            return "Contact[" + maskedName + "]";
        }
    }

    @Override
    @Transactional(readOnly = true)
    public List<Link> of(long problemId) {
        return mapper.forProblem(problemId).stream().map(i -> new Link(i.id(), i.source(), i.ticketNo())).toList();
    }

    /**
     * What the ledgers hold of the ticket's incident or case number (警情、案件) and their open
     * findings, for the triage form: a short markdown text.
     */
    @Transactional(readOnly = true)
    public String ledgerMatch(long intakeId) {
        Intake intake = find(intakeId);
        if (blank(intake.incidentNo()) && blank(intake.caseNo())) {
            return "（工单未提供警情编号或案件编号）";
        }
        return ledgers.describe(intake.incidentNo(), intake.caseNo())
                .orElse("（执法台账中未找到与工单所列警情编号、案件编号相符的记录）");
    }

    /** The intakes linked to a problem (accepted from or merged into it). */
    @Transactional(readOnly = true)
    public List<Long> intakesOf(long problemId) {
        return mapper.forProblem(problemId).stream().map(Intake::id).toList();
    }

    private Intake find(long intakeId) {
        Intake intake = mapper.find(intakeId);
        if (intake == null) {
            throw new NotFoundException("受理记录不存在: " + intakeId);
        }
        return intake;
    }

    private Channel channel(String code) {
        return problems.sources().stream().filter(c -> c.code().equals(code)).findFirst().orElse(null);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
