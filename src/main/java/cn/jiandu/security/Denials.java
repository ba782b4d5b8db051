package cn.jiandu.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * The app's 401 and 403, in Chinese on every surface: a browser opening a page without a
 * login is sent to the login page (and back afterwards); a refused page is a Chinese page;
 * API clients get an RFC 9457 problem with a Chinese {@code detail}.
 */
final class Denials implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final String REALM = "Jiandu";

    private final ObjectMapper json;
    private final LoginPage pages;
    /** Basic chain: whoever sent credentials is an API client and is answered as one. */
    private final boolean apiClientsOnly;

    Denials(ObjectMapper json, LoginPage pages, boolean apiClientsOnly) {
        this.json = json;
        this.pages = pages;
        this.apiClientsOnly = apiClientsOnly;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (!apiClientsOnly && isPageRequest(request)) {
            String asked = request.getRequestURI().substring(request.getContextPath().length()) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
            response.sendRedirect(request.getContextPath() + LoginPage.PATH + "?redirect="
                    + URLEncoder.encode(SafeRedirects.target(asked), StandardCharsets.UTF_8));
            return;
        }
        // no Basic prompt for the pages' own scripts: they send people to the login page
        if (apiClientsOnly || request.getHeader("Sec-Fetch-Mode") == null && request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\", charset=\"UTF-8\"");
        }
        boolean wrongCredentials = request.getHeader("Authorization") != null;
        problem(response, HttpServletResponse.SC_UNAUTHORIZED, "unauthorized", "需要登录",
                wrongCredentials ? "用户名或密码错误，或账号已被暂时锁定（HTTP Basic 认证未通过）"
                        : "请先登录：浏览器请打开登录页 " + LoginPage.PATH + "，接口调用请使用 HTTP Basic 认证");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        String detail = e instanceof CsrfException
                ? "请求缺少有效的 CSRF 令牌，操作未执行（请刷新页面后重试；页面的写操作须带请求头 X-CSRF-TOKEN）"
                : "当前账号无权访问该地址或执行该操作";
        if (!apiClientsOnly && prefersHtml(request)) {
            pages.renderForbidden(request, response, detail);
            return;
        }
        problem(response, HttpServletResponse.SC_FORBIDDEN, "forbidden", "无权操作", detail);
    }

    void problem(HttpServletResponse response, int status, String type, String title, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:jiandu:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        json.writeValue(response.getOutputStream(), body);
    }

    /**
     * A browser opening a page: GET or HEAD whose Accept puts HTML first (browsers send
     * "text/html,…"; scripts and API clients ask for JSON or anything).
     */
    static boolean isPageRequest(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && prefersHtml(request);
    }

    /** A browser's request (a page, a form sent): its Accept puts HTML first. */
    static boolean prefersHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = MediaType.parseMediaTypes(accept);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        MediaType preferred = null;
        for (MediaType type : types) {
            if (preferred == null || type.getQualityValue() > preferred.getQualityValue()) {
                preferred = type;
            }
        }
        return preferred != null && (MediaType.TEXT_HTML.equalsTypeAndSubtype(preferred)
                || MediaType.APPLICATION_XHTML_XML.equalsTypeAndSubtype(preferred));
    }
}
