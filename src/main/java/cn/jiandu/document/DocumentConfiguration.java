package cn.jiandu.document;

import java.time.Clock;
import java.util.Locale;
import java.util.TimeZone;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateExceptionHandler;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** The document templates and, until the calendar's clock exists, a clock. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    static final String TEMPLATES = "documentTemplates";

    /**
     * FreeMarker over the top-level templates/ folder (classpath templates/), separate from
     * Spring Boot's MVC FreeMarker: HTML output with auto-escaping, so that what users
     * typed (titles, descriptions, names) can never become markup. Not a default
     * candidate: code that injects a plain freemarker Configuration still gets Boot's.
     */
    @Bean(name = TEMPLATES, defaultCandidate = false)
    Configuration documentTemplates() {
        return templates();
    }

    /**
     * China time, for when no other Clock bean exists. The calendar capability provides
     * the one clock of the app (cn.jiandu.calendar.AppClock, a scanned @Component, which
     * this condition sees); this is only the fallback.
     */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock documentClock() {
        return Clock.system(ChineseDates.ZONE);
    }

    static Configuration templates() {
        Configuration cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassLoaderForTemplateLoading(DocumentConfiguration.class.getClassLoader(), "templates");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
        cfg.setLocale(Locale.SIMPLIFIED_CHINESE);
        cfg.setTimeZone(TimeZone.getTimeZone(ChineseDates.ZONE));
        // 1200, not 1,200: numbers in documents are counts and years
        cfg.setNumberFormat("computer");
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        // templates are edited outside the code: they may not instantiate Java classes
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        cfg.setSharedVariable("cnDate", ChineseDates.method(false));
        cfg.setSharedVariable("cnDateTime", ChineseDates.method(true));
        return cfg;
    }
}
