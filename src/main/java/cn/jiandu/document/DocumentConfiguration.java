package cn.jiandu.document;

import java.time.Clock;

import freemarker.template.Configuration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import cn.jiandu.time.Times;
import cn.jiandu.text.Templates;

/** The document templates and, until the calendar's clock exists, a clock. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    static final String TEMPLATES = "documentTemplates";

    /**
     * FreeMarker over the top-level templates/ folder ({@link Templates}). Not a default
     * candidate: code that injects a plain freemarker Configuration still gets Boot's.
     */
    @Bean(name = TEMPLATES, defaultCandidate = false)
    Configuration documentTemplates() {
        return Templates.configuration();
    }

    /**
     * China time, for when no other Clock bean exists. The calendar capability provides
     * the one clock of the app (cn.jiandu.calendar.AppClock, a scanned @Component, which
     * this condition sees); this is only the fallback.
     */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    Clock documentClock() {
        return Clock.system(Times.CHINA);
    }
}
