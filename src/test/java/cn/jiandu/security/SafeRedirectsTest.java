package cn.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class SafeRedirectsTest {

    @Test
    void shouldKeepPathsOfTheApp() {
        assertThat(SafeRedirects.target("/problems/42")).isEqualTo("/problems/42");
        assertThat(SafeRedirects.target("/problems?level=RED&q=%E6%B5%8B")).isEqualTo("/problems?level=RED&q=%E6%B5%8B");
        assertThat(SafeRedirects.target("/camunda/app/tasklist/default/#/?task=1")).isEqualTo("/camunda/app/tasklist/default/#/?task=1");
    }

    @Test
    void shouldSendEverythingElseToTheStartPage() {
        for (String hostile : new String[] {null, "", "https://evil.example", "//evil.example", "/\\evil.example",
                "\\\\evil.example", "/\t/evil.example", "/\n/evil.example", " /x", "http:evil.example",
                "javascript:alert(1)", "evil.example", "/login", "/logout", "/dingtalk/login", "/" + "a".repeat(3000)}) {
            assertThat(SafeRedirects.target(hostile)).as(String.valueOf(hostile)).isEqualTo("/");
        }
    }

    @Test
    void shouldTellABrowsersPageRequestFromAnApiCall() {
        assertThat(Denials.isPageRequest(request("GET", "text/html,application/xhtml+xml,*/*;q=0.8"))).isTrue();
        assertThat(Denials.isPageRequest(request("GET", "application/json, text/html, */*"))).isFalse();
        assertThat(Denials.isPageRequest(request("GET", "application/json;q=0.5, text/html"))).isTrue();
        assertThat(Denials.isPageRequest(request("GET", "*/*"))).isFalse();
        assertThat(Denials.isPageRequest(request("GET", null))).isFalse();
        assertThat(Denials.isPageRequest(request("GET", "not a type"))).isFalse();
        assertThat(Denials.isPageRequest(request("POST", "text/html"))).isFalse();
        assertThat(Denials.prefersHtml(request("POST", "text/html"))).isTrue();
    }

    @Test
    void shouldTranslateTheEnginesRefusalsIntoChinese() {
        assertThat(DenialTranslation.detail(403, "/engine-rest/task/1/claim", null,
                null)).isEqualTo("当前账号无权执行该操作");
        com.fasterxml.jackson.databind.node.ObjectNode engine = new com.fasterxml.jackson.databind.ObjectMapper()
                .createObjectNode().put("type", "AuthorizationException").put("message",
                        "The user with id 'x' does not have one of the following permissions: 'UPDATE' permission"
                                + " on resource '42' of type 'Task' or 'UPDATE_TASK' permission on resource 'rect' of type"
                                + " 'ProcessDefinition'");
        assertThat(DenialTranslation.detail(403, "/engine-rest/task/42", engine, null))
                .isEqualTo("当前账号无权执行该操作：缺少Task「42」的 UPDATE 权限，或ProcessDefinition「rect」的 UPDATE_TASK 权限");
        assertThat(DenialTranslation.detail(403, "/camunda/api/admin/auth/user/default/login/cockpit", null, null))
                .contains("流程监控");
        assertThat(DenialTranslation.detail(403, "/camunda/api/engine/engine/default/task", null,
                "CSRFPreventionFilter: Invalid HTTP Header Token.")).contains("CSRF 令牌");
        assertThat(DenialTranslation.detail(401, "/camunda/api/engine/engine/default/task", null, null)).contains("重新登录");
    }

    private static MockHttpServletRequest request(String method, String accept) {
        MockHttpServletRequest request = new MockHttpServletRequest(method, "/dashboard/");
        if (accept != null) {
            request.addHeader("Accept", accept);
        }
        return request;
    }
}
