package cn.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class QueryExpressionGuardTest {

    private final QueryExpressionGuard guard = new QueryExpressionGuard(new ObjectMapper());

    private MockHttpServletResponse post(String servletPath, String pathInfo, String body) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", servletPath + pathInfo);
        request.setServletPath(servletPath);
        request.setPathInfo(pathInfo);
        request.setContentType("application/json");
        request.setContent(body.getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        guard.doFilter(request, response, chain);
        if (chain.getRequest() != null) {
            // passed on: the engine still reads the whole body
            assertThat(new String(chain.getRequest().getInputStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(body);
        }
        return response;
    }

    @Test
    void shouldRefuseAnExpressionHiddenInOrQueries() throws Exception {
        MockHttpServletResponse response = post("/engine-rest", "/task",
                "{\"orQueries\":[{\"name\":\"x\"},{\"candidateUserExpression\":\"${execution}\"}]}");
        assertThat(response.getStatus()).isEqualTo(400);
        assertThat(response.getContentAsString()).contains("orQueries[1].candidateUserExpression");
    }

    @Test
    void shouldRefuseExpressionsInTheWebappsFilterQueries() throws Exception {
        MockHttpServletResponse response = post("/camunda/api/engine", "/engine/default/filter/abc/list",
                "{\"orQueries\":[{\"assigneeExpression\":\"${1}\"}]}");
        assertThat(response.getStatus()).isEqualTo(400);
    }

    @Test
    void shouldPassPlainQueriesUntouched() throws Exception {
        MockHttpServletResponse response = post("/engine-rest", "/task",
                "{\"candidateGroup\":\"unit_CGPCS\",\"orQueries\":[{\"assignee\":\"500002\"}]}");
        assertThat(response.getStatus()).isEqualTo(200);
    }

    @Test
    void shouldLeaveOtherEndpointsAlone() throws Exception {
        MockHttpServletResponse response = post("/engine-rest", "/process-definition/key/x/start",
                "{\"variables\":{\"reviewExpression\":{\"value\":\"free text\"}}}");
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
