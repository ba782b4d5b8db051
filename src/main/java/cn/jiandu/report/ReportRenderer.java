package cn.jiandu.report;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import org.springframework.stereotype.Component;

/**
 * Renders a report from templates/reports: the full report as printable HTML
 * (&lt;type&gt;.ftl, auto-escaped HTML) and its summary for the DingTalk group
 * (dingtalk.ftl, auto-escaped markdown). The wording is the templates'; the figures come
 * ready from {@link ReportCounter}.
 */
@Component
class ReportRenderer {

    private final Configuration templates = configuration();

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

    static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassLoaderForTemplateLoading(ReportRenderer.class.getClassLoader(), "templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setTimeZone(TimeZone.getTimeZone(ChineseText.CHINA));
        // 1200, not 1,200: counts are printed as official texts print them
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // templates are edited outside the code: they may not instantiate Java classes
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        return cfg;
    }
}
