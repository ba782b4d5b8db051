package cn.jiandu.report;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.jiandu.calendar.WorkCalendar;
import cn.jiandu.notification.DingTalkFollowUpProperties;
import cn.jiandu.notification.NotificationStep;
import cn.jiandu.notification.Notifications;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.security.Role;
import cn.jiandu.time.Times;
import cn.jiandu.web.PublicLinks;

/**
 * The 8 o'clock digest (每日早8时推送): on each working day at jiandu.dingtalk.digest-time (China
 * time, the app's clock) one work notification per person with his own content: the chief
 * (局长) the bureau's figures and reds, a deputy leader (分管领导) the reds and yellows of the
 * units in his charge, the legal brigade captain (法制大队长) the overdue and those awaiting review,
 * a unit head (单位负责人) his unit's problems due today and overdue; a person with several roles
 * one message with several parts, a person with nothing to read none. Every node looks every
 * minute; each message has the key {@code digest:<date>:<userId>} in the outbox, so two nodes
 * write it once, and a node that was down at 8 writes it when it is back the same day. The
 * figures are the dashboard's (ReportMapper).
 */
@Component
public class MorningDigest {

    private static final Logger log = LoggerFactory.getLogger(MorningDigest.class);

    private final ReportMapper figures;
    private final DigestMapper digest;
    private final Notifications notifications;
    private final OrganisationService organisation;
    private final WorkCalendar calendar;
    private final DingTalkFollowUpProperties properties;
    private final PublicLinks links;
    private final Clock clock;
    private final DigestContent content = new DigestContent();

    MorningDigest(ReportMapper figures, DigestMapper digest, Notifications notifications,
            OrganisationService organisation, WorkCalendar calendar, DingTalkFollowUpProperties properties,
            PublicLinks links, Clock clock) {
        this.figures = figures;
        this.digest = digest;
        this.notifications = notifications;
        this.organisation = organisation;
        this.calendar = calendar;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
    }

    @Scheduled(cron = "0 * * * * *")
    void tick() {
        if (!properties.digestEnabled()) {
            return;
        }
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("The morning digest failed; will try again: {}", e.toString());
        }
    }

    /** Writes today's digests if they are due and not written yet; returns how many this call wrote. */
    public int run() {
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(Times.CHINA);
        LocalDate today = local.toLocalDate();
        if (!DigestContent.due(local, properties.digestTime(), calendar::isWorkingDay) || digest.digestDone(today) > 0) {
            return 0;
        }
        Map<String, Officer> people = new LinkedHashMap<>();
        Map<String, List<String>> parts = new LinkedHashMap<>();
        Map<String, String> firstLink = new LinkedHashMap<>();
        Optional<DigestContent.ChiefFigures> bureau = Optional.empty();
        for (Officer chief : active(Role.CHIEF)) {
            if (bureau.isEmpty()) {
                bureau = Optional.of(chiefFigures(today, now));
            }
            add(people, parts, firstLink, chief, content.chief(bureau.get(), now, links.inDingTalk("/dashboard/")),
                    "/dashboard/");
        }
        for (Officer deputy : active(Role.DEPUTY_LEADER)) {
            String path = "/problems";
            add(people, parts, firstLink, deputy, content.deputy(new DigestContent.DeputyFigures(
                    digest.warningsInCharge(deputy.officerNo(), 200)), now, links.inDingTalk(path)), path);
        }
        List<Officer> captains = active(Role.LEGAL_CAPTAIN);
        if (!captains.isEmpty()) {
            DigestContent.CaptainFigures f = new DigestContent.CaptainFigures(figures.overdueCount(now),
                    figures.overdue(now, DigestContent.LIST_LIMIT), digest.reviewingCount(),
                    digest.reviewing(DigestContent.LIST_LIMIT));
            String path = "/problems?status=REVIEWING";
            for (Officer captain : captains) {
                add(people, parts, firstLink, captain, content.captain(f, now, links.inDingTalk(path)), path);
            }
        }
        Instant endOfToday = today.plusDays(1).atStartOfDay(Times.CHINA).toInstant();
        Map<String, DigestContent.UnitHeadFigures> units = new LinkedHashMap<>();
        for (Officer head : active(Role.UNIT_HEAD)) {
            DigestContent.UnitHeadFigures f = units.computeIfAbsent(head.unitCode(), code -> new DigestContent.UnitHeadFigures(
                    organisation.findUnit(code).map(Unit::name).orElse(code), digest.unitDue(code, endOfToday, 50)));
            String path = "/problems?unit=" + head.unitCode();
            add(people, parts, firstLink, head, content.unitHead(f, now, links.inDingTalk(path)), path);
        }
        int written = 0;
        String title = DigestContent.title(today);
        for (Map.Entry<String, List<String>> entry : parts.entrySet()) {
            Officer officer = people.get(entry.getKey());
            String key = "digest:" + today + ":" + officer.dingtalkUserId();
            Optional<String> markdown = DigestContent.message(today, entry.getValue());
            if (markdown.isEmpty() || notifications.written(key)) {
                continue;
            }
            try {
                if (notifications.personal(officer, NotificationStep.DIGEST, key, title, markdown.get(),
                        links.inDingTalk(firstLink.get(entry.getKey())))) {
                    written++;
                }
            } catch (DataIntegrityViolationException e) {
                // another node wrote it at the same moment
            }
        }
        try {
            digest.markDigestDone(today, now);
        } catch (DataIntegrityViolationException e) {
            // another node finished the day first
        }
        if (written > 0) {
            log.info("Morning digest of {}: {} message(s)", today, written);
        }
        return written;
    }

    private DigestContent.ChiefFigures chiefFigures(LocalDate today, Instant now) {
        long blue = 0;
        long yellow = 0;
        long red = 0;
        for (ReportMapper.TypeCount c : figures.openByLevel()) {
            switch (c.type() == null ? "" : c.type()) {
                case "BLUE" -> blue = c.count();
                case "YELLOW" -> yellow = c.count();
                case "RED" -> red = c.count();
                default -> {
                }
            }
        }
        Instant from = today.minusDays(1).atStartOfDay(Times.CHINA).toInstant();
        Instant to = today.atStartOfDay(Times.CHINA).toInstant();
        long found = figures.foundPerDay(from, to).stream().mapToLong(ReportMapper.DayCount::count).sum();
        long closed = figures.closedPerDay(from, to).stream().mapToLong(ReportMapper.DayCount::count).sum();
        List<ReportMapper.ProblemRow> reds = figures.warnings(now, 500).stream().filter(p -> "RED".equals(p.level()))
                .toList();
        return new DigestContent.ChiefFigures(blue, yellow, red, found, closed, figures.overdueCount(now),
                reds.stream().limit(DigestContent.LIST_LIMIT).toList(), reds.size());
    }

    private List<Officer> active(Role role) {
        return organisation.officers(null, role).stream()
                .filter(o -> o.active() && o.dingtalkUserId() != null).toList();
    }

    private static void add(Map<String, Officer> people, Map<String, List<String>> parts, Map<String, String> firstLink,
            Officer officer, Optional<String> part, String path) {
        if (part.isEmpty()) {
            return;
        }
        people.putIfAbsent(officer.officerNo(), officer);
        parts.computeIfAbsent(officer.officerNo(), k -> new ArrayList<>()).add(part.get());
        firstLink.putIfAbsent(officer.officerNo(), path);
    }
}
