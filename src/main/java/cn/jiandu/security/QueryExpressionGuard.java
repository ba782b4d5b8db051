package cn.jiandu.security;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Advisory mitigation for the frozen Camunda 7.24.0 CE: a task query may carry JUEL in its
 * "...Expression" fields, and the engine's ad-hoc check does not look inside
 * {@code orQueries}. Every task, historic-task and filter query that reaches the engine
 * REST API or the webapps' engine API with an expression field anywhere (top level, inside
 * orQueries, inside a filter's stored query, or as a URL parameter) is refused with 400
 * before the engine sees it.
 */
final class QueryExpressionGuard extends OncePerRequestFilter {

    /** Task queries, their counts, historic task queries and everything under /filter. */
    private static final Pattern QUERY_PATH = Pattern.compile(
            "^/(engine-rest|camunda/api/engine/engine/[^/]+)(/engine/[^/]+)?/(task|task/count|history/task|history/task/count|filter(/.*)?)/?$");
    private static final int MAX_BODY_BYTES = 1 << 20;

    private final ObjectMapper json;

    QueryExpressionGuard(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !QUERY_PATH.matcher(RequestPaths.lowerCaseOf(request)).matches();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String badParameter = expressionParameter(request.getQueryString());
        if (badParameter != null) {
            refuse(response, badParameter, "Expressions are not allowed in task or filter queries (查询中不允许使用表达式): " + badParameter);
            return;
        }
        if (!hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
            return;
        }
        String badField;
        try {
            badField = body.length == 0 ? null : find(json.readTree(body), "");
        } catch (IOException e) {
            // what the guard cannot read is not passed on for the engine to read differently
            refuse(response, "body", "Request body is not valid JSON (请求体不是有效的 JSON)");
            return;
        }
        if (badField != null) {
            refuse(response, badField, "Expressions are not allowed in task or filter queries (查询中不允许使用表达式): " + badField);
            return;
        }
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private static String expressionParameter(String queryString) {
        if (queryString == null) {
            return null;
        }
        for (String pair : queryString.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            if (isExpressionName(name)) {
                return name;
            }
        }
        return null;
    }

    private static String find(JsonNode node, String path) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                String here = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                if (isExpressionName(field.getKey())) {
                    return here;
                }
                String inner = find(field.getValue(), here);
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String inner = find(node.get(i), path + "[" + i + "]");
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }

    private static boolean isExpressionName(String name) {
        return name.strip().toLowerCase(Locale.ROOT).endsWith("expression");
    }

    private void refuse(HttpServletResponse response, String field, String message) throws IOException {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        json.writeValue(response.getOutputStream(), Map.of(
                "type", "InvalidRequestException", "field", field, "message", message));
    }
}
