package cn.jiandu.security;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.jiandu.text.Templates;

/**
 * The one login page (templates/login/login.ftl), in Chinese, for every surface: the
 * problem pages, the dashboard, the reports and the Camunda webapps. It posts to Spring
 * Security's form login at the same path; {@code redirect} is where the person goes
 * afterwards, a path of this app only ({@link SafeRedirects}).
 */
@Controller
class LoginPage {

    static final String PATH = "/login";

    private final Configuration templates = Templates.configuration();

    @GetMapping(PATH)
    void show(@RequestParam(name = "redirect", required = false) String redirect,
            @RequestParam(name = "logout", required = false) String logout,
            HttpServletRequest request, HttpServletResponse response) throws IOException {
        renderLogin(request, response, HttpServletResponse.SC_OK, redirect, null, null,
                logout != null ? "您已退出登录。" : null);
    }

    void renderLogin(HttpServletRequest request, HttpServletResponse response, int status, String redirect,
            String username, String error, String notice) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("action", request.getContextPath() + PATH);
        model.put("redirect", SafeRedirects.target(redirect));
        model.put("username", username == null ? "" : username);
        model.put("error", error == null ? "" : error);
        model.put("notice", notice == null ? "" : notice);
        putCsrf(request, model);
        render(response, status, "login/login.ftl", model);
    }

    void renderForbidden(HttpServletRequest request, HttpServletResponse response, String detail) throws IOException {
        Map<String, Object> model = new HashMap<>();
        model.put("detail", detail);
        model.put("login", request.getContextPath() + PATH);
        model.put("home", request.getContextPath() + SafeRedirects.START);
        putCsrf(request, model);
        render(response, HttpServletResponse.SC_FORBIDDEN, "login/forbidden.ftl", model);
    }

    /** Another page of the login (templates/login/…), with the CSRF token as the login page has it. */
    void renderPage(HttpServletRequest request, HttpServletResponse response, int status, String template,
            Map<String, Object> model) throws IOException {
        Map<String, Object> withCsrf = new HashMap<>(model);
        putCsrf(request, withCsrf);
        render(response, status, template, withCsrf);
    }

    private static void putCsrf(HttpServletRequest request, Map<String, Object> model) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        model.put("csrfParameter", csrf == null ? "" : csrf.getParameterName());
        model.put("csrfHeader", csrf == null ? "" : csrf.getHeaderName());
        model.put("csrfToken", csrf == null ? "" : csrf.getToken());
    }

    private void render(HttpServletResponse response, int status, String template, Map<String, Object> model)
            throws IOException {
        StringWriter html = new StringWriter();
        try {
            templates.getTemplate(template).process(model, html);
        } catch (TemplateException e) {
            throw new IllegalStateException("Template " + template + " failed", e);
        }
        response.setStatus(status);
        response.setContentType(MediaType.TEXT_HTML_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(html.toString());
    }
}
