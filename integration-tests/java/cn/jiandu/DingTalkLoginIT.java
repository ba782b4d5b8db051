package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * 免登: a code DingTalk issued inside DingTalk (here: the fake DingTalk, which plays the
 * DingTalk container) logs its officer in at POST /dingtalk/login with the one login's session,
 * once, within 5 minutes, and sends him to the page the link named, never outside the app.
 */
class DingTalkLoginIT extends ItSupport {

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final Fixtures fx = new Fixtures(this, "dingtalk-login-1");
    private String head;
    private String officer;
    private long problemId;
    private String title;
    private String station;

    @BeforeEach
    void aProblemOfTheUnitHead() {
        String u = unique();
        station = "DL" + u;
        fx.unit(station, "免登派出所" + u, "STATION");
        fx.unit("DM" + u, "免登法制大队" + u, "LEGAL");
        head = fx.officerOnDingTalk("DH" + u, station, "UNIT_HEAD");
        officer = fx.officerOnDingTalk("DO" + u, station, "OFFICER");
        String legal = fx.officer("DG" + u, "DM" + u, "LEGAL_OFFICER");
        title = "免登测试问题" + u;
        problemId = fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, title, "群众反映。"))
                .path("id").asLong();
    }

    @Test
    void shouldLogTheUnitHeadInWithHisCodeAndSendHimToTheProblem() {
        Http browser = anonymous();
        String redirect = "/problems/" + problemId;
        Http.Response page = browser.get("/dingtalk/login?redirect=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8));
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("正在通过钉钉登录…", "请在钉钉中打开", "data-corp-id=\"dingit-corp-id-not-real\"",
                "data-client-id=\"it-app-key\"", "name=\"redirect\" value=\"" + redirect + "\"", "name=\"_csrf\"",
                "/dingtalk/dingtalk-jsapi.js", "/login?redirect=" + URLEncoder.encode(redirect, StandardCharsets.UTF_8));

        String code = dingtalk.issueAuthCode("dt" + head);
        Http.Response login = postCode(browser, code, redirect);

        assertThat(login.status()).as(login.body()).isEqualTo(302);
        assertThat(location(login)).isEqualTo(redirect);
        assertThat(browser.cookie("JSESSIONID")).isNotNull();
        Http.Response problem = browser.exchange("GET", redirect, null, null, "Accept", BROWSER);
        assertThat(problem.status()).isEqualTo(200);
        assertThat(problem.body()).contains(title);
        assertThat(browser.get("/api/problems/" + problemId).status()).isEqualTo(200);
        // the same session in the webapps: the Tasklist's REST knows him
        Http.Response webapp = browser.get("/camunda/api/admin/auth/user/default");
        assertThat(webapp.status()).as(webapp.body()).isEqualTo(200);
        assertThat(webapp.json().path("userId").asText()).isEqualTo(head);
        assertThat(browser.get("/camunda/api/engine/engine/default/task/count").status()).isEqualTo(200);

        // the code works once
        Http.Response again = postCode(anonymous(), code, redirect);
        assertThat(again.status()).isEqualTo(401);
        assertThat(again.body()).contains("钉钉登录未成功", "已使用或已过期", "用账号密码登录");
        assertThat(again.headers().getOrDefault("set-cookie", List.of()))
                .noneSatisfy(cookie -> assertThat(cookie).startsWith("JSESSIONID="));
    }

    @Test
    void shouldGiveANewSessionAndEndTheOldOneAsTheLoginFormDoes() {
        Http browser = anonymous();
        browser.loginWithForm(officer, fx.password(), null);
        String before = browser.cookie("JSESSIONID");

        Http.Response login = postCode(browser, dingtalk.issueAuthCode("dt" + head), "/problems/" + problemId);

        assertThat(login.status()).isEqualTo(302);
        String after = browser.cookie("JSESSIONID");
        assertThat(after).isNotNull().isNotEqualTo(before);
        assertThat(anonymous().exchange("GET", "/api/problems/" + problemId, null, null, "Cookie", "JSESSIONID=" + before)
                .status()).isEqualTo(401);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").json().path("userId").asText()).isEqualTo(head);
    }

    @Test
    void shouldRefuseACodeWithoutASessionThatWorks() {
        Http browser = anonymous();
        Http.Response refused = postCode(browser, "made-up-code-" + unique(), "/problems/" + problemId);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.body()).contains("已使用或已过期");
        assertThat(browser.get("/api/problems/" + problemId).status()).isEqualTo(401);
        assertThat(browser.get("/camunda/api/admin/auth/user/default").status()).isEqualTo(404);
    }

    @Test
    void shouldRefuseACodeOlderThanFiveMinutes() {
        String code = dingtalk.issueAuthCode("dt" + head);
        Http browser = anonymous();
        try {
            clock.setNow(clock.instant().plus(FakeDingTalk.AUTH_CODE_TTL).plus(Duration.ofSeconds(1)));
            Http.Response late = postCode(browser, code, "/problems/" + problemId);
            assertThat(late.status()).isEqualTo(401);
            assertThat(late.body()).contains("已使用或已过期");
        } finally {
            clock.reset();
        }
        assertThat(browser.get("/api/problems/" + problemId).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseADingTalkUserWhoIsNoOfficer() {
        Http browser = anonymous();
        Http.Response refused = postCode(browser, dingtalk.issueAuthCode("dt-stranger-" + unique()), "/");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("没有对应本系统中在职的民警", "系统管理员");
        assertThat(browser.get("/api/problems/" + problemId).status()).isEqualTo(401);
    }

    @Test
    void shouldRefuseAnOfficerWhoLeft() {
        Http.Response left = admin().putJson("/api/org/officers/" + officer, Map.of("officerNo", officer, "name",
                "民警" + officer, "unitCode", station, "roles", List.of("OFFICER"), "dingtalkUserId", "dt" + officer,
                "active", false));
        assertThat(left.status()).as(left.body()).isEqualTo(200);
        Http.Response refused = postCode(anonymous(), dingtalk.issueAuthCode("dt" + officer), "/");
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void shouldLandOnTheStartPageWhenTheRedirectLeavesTheApp() {
        for (String hostile : List.of("https://evil.example/", "//evil", "/\\evil.example", "javascript:alert(1)",
                "/dingtalk/login", "")) {
            Http.Response login = postCode(anonymous(), dingtalk.issueAuthCode("dt" + head), hostile);
            assertThat(login.status()).as(hostile).isEqualTo(302);
            assertThat(location(login)).as(hostile).isEqualTo("/");
        }
        Http.Response page = anonymous().get("/dingtalk/login?redirect=" + URLEncoder.encode("//evil", StandardCharsets.UTF_8));
        assertThat(page.body()).doesNotContain("evil").contains("name=\"redirect\" value=\"/\"");
    }

    @Test
    void shouldKeepTheTasksFragmentOfTheRedirect() {
        String task = "/camunda/app/tasklist/default/#/?task=abc-123";
        Http.Response login = postCode(anonymous(), dingtalk.issueAuthCode("dt" + head), task);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.headers().get("location").get(0)).endsWith(task);
    }

    @Test
    void shouldRefuseAPostWithoutThePagesCsrfTokenAndKeepTheCode() {
        String code = dingtalk.issueAuthCode("dt" + head);
        Http browser = anonymous();
        browser.get("/dingtalk/login");
        Http.Response forged = browser.postForm("/dingtalk/login", Map.of("code", code, "redirect", "/"));
        assertThat(forged.status()).isEqualTo(403);
        assertThat(browser.get("/api/problems/" + problemId).status()).isEqualTo(401);
        assertThat(postCode(browser, code, "/").status()).as("the code was not spent").isEqualTo(302);
    }

    @Test
    void shouldSayDingTalkIsOutOfReachAndStartNoSession() {
        String code = dingtalk.issueAuthCode("dt" + head);
        Http browser = anonymous();
        dingtalk.failAlways(FakeDingTalk.Failure.HTTP_500);
        try {
            Http.Response refused = postCode(browser, code, "/");
            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.body()).contains("暂时无法连接钉钉");
        } finally {
            dingtalk.recover();
        }
        assertThat(browser.get("/api/problems/" + problemId).status()).isEqualTo(401);
        Http.Response missing = postCode(browser, "", "/");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("缺少钉钉登录码");
    }

    @Test
    void shouldServeThePageAndItsScriptsWithoutALogin() {
        assertThat(anonymous().exchange("GET", "/dingtalk/login", null, null, "Accept", BROWSER).status()).isEqualTo(200);
        Http.Response jsapi = anonymous().get("/dingtalk/dingtalk-jsapi.js");
        assertThat(jsapi.status()).isEqualTo(200);
        assertThat(jsapi.body()).contains("requestAuthCode", "notInDingTalk");
        Http.Response script = anonymous().get("/dingtalk/login.js");
        assertThat(script.status()).isEqualTo(200);
        assertThat(script.body()).contains("dd.requestAuthCode", "authCode=");
    }

    /** Posts the code as the page does: fetches the page for its CSRF cookie first. */
    private Http.Response postCode(Http browser, String code, String redirect) {
        browser.get("/dingtalk/login");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("code", code);
        form.put("redirect", redirect);
        form.put("_csrf", String.valueOf(browser.cookie("JIANDU-CSRF")));
        return browser.postForm("/dingtalk/login", form);
    }

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
}
