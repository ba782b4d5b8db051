package cn.jiandu.report;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.notification.Notifications;
import cn.jiandu.web.PublicLinks;
import cn.jiandu.notification.dingtalk.DingTalkProperties;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;
import cn.jiandu.web.Page;

/**
 * Makes, stores and sends the supervision reports. A report of a type and period is made
 * once: asked again (by an administrator, by the schedule, by another node at the same
 * moment) the stored one is the answer, because the database keeps one row per type and
 * period. The report, its issue number and its DingTalk message are one transaction.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);

    private final ReportMapper mapper;
    private final ReportCounter counter;
    private final ReportRenderer renderer;
    private final Notifications notifications;
    private final PublicLinks links;
    private final DingTalkProperties dingtalk;
    private final ReportProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;

    ReportService(ReportMapper mapper, ReportCounter counter, ReportRenderer renderer, Notifications notifications,
            PublicLinks links, DingTalkProperties dingtalk, ReportProperties properties,
            PlatformTransactionManager transactions, Clock clock) {
        this.mapper = mapper;
        this.counter = counter;
        this.renderer = renderer;
        this.notifications = notifications;
        this.links = links;
        this.dingtalk = dingtalk;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** A report and whether this call made it (false: it existed already). */
    public record Made(ReportSummary report, boolean created) {
    }

    /**
     * The report of the period of {@code type} that contains {@code day}: made now, or the
     * one made before. The period must be over: a report is never made twice, so one made
     * half-way would stay half-counted.
     *
     * @throws InvalidInputException (field date) when the period has not ended yet
     */
    public Made make(ReportType type, LocalDate day, String by) {
        Period period = type.periodOf(day);
        if (period.endInstant().isAfter(clock.instant())) {
            throw new InvalidInputException("date", "该" + type.shortLabel() + "的统计时段（" + period.text()
                    + "）尚未结束，结束后才能生成");
        }
        Optional<ReportMapper.StoredReport> existing = Optional.ofNullable(mapper.findByPeriod(type, period.start()));
        if (existing.isPresent()) {
            return new Made(ReportSummary.of(existing.get()), false);
        }
        try {
            return tx.execute(status -> create(period, by));
        } catch (DuplicateKeyException e) {
            // the only unique key left is the period's: another node or request made it meanwhile
            ReportMapper.StoredReport made = mapper.findByPeriod(type, period.start());
            if (made == null) {
                throw e;
            }
            log.info("{} of {} was made meanwhile (another node or request); answering that one", type,
                    period.start());
            return new Made(ReportSummary.of(made), false);
        }
    }

    private Made create(Period period, String by) {
        ReportType type = period.type();
        int year = period.start().getYear();
        int issueNo = period.issueNo();
        ReportFigures figures = counter.count(period, issueNo);
        ReportMapper.NewReport row = new ReportMapper.NewReport();
        row.type = type;
        row.periodStart = period.start();
        row.periodEnd = period.end();
        row.issueNo = issueNo;
        row.year = year;
        row.title = figures.title();
        row.html = renderer.html(figures);
        row.markdown = "";
        row.createdAt = clock.instant();
        row.createdBy = by;
        mapper.insert(row);

        String markdown = renderer.markdown(figures, link(row.id));
        mapper.updateMarkdown(row.id, markdown);
        String robot = properties.robot();
        if (robot == null || robot.isBlank()) {
            log.debug("jiandu.report.robot is empty: {} not sent to DingTalk", figures.title());
        } else if (dingtalk.robots() == null || !dingtalk.robots().containsKey(robot)) {
            log.warn("DingTalk robot '{}' is not configured (jiandu.dingtalk.robots): {} not sent", robot,
                    figures.title());
        } else {
            notifications.robot(robot, "report:" + type.name() + ":" + period.start(),
                    figures.bureauName() + figures.title(), markdown, List.of());
        }
        log.info("Made {} for {} (id {}) by {}", figures.title(), period.text(), row.id, by);
        return new Made(ReportSummary.of(mapper.find(row.id)), true);
    }

    /** Where the group's message leads: the full report (jiandu.public-base-url). */
    String link(long id) {
        return links.to("/api/reports/" + id);
    }

    @Transactional(readOnly = true)
    public Page<ReportSummary> list(ReportType type, int page, int size) {
        // a page far beyond the end is empty, not an int overflow into a negative OFFSET
        List<ReportSummary> items = mapper.list(type, (long) page * size, size).stream().map(ReportSummary::of)
                .toList();
        return new Page<>(items, page, size, mapper.count(type));
    }

    @Transactional(readOnly = true)
    public Optional<ReportSummary> find(long id) {
        return Optional.ofNullable(mapper.find(id)).map(ReportSummary::of);
    }

    @Transactional(readOnly = true)
    public String html(long id) {
        return Optional.ofNullable(mapper.find(id)).map(ReportMapper.StoredReport::html)
                .orElseThrow(() -> new NotFoundException("报告不存在: " + id));
    }

    @Transactional(readOnly = true)
    public String markdown(long id) {
        return Optional.ofNullable(mapper.find(id)).map(ReportMapper.StoredReport::markdown)
                .orElseThrow(() -> new NotFoundException("报告不存在: " + id));
    }

    /** The figures of a period counted now, not stored nor sent (the benchmark, previews). */
    ReportFigures count(Period period) {
        return counter.count(period, 0);
    }

    String render(ReportFigures figures) {
        return renderer.html(figures);
    }
}
