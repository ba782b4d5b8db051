package cn.jiandu.page;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;

import cn.jiandu.text.Templates;

/**
 * Renders the pages of templates/pages/ (FreeMarker, HTML auto-escaped: what users typed stays
 * text) into a private, uncached HTML answer. Every page gets {@code csrf} (the token's header,
 * parameter and value) when Spring Security gives the request one, else null.
 */
@Component
class PageRenderer {

    /** The CSRF token of the request as a page writes it. */
    public record Csrf(String headerName, String parameterName, String token) {
    }

    private final Configuration templates = Templates.configuration();

    ResponseEntity<String> page(HttpStatus status, String template, Map<String, Object> model,
            HttpServletRequest request) {
        Map<String, Object> all = new java.util.HashMap<>(model);
        all.put("csrf", csrf(request));
        StringWriter out = new StringWriter();
        try {
            templates.getTemplate("pages/" + template).process(all, out);
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("Page template pages/" + template + " failed", e);
        }
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noStore().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(out.toString());
    }

    /** A short Chinese page for 400, 403 and 404. */
    ResponseEntity<String> message(HttpStatus status, String title, String text, HttpServletRequest request) {
        return page(status, "message.ftl", Map.of("title", title, "text", text), request);
    }

    private static Csrf csrf(HttpServletRequest request) {
        Object token = request.getAttribute(CsrfToken.class.getName());
        if (token instanceof CsrfToken t) {
            return new Csrf(t.getHeaderName(), t.getParameterName(), t.getToken());
        }
        return null;
    }
}
