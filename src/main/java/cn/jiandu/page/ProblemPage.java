package cn.jiandu.page;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.calendar.WorkCalendar;
import cn.jiandu.escalation.ProblemClocks;
import cn.jiandu.escalation.RectificationProcess;
import cn.jiandu.evidence.EvidenceItem;
import cn.jiandu.evidence.EvidenceService;
import cn.jiandu.level.Level;
import cn.jiandu.notification.dingtalk.DingTalkQuota;
import cn.jiandu.notification.MessageReadState;
import cn.jiandu.notification.Notifications;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.ProblemView;
import cn.jiandu.problem.ProblemViews;
import cn.jiandu.problem.TalkRecord;
import cn.jiandu.problem.TalkRecords;
import cn.jiandu.problem.TimelineText;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.security.Role;
import cn.jiandu.text.ChineseDates;

/**
 * What a problem's page shows, put together from the services behind the API (the problem's
 * view, its evidence, talks, open tasks and deadline basis) as ready Chinese text: the
 * template only lays it out.
 */
@Service
class ProblemPage {

    /** The Tasklist's address of one task: the task opened beside the list. */
    static final String TASK_LINK = "/camunda/app/tasklist/default/#/?task=";

    private static final Set<EventKind> TRANSFERS = EnumSet.of(EventKind.TRANSFER_REQUESTED,
            EventKind.TRANSFER_APPROVED, EventKind.TRANSFER_REJECTED, EventKind.TRANSFERRED);
    private static final Set<ProblemStatus> DONE = EnumSet.of(ProblemStatus.CLOSED, ProblemStatus.VOID);

    private final ProblemViews views;
    private final EvidenceService evidence;
    private final TalkRecords talks;
    private final ProblemClocks clocks;
    private final OrganisationService organisation;
    private final Clock clock;
    private final ProblemService problemService;
    private final DingTalkQuota quota;
    private final Notifications notifications;

    ProblemPage(ProblemViews views, EvidenceService evidence, TalkRecords talks, ProblemClocks clocks,
            OrganisationService organisation, Clock clock, ProblemService problemService, DingTalkQuota quota,
            Notifications notifications) {
        this.quota = quota;
        this.problemService = problemService;
        this.notifications = notifications;
        this.views = views;
        this.evidence = evidence;
        this.talks = talks;
        this.clocks = clocks;
        this.organisation = organisation;
        this.clock = clock;
    }

    public record Fact(String label, String value) {
    }

    /** A DingTalk work notification about the problem (钉钉消息): when, which step, to whom, 已读 n/m once checked. */
    public record MessageRow(String at, String step, String recipients, String read) {
    }

    /** A ticket of the public the problem came from or was merged with; its page for those who may read it. */
    public record IntakeRow(long id, String channel, String ticketNo, String link) {
    }

    public record Line(String at, String who, String label, String text, String level) {
    }

    public record DocumentRow(long id, String typeName, String number, String issuedAt, String unit, boolean superseded) {
    }

    public record EvidenceRow(long id, String fileName, String size, String note, String by, String at, boolean withdrawn,
            String withdrawnText) {
    }

    public record PauseRow(String from, String to, String reason, String detail, String approvedBy) {
    }

    public record InstructionRow(String kind, String text, String by, String at) {
    }

    public record TalkRow(String kind, String heldAt, String participants, String record, String measures,
            String accountability, String recordedBy, Long documentId) {
    }

    public record TaskRow(String id, String name, String assignee, String created, String due, boolean overdue,
            String link) {
    }

    public record Basis(String rule, String start, String ruleDeadline, String counting, List<String> days,
            String summary, String shifted) {
    }

    public record Deadline(String deadline, String left, boolean overdue, String signDeadline, String signLeft,
            Basis basis) {
    }

    public record Actions(boolean urge, boolean raise, boolean voidable, boolean upload) {

        public boolean any() {
            return urge || raise || voidable || upload;
        }
    }

    /**
     * For the administrator, at 80 % of the month's metered DingTalk calls or more: how many are
     * used and what stops at 100 %. Null below.
     */
    private String quotaBanner() {
        DingTalkQuota.Usage usage = quota.usage();
        if (!quota.nearLimit()) {
            return null;
        }
        return "钉钉接口本月已用 " + usage.calls() + "/" + usage.quota() + "（" + usage.percent() + "%），"
                + (usage.calls() >= usage.quota() ? "额度已用完：钉钉待办和卡片已暂停同步，工作通知照常发送。"
                        : "用完后钉钉待办和卡片将暂停同步（工作通知照常发送），请留意或提高额度。");
    }

    /** The page's model for a problem the user may see (else 404). */
    @Transactional(readOnly = true)
    Map<String, Object> model(long id, CurrentUser user) {
        Problem problem = views.visible(id, user);
        ProblemView view = views.view(problem);
        People people = new People(organisation);
        Instant now = clock.instant();
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("p", view);
        model.put("level", view.level() == null ? "NONE" : view.level().name());
        model.put("levelText", view.level() == null ? "未定级" : view.level().label() + "预警");
        model.put("statusText", view.status().label());
        model.put("facts", facts(view, people));
        boolean readsIntakes = user.hasRole(Role.LEGAL_OFFICER) || user.hasRole(Role.LEGAL_CAPTAIN)
                || user.hasRole(Role.ADMIN) || user.hasRole(Role.CHIEF) || user.hasRole(Role.DEPUTY_LEADER)
                || user.hasRole(Role.COMMITTEE);
        model.put("intakes", view.intakes().stream().map(i -> new IntakeRow(i.id(), problemService.sourceName(i.source()),
                i.ticketNo(), readsIntakes ? "/intakes/" + i.id() : null)).toList());
        model.put("deadline", deadline(problem, view, now));
        model.put("documents", view.documents().stream().map(d -> new DocumentRow(d.id(), d.typeName(),
                d.number(), ChineseDates.dateTime(d.issuedAt()), people.unitName(d.unitCode()), d.superseded()))
                .toList());
        model.put("evidence", evidence.list(id).stream().map(e -> evidenceRow(e, people)).toList());
        model.put("pauses", view.pauses().stream().map(x -> new PauseRow(ChineseDates.dateTime(x.from()),
                x.to() == null ? "计时暂停中" : ChineseDates.dateTime(x.to()), pauseReason(x.reason()),
                x.detail() == null ? "" : x.detail(), people.withUnit(x.approvedBy()))).toList());
        List<Line> timeline = view.timeline().stream().map(e -> line(e, people)).toList();
        model.put("timeline", timeline);
        model.put("transfers", view.timeline().stream().filter(e -> TRANSFERS.contains(e.kind()))
                .map(e -> line(e, people)).toList());
        // 领导批示: the deputy leader's instructions at 督办, oldest first
        model.put("instructions", view.instructions().stream().map(i -> new InstructionRow(i.kind(),
                i.text() == null ? "" : i.text(), i.officerName(), ChineseDates.dateTime(i.createdAt()))).toList());
        model.put("talks", talks.forProblem(id).stream().map(t -> talkRow(t, people)).toList());
        model.put("messages", notifications.readStates(id).stream().map(ProblemPage::messageRow).toList());
        model.put("tasks", clocks.openTasks(problem).stream().map(t -> new TaskRow(t.id(), t.name(),
                t.assignee() == null ? "待认领" : people.withUnit(t.assignee()), ChineseDates.dateTime(t.created()),
                ChineseDates.dateTime(t.due()), t.due() != null && t.due().toInstant().isBefore(now),
                TASK_LINK + t.id())).toList());
        boolean open = !DONE.contains(problem.status());
        model.put("actions", new Actions(open && RectificationProcess.mayUrge(user),
                open && problem.level() != Level.RED && RectificationProcess.mayRaise(user),
                open && RectificationProcess.mayVoid(user), EvidenceService.mayUpload(problem, user)));
        model.put("viewer", people.withUnit(user.userId()));
        model.put("now", ChineseDates.dateTime(now));
        model.put("quotaBanner", user.hasRole(Role.ADMIN) ? quotaBanner() : null);
        return model;
    }

    private static MessageRow messageRow(MessageReadState m) {
        String level = m.level() == null ? "" : "（" + Level.valueOf(m.level()).label() + "）";
        String step = (m.messageKey().startsWith("urgent:") ? "【紧急】" : "") + m.stepLabel() + level;
        return new MessageRow(m.sentAt() == null ? "待发送" : ChineseDates.dateTime(m.sentAt()), step,
                m.recipients() == null ? "" : m.recipients(), m.readText());
    }

    private static List<Fact> facts(ProblemView v, People people) {
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("问题编号", String.valueOf(v.id())));
        facts.add(new Fact("责任单位", v.unitName()));
        facts.add(new Fact("责任民警", v.officerName() == null ? "未指定" : v.officerName()));
        facts.add(new Fact("问题来源", v.sourceName()));
        facts.add(new Fact("问题类别", v.categoryName()));
        facts.add(new Fact("登记时间", ChineseDates.dateTime(v.createdAt())));
        facts.add(new Fact("登记人", people.withUnit(v.registeredBy())));
        if (v.occurredAt() != null) {
            facts.add(new Fact("发生时间", ChineseDates.dateTime(v.occurredAt())));
        }
        if (v.signedAt() != null) {
            facts.add(new Fact("签收时间", ChineseDates.dateTime(v.signedAt())));
        }
        if (v.repeatCount() > 0) {
            facts.add(new Fact("退回整改", v.repeatCount() + " 次"));
        }
        if (v.closedAt() != null) {
            facts.add(new Fact("闭环时间", ChineseDates.dateTime(v.closedAt())
                    + (Boolean.FALSE.equals(v.closedOnTime()) ? "（超期）" : "（按期）")));
        }
        if (v.sensitive()) {
            facts.add(new Fact("敏感问题", "是"));
        }
        return facts;
    }

    private Deadline deadline(Problem problem, ProblemView view, Instant now) {
        String left;
        boolean overdue = false;
        if (problem.status() == ProblemStatus.VOID) {
            left = "已作废，不再计时";
        } else if (problem.status() == ProblemStatus.CLOSED) {
            left = Boolean.FALSE.equals(problem.closedOnTime()) ? "已闭环（超期整改）" : "已闭环（按期整改）";
        } else if (problem.status() == ProblemStatus.PAUSED) {
            left = "整改时钟暂停中";
        } else if (problem.deadline() == null) {
            left = "尚未确定";
        } else {
            Duration d = Duration.between(now, problem.deadline());
            overdue = d.isNegative();
            left = overdue ? "已超期 " + span(d.negated()) : "剩余 " + span(d);
        }
        String signDeadline = "";
        String signLeft = "";
        if (problem.status() == ProblemStatus.OPEN && problem.signDeadline() != null) {
            signDeadline = ChineseDates.dateTime(view.signDeadline());
            Duration d = Duration.between(now, problem.signDeadline());
            signLeft = d.isNegative() ? "已超时 " + span(d.negated()) : "剩余 " + span(d);
        }
        Basis basis = DONE.contains(problem.status()) ? null
                : clocks.deadlineBasis(problem).map(b -> basis(b, view)).orElse(null);
        return new Deadline(view.deadline() == null ? "尚未确定" : ChineseDates.dateTime(view.deadline()), left,
                overdue, signDeadline, signLeft, basis);
    }

    private static Basis basis(ProblemClocks.DeadlineBasis b, ProblemView view) {
        String unit = switch (b.unit()) {
            case WORKING_DAYS -> "个工作日";
            case CALENDAR_DAYS -> "个自然日";
            case HOURS -> "小时";
        };
        String rule = "问题类别「" + view.categoryName() + "」，" + b.level().label() + "预警：整改期限 " + b.amount() + " "
                + unit + "（整改期限规则 deadlines.dmn 之「整改期限」表）";
        String counting = switch (b.unit()) {
            case WORKING_DAYS -> "自起算日次日起计算，不计周六、周日和法定节假日，调休上班日计为工作日，期限至第 "
                    + b.amount() + " 个工作日 23:59:59。";
            case CALENDAR_DAYS -> "自起算日次日起按自然日计算（节假日照常计入），期限至第 " + b.amount() + " 日 23:59:59。";
            case HOURS -> "自起算时刻起按小时计算（节假日照常计入）。";
        };
        List<String> days = new ArrayList<>();
        int holidays = 0;
        int workdays = 0;
        List<WorkCalendar.ListedDay> listed = b.listedDays();
        for (int i = 0; i < listed.size(); i++) {
            WorkCalendar.ListedDay first = listed.get(i);
            // consecutive days of one holiday in one line: 10月1日至10月7日 国庆节 法定节假日 7 天
            int j = i;
            while (j + 1 < listed.size() && listed.get(j + 1).day().equals(listed.get(j).day().plusDays(1))
                    && listed.get(j + 1).working() == first.working()
                    && java.util.Objects.equals(listed.get(j + 1).name(), first.name())) {
                j++;
            }
            WorkCalendar.ListedDay last = listed.get(j);
            int count = j - i + 1;
            if (first.working()) {
                workdays += count;
            } else {
                holidays += count;
            }
            String name = first.name() == null || first.name().isBlank() ? first.kindLabel()
                    : first.name().contains(first.kindLabel()) ? first.name() : first.name() + " " + first.kindLabel();
            String lastText = dayText(last.day());
            String when = dayText(first.day()) + (count == 1 ? "" : "至" + (last.day().getYear() == first.day().getYear()
                    ? lastText.substring(lastText.indexOf('年') + 1) : lastText));
            days.add(when + " " + name + (count == 1 ? "" : " " + count + " 天")
                    + (b.unit() == PeriodUnit.WORKING_DAYS ? (first.working() ? "，计为工作日" : "，不计入") : ""));
            i = j;
        }
        String summary = days.isEmpty() ? "起算日至期限之间没有法定节假日和调休上班日。"
                : "起算日至期限之间有法定节假日 " + holidays + " 天、调休上班日 " + workdays + " 天。";
        String shifted = b.deadline().toInstant().equals(b.ruleDeadline().toInstant()) ? ""
                : "因暂停计时等原因，整改期限调整为 " + ChineseDates.dateTime(b.deadline())
                        + (view.pausedWorkingDays() > 0 ? "（累计暂停 " + view.pausedWorkingDays() + " 个工作日）" : "")
                        + "。";
        return new Basis(rule, ChineseDates.dateTime(b.start()), ChineseDates.dateTime(b.ruleDeadline()), counting,
                days, summary, shifted);
    }

    /** 2026年10月1日（星期四）. */
    private static String dayText(java.time.LocalDate day) {
        return ChineseDates.date(day) + "（" + day.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.SIMPLIFIED_CHINESE)
                + "）";
    }

    private static Line line(ProblemView.TimelineEntry e, People people) {
        String detail = people.names(e.detail());
        // the sentence alone when it names what happened already (人工催办：…, 签收意见：…)
        int named = detail.indexOf(e.kindLabel());
        String text = detail.isEmpty() ? e.kindLabel()
                : named >= 0 && named <= 2 ? detail : e.kindLabel() + "：" + detail;
        return new Line(ChineseDates.dateTime(e.at()), people.withUnit(e.actor()), e.kindLabel(), text,
                e.level() == null ? "" : e.level().name());
    }

    private static EvidenceRow evidenceRow(EvidenceItem e, People people) {
        return new EvidenceRow(e.id(), e.fileName(), e.sizeText(), e.note() == null ? "" : e.note(),
                people.withUnit(e.uploadedBy()), ChineseDates.dateTime(e.uploadedAt()), e.withdrawn(),
                e.withdrawn() ? "已于 " + ChineseDates.dateTime(e.withdrawnAt()) + " 由 " + people.name(e.withdrawnBy())
                        + " 撤回" : "");
    }

    private static TalkRow talkRow(TalkRecord t, People people) {
        return new TalkRow(t.kind().recordTitle(), ChineseDates.dateTime(t.heldAt()), nz(t.participants()),
                nz(t.record()), nz(t.measures()), t.accountability() == null ? "" : t.accountability().label(),
                people.withUnit(t.recordedBy()), t.documentId());
    }

    private static String pauseReason(String code) {
        if (code == null) {
            return "";
        }
        try {
            return TimelineText.text("pause.reason." + code);
        } catch (IllegalArgumentException unknown) {
            return code;
        }
    }

    /** 3天4小时, 5小时20分钟, 不足1分钟. */
    static String span(Duration d) {
        long days = d.toDays();
        int hours = d.toHoursPart();
        int minutes = d.toMinutesPart();
        if (days > 0) {
            return days + "天" + (hours > 0 ? hours + "小时" : "");
        }
        if (hours > 0) {
            return hours + "小时" + (minutes > 0 ? minutes + "分钟" : "");
        }
        return minutes > 0 ? minutes + "分钟" : "不足1分钟";
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
