package cn.jiandu.report;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;

import cn.jiandu.level.Level;
import cn.jiandu.text.Templates;
import cn.jiandu.time.Times;

/**
 * The morning digest's wording (每日早8时推送), from templates/dingtalk/digest-*.ftl: one part
 * per role, empty when the role has nothing to read; and when the digest is due. Pure: the
 * figures come in, markdown goes out.
 */
final class DigestContent {

    static final int LIST_LIMIT = 10;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("M月d日 HH:mm");

    private final Configuration templates = Templates.configuration();

    /** The bureau's figures for the chief (局长). */
    record ChiefFigures(long blue, long yellow, long red, long newYesterday, long closedYesterday, long overdue,
            List<ReportMapper.ProblemRow> reds, long redCount) {
    }

    /** The reds and yellows of a deputy leader's units (分管领导). */
    record DeputyFigures(List<ReportMapper.ProblemRow> warnings) {
    }

    /** The legal brigade captain's (法制大队长) overdue and awaiting review. */
    record CaptainFigures(long overdueCount, List<ReportMapper.ProblemRow> overdue, long reviewingCount,
            List<ReportMapper.ProblemRow> reviewing) {
    }

    /** A unit head's (单位负责人) problems due by the end of today. */
    record UnitHeadFigures(String unitName, List<DigestMapper.DueRow> due) {
    }

    /**
     * Whether the digest is due at {@code now} (China time): a working day, at or after the
     * digest time. A node that was down at that time sends when it is back the same day.
     */
    static boolean due(ZonedDateTime now, LocalTime at, Predicate<LocalDate> workingDay) {
        ZonedDateTime local = now.withZoneSameInstant(Times.CHINA);
        return workingDay.test(local.toLocalDate()) && !local.toLocalTime().isBefore(at);
    }

    /** The message's title: the day in it, so that no two days' digests look alike to DingTalk. */
    static String title(LocalDate day) {
        return "【每日推送】" + DAY.format(day) + "执法监督早报";
    }

    /** The message: a head line and the parts, or empty when there are no parts. */
    static Optional<String> message(LocalDate day, List<String> parts) {
        if (parts.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("### 执法监督每日推送（" + DAY.format(day) + "）\n\n" + String.join("\n\n---\n\n", parts));
    }

    Optional<String> chief(ChiefFigures f, Instant now, String link) {
        long total = f.blue() + f.yellow() + f.red();
        if (total == 0 && f.newYesterday() == 0 && f.closedYesterday() == 0 && f.overdue() == 0) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("blue", f.blue());
        model.put("yellow", f.yellow());
        model.put("red", f.red());
        model.put("total", total);
        model.put("newYesterday", f.newYesterday());
        model.put("closedYesterday", f.closedYesterday());
        model.put("overdue", f.overdue());
        model.put("reds", rows(f.reds(), now));
        model.put("moreReds", Math.max(0, f.redCount() - f.reds().size()));
        model.put("link", link);
        return Optional.of(render("digest-chief", model));
    }

    Optional<String> deputy(DeputyFigures f, Instant now, String link) {
        if (f.warnings().isEmpty()) {
            return Optional.empty();
        }
        List<ReportMapper.ProblemRow> shown = f.warnings().stream().limit(LIST_LIMIT).toList();
        Map<String, Object> model = new HashMap<>();
        model.put("red", f.warnings().stream().filter(p -> "RED".equals(p.level())).count());
        model.put("yellow", f.warnings().stream().filter(p -> "YELLOW".equals(p.level())).count());
        model.put("problems", rows(shown, now));
        model.put("more", f.warnings().size() - shown.size());
        model.put("link", link);
        return Optional.of(render("digest-deputy", model));
    }

    Optional<String> captain(CaptainFigures f, Instant now, String link) {
        if (f.overdueCount() == 0 && f.reviewingCount() == 0) {
            return Optional.empty();
        }
        Map<String, Object> model = new HashMap<>();
        model.put("overdueCount", f.overdueCount());
        model.put("overdue", rows(f.overdue(), now));
        model.put("reviewingCount", f.reviewingCount());
        model.put("reviewing", rows(f.reviewing(), now));
        model.put("link", link);
        return Optional.of(render("digest-captain", model));
    }

    Optional<String> unitHead(UnitHeadFigures f, Instant now, String link) {
        if (f.due().isEmpty()) {
            return Optional.empty();
        }
        List<Map<String, Object>> overdue = new ArrayList<>();
        List<Map<String, Object>> today = new ArrayList<>();
        for (DigestMapper.DueRow row : f.due()) {
            Map<String, Object> p = new HashMap<>();
            p.put("id", String.valueOf(row.id()));
            p.put("title", row.title());
            p.put("action", "OPEN".equals(row.status()) ? "待签收" : "待整改");
            p.put("dueText", dueText(row.due(), now));
            (row.due().isBefore(now) ? overdue : today).add(p);
        }
        Map<String, Object> model = new HashMap<>();
        model.put("unitName", f.unitName());
        model.put("overdue", overdue);
        model.put("dueToday", today);
        model.put("link", link);
        return Optional.of(render("digest-unit-head", model));
    }

    private static List<Map<String, Object>> rows(List<ReportMapper.ProblemRow> problems, Instant now) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ReportMapper.ProblemRow p : problems) {
            Map<String, Object> row = new HashMap<>();
            row.put("id", String.valueOf(p.id()));
            row.put("title", p.title());
            row.put("unitName", p.unitName() == null ? p.unitCode() : p.unitName());
            row.put("levelLabel", p.level() == null ? "" : Level.valueOf(p.level()).label());
            row.put("dueText", dueText(p.deadline(), now));
            rows.add(row);
        }
        return rows;
    }

    /** "12月7日 17:00到期" or "已超期2天3小时". */
    static String dueText(Instant due, Instant now) {
        if (due == null) {
            return "无期限";
        }
        if (due.isBefore(now)) {
            Duration over = Duration.between(due, now);
            return "已超期" + (over.toDays() > 0 ? over.toDays() + "天" : "") + over.toHoursPart() + "小时";
        }
        return DUE.format(due.atZone(Times.CHINA)) + "到期";
    }

    private String render(String template, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            templates.getTemplate("dingtalk/" + template + ".ftl").process(model, out);
            return out.toString().replaceAll("\n{3,}", "\n\n").strip();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("DingTalk template " + template + " failed", e);
        }
    }
}
