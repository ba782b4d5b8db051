package cn.jiandu.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.jiandu.text.PlainText;


/**
 * The engine's REST API as a person may use it, under /engine-rest and the webapps'
 * /camunda/api/engine: only the rows of {@link EngineApiAllowList} (the administrator
 * excepted: 403 with a Chinese message otherwise), and every task completion or start form
 * only with its form's fields ({@link FormSubmissionPolicy}, administrators not excepted: 400
 * naming the refused variables, nothing changed).
 */
final class EngineApiGuard extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(EngineApiGuard.class);

    private static final Pattern REST_ROOT = Pattern.compile("^/engine-rest(?:/engine/([^/]+)(?=/))?(/.*)?$");
    private static final Pattern WEBAPP_ROOT = Pattern.compile("^/camunda/api/engine/engine(?:/([^/]+))?(/.*)?$");
    private static final Pattern TASK_COMPLETION = Pattern.compile(
            "task/([^/]+)/(complete|submit-form|resolve|bpmnError|bpmnEscalation)");
    /** Handing a task to someone: 指派 and 认领, body {"userId": …}. */
    private static final Pattern TASK_ASSIGNMENT = Pattern.compile("task/([^/]+)/(assignee|claim)");
    private static final Pattern START = Pattern.compile(
            "process-definition/(?:key/([^/]+)(?:/tenant-id/[^/]+)?|([^/]+))/(start|submit-form)");
    private static final Set<String> TASK_BODY = Set.of("variables", "withVariablesInReturn", "errorCode",
            "errorMessage", "escalationCode");
    private static final Set<String> START_BODY = Set.of("variables", "businessKey", "withVariablesInReturn");
    static final int MAX_BODY_BYTES = 2 << 20;

    private final FormSubmissionPolicy submissions;
    private final ObjectMapper json;

    EngineApiGuard(FormSubmissionPolicy submissions, ObjectMapper json) {
        this.submissions = submissions;
        this.json = json;
    }

    /** The path below the engine's root ("task/42/complete"), or null for a path not of the engine API. */
    static String enginePath(String path) {
        Matcher rest = REST_ROOT.matcher(path);
        Matcher webapp = WEBAPP_ROOT.matcher(path);
        String inner;
        if (rest.matches()) {
            inner = rest.group(2);
        } else if (webapp.matches()) {
            // /camunda/api/engine/engine/ alone lists the engines
            inner = webapp.group(1) == null ? "/engine" : webapp.group(2);
        } else {
            return null;
        }
        String relative = inner == null ? "" : inner.replaceAll("^/+|/+$", "");
        return relative;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return enginePath(RequestPaths.of(request)) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Caller caller = caller(request);
        if (caller == null) {
            chain.doFilter(request, response); // not logged in: the login of this surface answers
            return;
        }
        String path = enginePath(RequestPaths.of(request));
        String method = request.getMethod();
        if (request.getHeader("X-HTTP-Method-Override") != null || request.getHeader("X-HTTP-Method") != null
                || request.getHeader("X-Method-Override") != null) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "不接受改写请求方法的请求头", List.of());
            return;
        }
        if (!EngineApiAllowList.allows(method, path, caller.groupIds())) {
            log.warn("Refused engine API call {} /{} by {}", method, path, caller.userId());
            String reserved = EngineApiAllowList.reservedFor(method, path);
            refuse(response, HttpServletResponse.SC_FORBIDDEN, "无权调用该引擎接口：" + method + " /" + path
                    + (reserved == null ? "（仅系统管理员可用；办理任务请使用任务表单）"
                            : "（仅" + reserved + "和系统管理员可用）"), List.of());
            return;
        }
        Matcher assignment = TASK_ASSIGNMENT.matcher(path);
        if ("POST".equals(method) && assignment.matches()) {
            assign(request, response, chain, caller, assignment.group(1), method, path);
            return;
        }
        Matcher task = TASK_COMPLETION.matcher(path);
        Matcher start = START.matcher(path);
        boolean isTask = "POST".equals(method) && task.matches();
        boolean isStart = "POST".equals(method) && start.matches();
        if (!isTask && !isStart) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "提交的内容过大（超过 2 MB），任务仍待办理",
                    List.of(Map.of("field", "variables", "message", "请求体过大")));
            return;
        }
        JsonNode root;
        try {
            root = body.length == 0 ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "请求体不是有效的 JSON", List.of(
                    Map.of("field", "body", "message", "不是有效的 JSON")));
            return;
        }
        if (root == null || root.isNull()) {
            root = json.createObjectNode();
        }
        List<Map<String, String>> errors = new ArrayList<>();
        Map<String, FormSubmissionPolicy.Submitted> variables = variables(root, isTask ? TASK_BODY : START_BODY, errors);
        if (errors.isEmpty()) {
            FormSubmissionPolicy.Submitter submitter = new FormSubmissionPolicy.Submitter(caller.userId(), caller.groupIds());
            FormSubmissionPolicy.Verdict verdict = isTask ? submissions.checkTask(task.group(1), submitter, variables)
                    : submissions.checkStart(start.group(2), start.group(1), submitter, variables);
            if (verdict.forbidden()) {
                log.warn("Refused task completion {} /{} by {}: not his role's task", method, path, caller.userId());
                refuse(response, HttpServletResponse.SC_FORBIDDEN, verdict.refusals().get(0).message(), List.of());
                return;
            }
            if (!verdict.accepted()) {
                for (FormSubmissionPolicy.Refusal refusal : verdict.refusals()) {
                    errors.add(Map.of("field", refusal.name(), "message", refusal.message()));
                }
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, verdict.message(), errors);
                return;
            }
        } else {
            log.warn("Refused engine API body fields {} of {} /{} by {}", errors.stream().map(e -> e.get("field")).toList(),
                    method, path, caller.userId());
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "提交的内容未被接受，任务仍待办理：不接受的字段 "
                    + errors.stream().map(e -> e.get("field")).toList(), errors);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** An assignment or a claim: the assignee must be someone the task is for (the policy decides). */
    private void assign(HttpServletRequest request, HttpServletResponse response, FilterChain chain, Caller caller,
            String taskId, String method, String path) throws IOException, ServletException {
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            refuse(response, HttpServletResponse.SC_BAD_REQUEST, "提交的内容过大（超过 2 MB）",
                    List.of(Map.of("field", "body", "message", "请求体过大")));
            return;
        }
        String assignee = null;
        try {
            JsonNode root = body.length == 0 ? null : json.readTree(body);
            if (root != null && root.path("userId").isTextual()) {
                assignee = root.path("userId").asText();
            }
        } catch (IOException e) {
            // not JSON: the engine answers it as ever
        }
        FormSubmissionPolicy.Verdict verdict = submissions.checkAssignment(taskId, assignee,
                new FormSubmissionPolicy.Submitter(caller.userId(), caller.groupIds()));
        if (verdict.forbidden()) {
            log.warn("Refused task assignment {} /{} by {}: not the task's role", method, path, caller.userId());
            refuse(response, HttpServletResponse.SC_FORBIDDEN, verdict.refusals().get(0).message(), List.of());
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static Map<String, FormSubmissionPolicy.Submitted> variables(JsonNode root, Set<String> allowedKeys,
            List<Map<String, String>> errors) {
        Map<String, FormSubmissionPolicy.Submitted> variables = new LinkedHashMap<>();
        if (!root.isObject()) {
            errors.add(Map.of("field", "body", "message", "应为 JSON 对象"));
            return variables;
        }
        for (Iterator<String> names = root.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!allowedKeys.contains(name)) {
                errors.add(Map.of("field", PlainText.printable(name), "message", "不接受该字段"));
            }
        }
        JsonNode given = root.path("variables");
        if (given.isMissingNode() || given.isNull()) {
            return variables;
        }
        if (!given.isObject()) {
            errors.add(Map.of("field", "variables", "message", "应为 JSON 对象"));
            return variables;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = given.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode dto = field.getValue();
            if (!dto.isObject()) {
                errors.add(Map.of("field", PlainText.printable(field.getKey()), "message", "应为 {\"value\": …, \"type\": …}"));
                continue;
            }
            for (Iterator<String> keys = dto.fieldNames(); keys.hasNext();) {
                String key = keys.next();
                if (!Set.of("value", "type", "valueInfo").contains(key)) {
                    errors.add(Map.of("field", PlainText.printable(field.getKey()), "message", "不接受 " + PlainText.printable(key)));
                }
            }
            JsonNode type = dto.path("type");
            JsonNode valueInfo = dto.path("valueInfo");
            boolean hasValueInfo = !valueInfo.isMissingNode() && !valueInfo.isNull()
                    && !(valueInfo.isObject() && valueInfo.isEmpty());
            variables.put(field.getKey(), new FormSubmissionPolicy.Submitted(type.isTextual() ? type.asText()
                    : type.isMissingNode() || type.isNull() ? null : type.toString(), dto.path("value"), hasValueInfo));
        }
        return variables;
    }


    /** The person calling: from HTTP Basic (/engine-rest) or from the webapps' session (/camunda/api/engine). */
    private static Caller caller(HttpServletRequest request) {
        String path = RequestPaths.of(request);
        if (path.startsWith("/engine-rest")) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !authentication.isAuthenticated()
                    || authentication.getAuthorities().isEmpty() && authentication.getName() == null) {
                return null;
            }
            CurrentUser user = CurrentUser.of(authentication);
            if ("anonymousUser".equals(user.userId())) {
                return null;
            }
            return new Caller(user.userId(), user.groupIds());
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
        if (authentications == null) {
            return null;
        }
        Matcher webapp = WEBAPP_ROOT.matcher(path);
        String engine = webapp.matches() && webapp.group(1) != null ? webapp.group(1) : "default";
        if (authentications.getAuthenticationForProcessEngine(engine) instanceof UserAuthentication user) {
            return new Caller(user.getName(), user.getGroupIds() == null ? List.of() : List.copyOf(user.getGroupIds()));
        }
        return null;
    }

    private record Caller(String userId, List<String> groupIds) {
    }

    private void refuse(HttpServletResponse response, int status, String message, List<Map<String, String>> errors)
            throws IOException {
        // an RFC 9457 problem like the app's own API, with the engine's "message"
        // that the Tasklist shows to the person
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        boolean forbidden = status == HttpServletResponse.SC_FORBIDDEN;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", forbidden ? "urn:jiandu:problem:forbidden" : "urn:jiandu:problem:invalid-input");
        body.put("title", forbidden ? "无权操作" : "提交的内容未被接受");
        body.put("status", status);
        body.put("detail", message);
        body.put("message", message);
        body.put("errors", errors);
        json.writeValue(response.getOutputStream(), body);
    }
}
