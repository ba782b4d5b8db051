package cn.jiandu.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import org.springframework.stereotype.Component;

import cn.jiandu.text.Templates;

/**
 * Renders a report from templates/reports: the full report as printable HTML
 * (&lt;type&gt;.ftl, auto-escaped HTML) and its summary for the DingTalk group
 * (dingtalk.ftl, auto-escaped markdown). The wording is the templates'; the figures come
 * ready from {@link ReportCounter}.
 */
@Component
class ReportRenderer {

    private final Configuration templates = Templates.configuration();

    String html(ReportFigures figures) {
        return render("reports/" + figures.type().template() + ".ftl", Map.of("r", figures));
    }

    /** The group message; {@code link} leads to the full report. */
    String markdown(ReportFigures figures, String link) {
        return render("reports/dingtalk.ftl", Map.of("r", figures, "link", link)).replaceAll("\n{3,}", "\n\n").strip();
    }

    private String render(String template, Map<String, Object> model) {
        StringWriter out = new StringWriter(64 * 1024);
        try {
            templates.getTemplate(template).process(model, out);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Cannot render " + template + ": " + e.getMessage(), e);
        }
        return out.toString();
    }
}
