package cn.jiandu.text;

import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;

import cn.jiandu.time.Times;

/**
 * The one FreeMarker set-up of the templates in templates/ (classpath templates/): documents
 * (文书), reports and DingTalk messages. Separate from Spring Boot's MVC FreeMarker. HTML
 * output with auto-escaping unless a template declares {@code <#ftl output_format="Markdown">}
 * ({@link MarkdownOutputFormat}), so that what users typed (titles, descriptions, names) can
 * never become markup; templates are edited outside the code, so they may not instantiate Java
 * classes; errors are thrown, never printed into a document; numbers as official texts print
 * them (1200, not 1,200); China time; cnDate(x) and cnDateTime(x) ({@link ChineseDates}).
 */
public final class Templates {

    private Templates() {
    }

    /** A new configuration (one per renderer: each keeps its own template cache). */
    public static Configuration configuration() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassLoaderForTemplateLoading(Templates.class.getClassLoader(), "templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setRegisteredCustomOutputFormats(List.of(MarkdownOutputFormat.INSTANCE));
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setTimeZone(TimeZone.getTimeZone(Times.CHINA));
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setSharedVariable("cnDate", ChineseDates.method(false));
        cfg.setSharedVariable("cnDateTime", ChineseDates.method(true));
        return cfg;
    }
}
