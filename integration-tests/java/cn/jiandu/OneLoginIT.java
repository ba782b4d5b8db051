package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * One login for people (the login page, or a webapp's own form: one session for the problem
 * pages, the dashboard, the reports and the webapps), HTTP Basic for API clients, and every
 * 401 and 403 in Chinese.
 */
class OneLoginIT extends ItSupport {

    private static final String PASSWORD = "one-login-pass-1";
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @Test
    void shouldOpenEverySurfaceWithOneLoginAtTheLoginPage() {
        String head = aUnitHead();
        Http browser = anonymous();
        Http.Response page = browser.get("/login");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("用户名", "密码", "登录", "name=\"_csrf\"");
        assertThat(setCookie(page, "JIANDU-CSRF")).containsIgnoringCase("SameSite=Strict").doesNotContainIgnoringCase("HttpOnly");

        Http.Response login = browser.loginWithForm(head, PASSWORD, "/dashboard/");
        assertThat(login.status()).isEqualTo(302);
        assertThat(location(login)).isEqualTo("/dashboard/");
        String session = setCookie(login, "JSESSIONID");
        assertThat(session).containsIgnoringCase("HttpOnly").containsIgnoringCase("SameSite=Lax");

        assertThat(browser.exchange("GET", "/dashboard/", null, null, "Accept", BROWSER).status()).isEqualTo(200);
        assertThat(browser.get("/api/dashboard").status()).isEqualTo(200);
        assertThat(browser.get("/api/reports").status()).isEqualTo(200);
        Http.Response webapp = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(webapp.status()).as(webapp.body()).isEqualTo(200);
        assertThat(webapp.json().path("userId").asText()).isEqualTo(head);
        assertThat(webapp.json().path("authorizedApps").toString()).contains("tasklist");
        assertThat(browser.exchange("GET", "/camunda/app/tasklist/default/", null, null, "Accept", BROWSER).status())
                .isEqualTo(200);
        assertThat(browser.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);
        assertThat(browser.get("/engine-rest/task/count").status()).isEqualTo(200);
    }

    @Test
    void shouldSendBrowsersToTheLoginPageAndThenToThePageAsked() {
        for (String asked : List.of("/dashboard/", "/problems/42", "/problems?level=RED", "/api/reports/7",
                "/camunda/app/tasklist/default/", "/")) {
            Http.Response answer = anonymous().exchange("GET", asked, null, null, "Accept", BROWSER);
            assertThat(answer.status()).as(asked).isEqualTo(302);
            assertThat(location(answer)).as(asked)
                    .isEqualTo("/login?redirect=" + URLEncoder.encode(asked, StandardCharsets.UTF_8));
        }
        // API clients and the pages' scripts are answered, not redirected
        Http.Response api = anonymous().get("/api/reports/7");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.headers().get("content-type").get(0)).startsWith("application/problem+json");
        assertThat(api.json().path("detail").asText()).contains("请先登录");
        assertThat(api.headers().get("www-authenticate").get(0)).startsWith("Basic realm=\"Jiandu\"");

        String head = aUnitHead();
        Http browser = anonymous();
        Http.Response login = browser.loginWithForm(head, PASSWORD, "/problems?level=RED");
        assertThat(location(login)).isEqualTo("/problems?level=RED");
        Http.Response tasklist = anonymous().loginWithForm(head, PASSWORD, "/camunda/app/tasklist/default/");
        assertThat(location(tasklist)).isEqualTo("/camunda/app/tasklist/default/");
    }

    @Test
    void shouldLandOnTheStartPageWhenTheRedirectLeavesTheApp() {
        String head = aUnitHead();
        for (String hostile : List.of("https://evil.example/", "//evil.example", "/\\evil.example", "\\\\evil.example",
                "/\t/evil.example", " //evil.example", "http:evil.example", "javascript:alert(1)", "evil.example",
                "/login", "")) {
            Http.Response login = anonymous().loginWithForm(head, PASSWORD, hostile);
            assertThat(login.status()).as(hostile).isEqualTo(302);
            assertThat(location(login)).as(hostile).isEqualTo("/");
        }
        Http.Response page = anonymous().get("/login?redirect=" + URLEncoder.encode("//evil.example", StandardCharsets.UTF_8));
        assertThat(page.body()).doesNotContain("evil.example").contains("name=\"redirect\" value=\"/\"");
    }

    @Test
    void shouldRefuseASessionWriteWithoutItsCsrfToken() {
        Http browser = anonymous();
        assertThat(location(browser.loginWithForm(ADMIN, ADMIN_PASSWORD, null))).isEqualTo("/");
        String code = "OL" + unique();
        byte[] unit = ("{\"code\":\"" + code + "\",\"name\":\"一次登录派出所\",\"kind\":\"STATION\"}").getBytes(StandardCharsets.UTF_8);

        Http.Response without = browser.exchange("POST", "/api/org/units", "application/json", unit);
        assertThat(without.status()).isEqualTo(403);
        assertThat(without.json().path("detail").asText()).contains("CSRF");
        Http.Response crossSite = browser.exchange("POST", "/api/org/units", "application/x-www-form-urlencoded",
                ("code=" + code + "&name=x&kind=STATION").getBytes(StandardCharsets.UTF_8),
                "Origin", "https://evil.example", "Accept", BROWSER);
        assertThat(crossSite.status()).isEqualTo(403);
        assertThat(crossSite.body()).contains("无权访问", "CSRF");
        Http.Response wrong = browser.exchange("POST", "/api/org/units", "application/json", unit, "X-CSRF-TOKEN", "forged");
        assertThat(wrong.status()).isEqualTo(403);
        assertThat(admin().get("/api/org/units/" + code).status()).as("nothing created").isEqualTo(404);

        Http.Response with = browser.exchange("POST", "/api/org/units", "application/json", unit,
                "X-CSRF-TOKEN", browser.cookie("JIANDU-CSRF"));
        assertThat(with.status()).as(with.body()).isEqualTo(201);
        assertThat(admin().get("/api/org/units/" + code).status()).isEqualTo(200);
    }

    @Test
    void shouldKeepTheEngineGuardsOnTheSession() {
        String head = aUnitHead();
        Http browser = anonymous();
        browser.loginWithForm(head, PASSWORD, null);
        Http.Response refused = browser.exchange("DELETE", "/engine-rest/deployment/any-deployment", null, null,
                "X-CSRF-TOKEN", browser.cookie("JIANDU-CSRF"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().path("detail").asText()).contains("无权调用该引擎接口");
        Http.Response expression = browser.get("/engine-rest/task?assigneeExpression=%24%7B1%7D");
        assertThat(expression.status()).isEqualTo(400);
    }

    @Test
    void shouldShareATasklistLoginWithThePages() {
        String head = aUnitHead();
        Http tasklist = fx.tasklist(head);
        assertThat(tasklist.get("/api/reports").status()).isEqualTo(200);
        assertThat(tasklist.exchange("GET", "/dashboard/", null, null, "Accept", BROWSER).status()).isEqualTo(200);
        assertThat(tasklist.get("/camunda/api/admin/auth/user/default").json().path("userId").asText()).isEqualTo(head);
    }

    @Test
    void shouldEndTheSessionEverywhereOnLogout() {
        String head = aUnitHead();
        Http browser = anonymous();
        browser.loginWithForm(head, PASSWORD, null);
        String session = browser.cookie("JSESSIONID");
        Http.Response logout = browser.postForm("/logout", Map.of("_csrf", browser.cookie("JIANDU-CSRF")));
        assertThat(logout.status()).isEqualTo(302);
        assertThat(location(logout)).isEqualTo("/login?logout");
        assertThat(browser.get("/login?logout").body()).contains("您已退出登录");
        oldSessionIsLoggedOut(session);

        // 退出 in the Tasklist ends the same session
        Http again = anonymous();
        again.loginWithForm(head, PASSWORD, null);
        String second = again.cookie("JSESSIONID");
        assertThat(again.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(200);
        Http.Response quit = again.exchange("POST", "/camunda/api/admin/auth/user/default/logout",
                "application/x-www-form-urlencoded", new byte[0]);
        assertThat(quit.status()).as(quit.body()).isEqualTo(200);
        oldSessionIsLoggedOut(second);
    }

    @Test
    void shouldAnswerAFailedLoginInChineseAndSayWhenToTryAgain() {
        String head = aUnitHead();
        Http browser = anonymous();
        Http.Response failed = browser.loginWithForm(head, "wrong-password", "/dashboard/");
        assertThat(failed.status()).isEqualTo(401);
        assertThat(failed.body()).contains("用户名或密码错误", "请于", "再试", "value=\"/dashboard/\"", "value=\"" + head + "\"");
        // while it is locked even the right password does not log in, and the page says so
        Http.Response locked = anonymous().loginWithForm(head, PASSWORD, null);
        assertThat(locked.status()).isEqualTo(401);
        assertThat(locked.body()).contains("暂时锁定", "再试");
        Http.Response nobody = anonymous().loginWithForm("nobody-" + unique(), "x", null);
        assertThat(nobody.body()).contains("用户名或密码错误，请重新输入。").doesNotContain("请于");
        Http.Response empty = anonymous().loginWithForm(head, "", null);
        assertThat(empty.body()).contains("请输入用户名和密码");
    }

    @Test
    void shouldKeepBasicStatelessAndWithoutCsrf() {
        for (String path : List.of("/api/reports", "/engine-rest/task/count", "/dashboard/", "/actuator/prometheus")) {
            Http.Response response = admin().get(path);
            assertThat(response.status()).as(path).isEqualTo(200);
            assertThat(response.headers().get("set-cookie")).as(path + " sets no cookie").isNull();
        }
        String code = "OB" + unique();
        Http.Response created = admin().postJson("/api/org/units", Map.of("code", code, "name", "基本认证派出所", "kind", "STATION"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.headers().get("set-cookie")).isNull();
    }

    @Test
    void shouldAnswer401And403InChineseOnEverySurface() {
        for (String path : List.of("/api/org/units", "/engine-rest/task", "/actuator/prometheus", "/dashboard/",
                "/camunda/api/engine/engine/default/task")) {
            Http.Response response = anonymous().get(path);
            assertThat(response.status()).as(path).isIn(401, 403);
            assertThat(response.headers().get("content-type").get(0)).as(path).startsWith("application/problem+json");
            assertThat(response.json().path("detail").asText()).as(path).containsPattern("[\\u4e00-\\u9fa5]");
        }
        Http.Response wrong = as("nobody", "wrong").get("/api/org/units");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.json().path("detail").asText()).contains("用户名或密码错误");

        String head = aUnitHead();
        Http.Response actuator = fx.as(head).get("/actuator/prometheus");
        assertThat(actuator.status()).isEqualTo(403);
        assertThat(actuator.json().path("detail").asText()).contains("无权");
        Http.Response admin = fx.as(head).get("/api/admin/clock");
        assertThat(admin.status()).isEqualTo(403);
        assertThat(admin.json().path("title").asText()).isEqualTo("无权操作");

        Http session = anonymous();
        session.get("/camunda/app/cockpit/");
        Http.Response cockpit = session.postForm("/camunda/api/admin/auth/user/default/login/cockpit",
                Map.of("username", head, "password", PASSWORD));
        assertThat(cockpit.status()).isEqualTo(403);
        assertThat(cockpit.json().path("detail").asText()).contains("无权使用流程监控");
        Http.Response badWebappLogin = anonymous().postForm("/camunda/api/admin/auth/user/default/login/tasklist",
                Map.of("username", head, "password", "wrong"));
        assertThat(badWebappLogin.status()).isIn(401, 403);
        assertThat(badWebappLogin.json().path("detail").asText()).containsPattern("[\\u4e00-\\u9fa5]");

        Http.Response page = anonymous().exchange("GET", "/api/admin/clock", null, null, "Accept", BROWSER,
                "Authorization", basic(head));
        assertThat(page.status()).isEqualTo(403);
        assertThat(page.json().path("detail").asText()).contains("无权");
    }

    private void oldSessionIsLoggedOut(String session) {
        String cookie = "JSESSIONID=" + session;
        Http.Response api = anonymous().exchange("GET", "/api/reports", null, null, "Cookie", cookie);
        assertThat(api.status()).isEqualTo(401);
        Http.Response page = anonymous().exchange("GET", "/dashboard/", null, null, "Cookie", cookie, "Accept", BROWSER);
        assertThat(page.status()).isEqualTo(302);
        assertThat(location(page)).startsWith("/login?redirect=");
        assertThat(anonymous().exchange("GET", "/camunda/app/tasklist/default/", null, null, "Cookie", cookie,
                "Accept", BROWSER).status()).isEqualTo(302);
        assertThat(anonymous().exchange("GET", "/camunda/api/admin/auth/user/default", null, null, "Cookie", cookie)
                .status()).isEqualTo(404);
    }

    private String aUnitHead() {
        String u = unique();
        String unit = fx.unit("OU" + u, "一次登录所" + u, "STATION");
        return fx.officer("OH" + u, unit, "UNIT_HEAD");
    }

    private static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** The redirect's target as a path of the app (the container may write it absolute). */
    private String location(Http.Response response) {
        List<String> location = response.headers().get("location");
        assertThat(location).as("a redirect: " + response).isNotNull();
        URI uri = URI.create(location.get(0));
        if (uri.getHost() != null) {
            assertThat(uri.getHost()).isEqualTo("localhost");
            assertThat(uri.getPort()).isEqualTo(port);
        }
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private static String setCookie(Http.Response response, String name) {
        List<String> cookies = response.headers().getOrDefault("set-cookie", List.of());
        return cookies.stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no cookie " + name + " in " + cookies));
    }
}
