package cn.jiandu.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.engine.DecisionTables;
import cn.jiandu.level.Level;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.security.Role;
import cn.jiandu.organisation.Unit;
import cn.jiandu.time.Times;
import cn.jiandu.web.PublicLinks;

/**
 * Writes DingTalk messages into the outbox, in the caller's transaction: who receives
 * which step comes from processes/notification-recipients.dmn, the wording from
 * templates/dingtalk. A step written twice (a retried job) adds nothing: every row has an
 * idempotency key of problem, step, instance and recipient.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);
    private static final String DECISION = "notification-recipients";
    private static final String BUREAU_GROUP = "BUREAU_GROUP";
    private static final String BUREAU_ROBOT = "bureau";
    private static final DateTimeFormatter CHINESE = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private final OutboxMapper outbox;
    private final DecisionTables decisions;
    private final OrganisationService organisation;
    private final MessageRenderer renderer;
    private final NotificationProperties properties;
    private final PublicLinks links;
    private final Clock clock;

    Notifications(OutboxMapper outbox, DecisionTables decisions, OrganisationService organisation,
            MessageRenderer renderer, NotificationProperties properties, PublicLinks links, Clock clock) {
        this.outbox = outbox;
        this.decisions = decisions;
        this.organisation = organisation;
        this.renderer = renderer;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Notifies the people a problem's step concerns and returns whom; the caller writes the
     * problem's timeline. A recipient who has this occurrence of the step already is skipped.
     */
    @Transactional
    public Queued problemStep(ProblemNotice notice) {
        long problemId = notice.problemId();
        NotificationStep step = notice.step();
        Level level = notice.level();
        List<String> targets = route(step, level);
        Map<String, Officer> people = people(targets, notice.unitCode(), notice.officerNo());
        List<String> robots = targets.contains(BUREAU_GROUP) ? List.of(BUREAU_ROBOT) : List.of();
        Instant now = clock.instant();
        String messageKey = "p" + problemId + ":" + step.name() + ":" + notice.instance();
        String title = "【" + level.label() + "预警】" + step.label() + "：" + notice.title();
        String body = renderer.render("problem", model(notice, now));
        Instant due = sendAt(level, now);
        // the problem's page: what happened, the deadline and the reader's own open task with its link;
        // opened inside DingTalk through 免登, so that a tap arrives logged in as the reader
        String link = links.inDingTalk(problemPath(problemId));
        List<String> names = new ArrayList<>();
        for (Officer officer : people.values()) {
            if (officer.dingtalkUserId() == null || !officer.active()) {
                log.warn("Officer {} has no DingTalk userId: {} of problem {} not sent to him",
                        officer.officerNo(), step, problemId);
                continue;
            }
            if (insert(messageKey + ":" + officer.dingtalkUserId(), messageKey, OutboxMessage.WORK,
                    officer.dingtalkUserId(), officer.name(), problemId, step, level, title, body, link, null, due, now)) {
                names.add(officer.name());
            }
        }
        for (String robot : robots) {
            if (insert(messageKey + ":robot:" + robot, messageKey, OutboxMessage.ROBOT, robot, "分局钉钉群", problemId,
                    step, level, title, body, link, null, due, now)) {
                names.add("分局钉钉群");
            }
        }
        return new Queued(messageKey, List.copyOf(names), due, due.isAfter(now));
    }

    /**
     * How many DingTalk messages a problem's step would write now, as {@link #problemStep}
     * routes it: one per person reachable on DingTalk (active, with a DingTalk userId) and one
     * per group robot. For the forecast (预测) of what the follow-up's timers will send.
     */
    public int recipientCount(NotificationStep step, Level level, String unitCode, String officerNo) {
        List<String> targets = route(step, level);
        int robots = targets.contains(BUREAU_GROUP) ? 1 : 0;
        return robots + (int) people(targets, unitCode, officerNo).values().stream()
                .filter(o -> o.dingtalkUserId() != null && o.active()).count();
    }

    private Map<String, Officer> people(List<String> targets, String unitCode, String officerNo) {
        Map<String, Officer> people = new LinkedHashMap<>();
        for (String target : targets) {
            if (!BUREAU_GROUP.equals(target)) {
                for (Officer officer : resolve(target, unitCode, officerNo)) {
                    people.putIfAbsent(officer.officerNo(), officer);
                }
            }
        }
        return people;
    }

    /**
     * A work notification to everyone active in the given bureau-wide roles, about something
     * that is not (yet) a problem: a ticket of the public waiting for triage or a call back.
     * {@code key} tells this occurrence from others; a person who has it already is skipped.
     * The text must carry no personal data of the public. Returns the names it went to.
     */
    @Transactional
    public List<String> roleNotice(List<Role> roles, NotificationStep step, String key, String title, String markdown,
            String path) {
        Map<String, Officer> people = new LinkedHashMap<>();
        for (Role role : roles) {
            for (Officer officer : organisation.officers(null, role)) {
                people.putIfAbsent(officer.officerNo(), officer);
            }
        }
        Instant now = clock.instant();
        String messageKey = "n:" + step.name() + ":" + key;
        Instant due = sendAt(Level.BLUE, now);
        List<String> names = new ArrayList<>();
        for (Officer officer : people.values()) {
            if (officer.dingtalkUserId() == null || !officer.active()) {
                continue;
            }
            if (insert(messageKey + ":" + officer.dingtalkUserId(), messageKey, OutboxMessage.WORK,
                    officer.dingtalkUserId(), officer.name(), null, step, null, title, markdown,
                    links.inDingTalk(path), null, due, now)) {
                names.add(officer.name());
            }
        }
        return names;
    }

    /**
     * One work notification to one person, once: {@code key} is the message's idempotency
     * key (e.g. {@code digest:2026-12-07:dt100001}), so that two nodes or a run again write it
     * once. Goes now (quiet hours aside: the caller chooses its time). Returns whether it was new.
     */
    @Transactional
    public boolean personal(Officer officer, NotificationStep step, String key, String title, String markdown,
            String link) {
        if (officer.dingtalkUserId() == null || !officer.active()) {
            return false;
        }
        Instant now = clock.instant();
        return insert(key, key, OutboxMessage.WORK, officer.dingtalkUserId(), officer.name(), null, step, null, title,
                markdown, link, null, now, now);
    }

    /** Whether a message of this key was written already (sent or not). */
    public boolean written(String key) {
        return outbox.exists(key) > 0;
    }

    /** A problem's work notifications, one per message, with 已读 n/m where the read state was checked. */
    public List<MessageReadState> readStates(long problemId) {
        return outbox.readStates(problemId);
    }

    /** A message to a group robot (the bureau's reports): markdown as given. */
    @Transactional
    public boolean robot(String robot, String key, String title, String markdown, List<String> atMobiles) {
        Instant now = clock.instant();
        return insert("robot:" + robot + ":" + key, "robot:" + robot + ":" + key, OutboxMessage.ROBOT, robot,
                "钉钉群", null, NotificationStep.REPORT, null, title, markdown, null,
                atMobiles == null || atMobiles.isEmpty() ? null : String.join(",", atMobiles), now, now);
    }

    private boolean insert(String idemKey, String messageKey, String channel, String recipient, String name,
            Long problemId, NotificationStep step, Level level, String title, String body, String link,
            String atMobiles, Instant due, Instant now) {
        if (outbox.exists(idemKey) > 0) {
            return false;
        }
        outbox.insert(new OutboxMapper.NewMessage(idemKey, messageKey, channel, recipient, name, problemId,
                step.name(), level == null ? null : level.name(), abbreviate(title, 200), body, link, atMobiles, due,
                now));
        return true;
    }

    List<String> route(NotificationStep step, Level level) {
        return decisions.latest(DECISION).evaluate(Map.of("step", step.routingStep(), "level", level.name())).stream()
                .map(rule -> (String) rule.get("recipient")).toList();
    }

    private List<Officer> resolve(String target, String unitCode, String officerNo) {
        if ("OFFICER".equals(target)) {
            return officerNo == null ? List.of()
                    : organisation.findOfficer(officerNo).map(List::of).orElse(List.of());
        }
        Role role = Role.valueOf(target);
        if (role == Role.UNIT_HEAD) {
            return organisation.officers(unitCode, Role.UNIT_HEAD);
        }
        return organisation.officers(null, role);
    }

    /** When a message written at {@code now} goes: blue and yellow wait for the end of the quiet hours; red goes at once. */
    public Instant sendAt(Level level, Instant now) {
        if (level == Level.RED) {
            return now;
        }
        ZonedDateTime local = now.atZone(Times.CHINA);
        LocalTime time = local.toLocalTime();
        LocalTime start = properties.quietStart();
        LocalTime end = properties.quietEnd();
        boolean quiet = start.isAfter(end) ? !time.isBefore(start) || time.isBefore(end)
                : !time.isBefore(start) && time.isBefore(end);
        if (!quiet) {
            return now;
        }
        ZonedDateTime morning = local.with(end).withSecond(0).withNano(0);
        return (morning.isAfter(local) ? morning : morning.plusDays(1)).toInstant();
    }

    private Map<String, Object> model(ProblemNotice notice, Instant now) {
        Level level = notice.level();
        Instant deadline = notice.deadline();
        Map<String, Object> model = new HashMap<>();
        model.put("step", notice.step().name());
        model.put("stepLabel", notice.step().label());
        model.put("level", level.name());
        model.put("levelLabel", level.label());
        model.put("levelColor", switch (level) {
            case BLUE -> "#1E6FD9";
            case YELLOW -> "#E6A23C";
            case RED -> "#D9001B";
        });
        model.put("title", notice.title());
        model.put("problemId", String.valueOf(notice.problemId()));
        model.put("unitName", organisation.findUnit(notice.unitCode()).map(Unit::name).orElse(notice.unitCode()));
        model.put("officerName", notice.officerNo() == null ? ""
                : organisation.findOfficer(notice.officerNo()).map(Officer::name).orElse(notice.officerNo()));
        model.put("deadlineText", deadline == null ? "" : CHINESE.format(deadline.atZone(Times.CHINA)));
        model.put("timeLeftText", deadline == null ? "" : timeLeft(Duration.between(now, deadline)));
        model.put("note", notice.note() == null ? "" : notice.note());
        model.put("noticeTimeText", CHINESE.format(now.atZone(Times.CHINA)));
        model.put("link", links.inDingTalk(problemPath(notice.problemId())));
        return model;
    }

    private static String problemPath(long problemId) {
        return "/problems/" + problemId;
    }

    static String timeLeft(Duration left) {
        if (left.isNegative()) {
            Duration over = left.negated();
            return "已超期" + (over.toDays() > 0 ? over.toDays() + "天" : "") + over.toHoursPart() + "小时";
        }
        return "剩余" + (left.toDays() > 0 ? left.toDays() + "天" : "") + left.toHoursPart() + "小时";
    }

    private static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
