package cn.jiandu.escalation;

import java.io.IOException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves a deployed Camunda Form (a start form or a task form, through the engine REST API or
 * the webapps' engine API) with the current choices of {@link RegistrationChoices} written
 * into its selects. The engine answers first, with its own login and authorizations; only an
 * answer of 200 that is a form with such a select is changed, anything else passes as it is.
 */
@Component
class FormChoicesFilter extends OncePerRequestFilter {

    private static final Pattern DEPLOYED_FORM = Pattern.compile(
            "^/(?:engine-rest(?:/engine/[^/]+)?|camunda/api/engine/engine/[^/]+)/"
                    + "(?:process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/deployed-start-form"
                    + "|task/[^/]+/deployed-form)$");

    private final RegistrationChoices choices;
    private final ObjectMapper json;

    FormChoicesFilter(RegistrationChoices choices, ObjectMapper json) {
        this.choices = choices;
        this.json = json;
    }

    static boolean isDeployedForm(String path) {
        return DEPLOYED_FORM.matcher(path).matches();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length()).replaceAll("/+", "/");
        return !"GET".equals(request.getMethod()) || !isDeployedForm(path);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        byte[] body = answer.getContentAsByteArray();
        if (answer.getStatus() == HttpServletResponse.SC_OK && body.length > 0 && body[0] == '{') {
            JsonNode form;
            try {
                form = json.readTree(body);
            } catch (IOException notJson) {
                form = null;
            }
            if (form != null && choices.fill(form)) {
                byte[] filled = json.writeValueAsBytes(form);
                answer.resetBuffer();
                answer.getOutputStream().write(filled);
                // the lists change with the organisation: never from a cache
                answer.setHeader("Cache-Control", "no-store");
            }
        }
        answer.copyBodyToResponse();
    }
}
