package cn.jiandu.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.jiandu.text.PlainText;

/**
 * 401 and 403 of the engine's REST API and the webapps' API (/engine-rest, /camunda/api) in
 * Chinese: Camunda answers them in English (an AuthorizationException's message, an empty
 * 401, a CSRF refusal); they become an RFC 9457 problem with a Chinese {@code detail}, the
 * same text as {@code message} (what the Tasklist shows), and the engine's {@code type}.
 * Answers that are already problems (the app's guards, the login) pass unchanged.
 */
final class DenialTranslation extends OncePerRequestFilter {

    private static final Pattern PERMISSION = Pattern.compile(
            "'([A-Z_]+)' permission on resource '([^']*)' of type '([A-Za-z]+)'");
    private static final Pattern WEBAPP_LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/([^/]+)/?$");
    private static final Map<String, String> APPS = Map.of("tasklist", "任务列表（Tasklist）",
            "cockpit", "流程监控（Cockpit）", "admin", "系统管理（Admin）", "welcome", "欢迎页");

    private final ObjectMapper json;

    DenialTranslation(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        return !path.startsWith("/engine-rest") && !path.startsWith("/camunda/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        if (!capture.capturing) {
            return;
        }
        if (capture.writer != null) {
            capture.writer.flush();
        }
        JsonNode original = null;
        byte[] body = capture.body.toByteArray();
        if (body.length > 0) {
            try {
                original = json.readTree(body);
            } catch (IOException notJson) {
                original = null;
            }
        }
        int status = capture.status;
        String detail = detail(status, RequestPaths.of(request), original, capture.errorMessage);
        Map<String, Object> problem = new LinkedHashMap<>();
        String type = original != null && original.path("type").isTextual() ? original.path("type").asText() : null;
        problem.put("type", type != null ? type
                : status == HttpServletResponse.SC_UNAUTHORIZED ? "urn:jiandu:problem:unauthorized" : "urn:jiandu:problem:forbidden");
        problem.put("title", status == HttpServletResponse.SC_UNAUTHORIZED ? "需要登录" : "无权操作");
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("message", detail);
        byte[] answer = json.writeValueAsBytes(problem);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        // Jersey may have announced the length of the English answer before its status
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }

    static String detail(int status, String path, JsonNode original, String errorMessage) {
        if (status == HttpServletResponse.SC_UNAUTHORIZED) {
            return path.startsWith("/camunda/") && WEBAPP_LOGIN.matcher(path).matches()
                    ? "用户名或密码错误，或账号因连续输错密码已被暂时锁定（请稍后再试，或在登录页 " + LoginPage.PATH + " 查看可再试的时间）"
                    : "未登录或登录已过期，请重新登录（浏览器请打开登录页 " + LoginPage.PATH + "，接口调用请使用 HTTP Basic 认证）";
        }
        Matcher login = WEBAPP_LOGIN.matcher(path);
        if (login.matches()) {
            return "该账号无权使用" + APPS.getOrDefault(login.group(1), "该应用") + "，请联系系统管理员";
        }
        String message = original != null && original.path("message").isTextual() ? original.path("message").asText()
                : errorMessage == null ? "" : errorMessage;
        if (message.contains("CSRFPreventionFilter")) {
            return "请求缺少有效的 CSRF 令牌，操作未执行，请刷新页面后重试";
        }
        List<String> missing = new ArrayList<>();
        Matcher permission = PERMISSION.matcher(message);
        while (permission.find() && missing.size() < 5) {
            missing.add(PlainText.printable(permission.group(3)) + "「" + PlainText.printable(permission.group(2)) + "」的 "
                    + PlainText.printable(permission.group(1)) + " 权限");
        }
        return missing.isEmpty() ? "当前账号无权执行该操作"
                : "当前账号无权执行该操作：缺少" + String.join("，或", missing);
    }

    /** Holds back a 401 or 403 that is not already a problem, to be answered in Chinese. */
    private static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream body = new ByteArrayOutputStream();
        private boolean capturing;
        private boolean problem;
        private int status = SC_OK;
        private String errorMessage;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        private static boolean denied(int sc) {
            return sc == SC_UNAUTHORIZED || sc == SC_FORBIDDEN;
        }

        @Override
        public void setStatus(int sc) {
            if (denied(sc) && !problem) {
                capturing = true;
                status = sc;
                return;
            }
            capturing = false;
            super.setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) throws IOException {
            if (denied(sc)) {
                capturing = true;
                status = sc;
                errorMessage = msg;
                return;
            }
            super.sendError(sc, msg);
        }

        @Override
        public void sendError(int sc) throws IOException {
            sendError(sc, null);
        }

        @Override
        public int getStatus() {
            return capturing ? status : super.getStatus();
        }

        @Override
        public void setContentType(String type) {
            if (type != null && type.startsWith(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
                problem = true;
                if (capturing) {
                    capturing = false;
                    super.setStatus(status);
                }
            }
            super.setContentType(type);
        }

        @Override
        public void setContentLength(int len) {
            if (!capturing) {
                super.setContentLength(len);
            }
        }

        @Override
        public void setContentLengthLong(long len) {
            if (!capturing) {
                super.setContentLengthLong(len);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (!capturing || !"Content-Length".equalsIgnoreCase(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!capturing) {
                super.flushBuffer();
            }
        }

        @Override
        public boolean isCommitted() {
            return !capturing && super.isCommitted();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (!capturing) {
                return super.getOutputStream();
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        body.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("synchronous only");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (!capturing) {
                return super.getWriter();
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), StandardCharsets.UTF_8), true);
            }
            return writer;
        }
    }
}
