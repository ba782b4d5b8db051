package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Logins everywhere, and the two 2026 advisories of Camunda 7.24.0 CE stay closed. */
class SecurityIT extends ItSupport {

    @Test
    void shouldAskForCredentialsOnEveryApi() {
        assertThat(anonymous().get("/engine-rest/task").status()).isEqualTo(401);
        assertThat(anonymous().get("/api/org/units").status()).isEqualTo(401);
        assertThat(anonymous().get("/api/org/officers").status()).isEqualTo(401);
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        // a wrong password would also hold the user back for a few seconds (Camunda's login delay)
        assertThat(as("nobody", "wrong").get("/api/org/units").status()).isEqualTo(401);
        assertThat(anonymous().get("/camunda/api/engine/engine/default/task").status()).isIn(401, 403);
    }

    @Test
    void shouldReportHealthWithoutLoginAndMetricsToTheAdministrator() {
        Http.Response health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        Http.Response metrics = admin().get("/actuator/prometheus");
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes");
        assertThat(admin().get("/v3/api-docs").body()).contains("/api/org/units");
    }

    @Test
    void shouldRefuseExpressionsInsideOrQueries() {
        Http.Response response = admin().postJson("/engine-rest/task",
                Map.of("orQueries", List.of(Map.of("assigneeExpression", "${identityService.toString()}"))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("orQueries[0].assigneeExpression");

        Http.Response nested = admin().postJson("/engine-rest/task/count",
                Map.of("orQueries", List.of(Map.of("candidateGroupsExpression", "${currentUserGroups()}"))));
        assertThat(nested.status()).isEqualTo(400);
    }

    @Test
    void shouldRefuseExpressionsInAdhocAndStoredQueries() {
        assertThat(admin().get("/engine-rest/task?assigneeExpression=%24%7B1%7D").status()).isEqualTo(400);
        assertThat(admin().get("/engine-rest/history/task?taskDueDateExpression=x").status()).isEqualTo(400);
        Http.Response filter = admin().postJson("/engine-rest/filter/create", Map.of(
                "resourceType", "Task", "name", "坏过滤器",
                "query", Map.of("dueBeforeExpression", "${now()}")));
        assertThat(filter.status()).isEqualTo(400);
        Http.Response notJson = admin().postRaw("/engine-rest/task", "application/json", "{\"orQueries\":[".getBytes());
        assertThat(notJson.status()).isEqualTo(400);
    }

    @Test
    void shouldStillAnswerPlainTaskQueries() {
        Http.Response response = admin().postJson("/engine-rest/task",
                Map.of("orQueries", List.of(Map.of("assignee", "nobody", "candidateGroup", "unit_NONE"))));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().isArray()).isTrue();
    }

    @Test
    void shouldCloseTheFirstAdminSetupOnceUsersExist() {
        Http.Response response = anonymous().postJson("/camunda/api/admin/setup/default/user/create", Map.of(
                "profile", Map.of("id", "intruder", "firstName", "x", "lastName", "y"),
                "credentials", Map.of("password", "intruder-password")));
        assertThat(response.status()).isEqualTo(403);
        Http.Response sneaky = anonymous().postJson("/camunda/api/admin//setup/default/user/create", Map.of());
        assertThat(sneaky.status()).isIn(400, 403);
        assertThat(admin().get("/engine-rest/user?id=intruder").json()).isEmpty();
    }

    @Test
    void shouldLetTheAdministratorIntoEveryWebapp() {
        Http session = anonymous();
        assertThat(session.loginToWebapp("admin", ADMIN, ADMIN_PASSWORD).status()).isEqualTo(200);
        assertThat(session.get("/camunda/api/engine/engine/default/user/count").status()).isEqualTo(200);
    }

    @Test
    void shouldServeTheWebappsInChinese() {
        Http.Response config = anonymous().get("/camunda/app/tasklist/scripts/config.js");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.body()).contains("fallbackLocale: 'zh'");
        Http.Response locale = anonymous().get("/camunda/app/tasklist/locales/zh.json");
        assertThat(locale.status()).isEqualTo(200);
        assertThat(locale.body()).contains("认领");
    }
}
