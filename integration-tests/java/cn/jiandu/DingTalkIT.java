package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jiandu.fakedingtalk.FakeDingTalk;
import cn.jiandu.notification.dingtalk.DingTalkClient;

/** The test profile runs the fake DingTalk: the app's client talks to it, its inbox is served behind the login. */
class DingTalkIT extends ItSupport {

    @Autowired
    DingTalkClient dingTalk;
    @Autowired
    FakeDingTalk fake;

    @Test
    void shouldSendThroughTheFakeAndShowItsInboxBehindTheLogin() {
        // given
        String problem = "问题" + unique();
        dingTalk.sendWorkNotification(List.of("it-user-" + problem), "整改通知 " + problem,
                "**城关派出所**：<script>alert(1)</script> " + problem, "查看详情", "https://jiandu.example/problems/1");
        dingTalk.sendRobotMarkdown("bureau", "红色预警 " + problem, "### 逾期未整改 " + problem, List.of("13800000001"),
                List.of());

        // when
        Http.Response anonymous = anonymous().get("/api/demo/dingtalk/inbox");
        Http.Response inbox = admin().get("/api/demo/dingtalk/inbox");

        // then
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(inbox.status()).isEqualTo(200);
        assertThat(inbox.headers().get("Content-Type")).anySatisfy(type -> assertThat(type).startsWith("text/html"));
        assertThat(inbox.body()).contains("钉钉消息收件箱（演示）", "整改通知 " + problem, "红色预警 " + problem, "@13800000001")
                .contains("&lt;script&gt;").doesNotContain("<script>");
        assertThat(fake.inbox("it-user-" + problem)).hasSize(1);
        assertThat(fake.robotMessages("bureau")).anySatisfy(message -> assertThat(message.title()).endsWith(problem));
    }

    /**
     * A group robot's signature carries the real time: with the app's business clock moved a
     * year ahead (as a demo does), the fake DingTalk — which checks the timestamp against the
     * real time, as DingTalk does — still takes the message.
     */
    @Test
    void shouldSignRobotMessagesWithTheRealTimeWhenTheClockIsMovedAYear() {
        String report = "年后日报" + unique();
        try {
            clock.setNow(java.time.Instant.now().plus(java.time.Duration.ofDays(366)));
            dingTalk.sendRobotMarkdown("bureau", report, "**" + report + "**", List.of(), List.of());
        } finally {
            clock.reset();
        }
        assertThat(fake.robotMessages("bureau")).anySatisfy(message -> assertThat(message.title()).isEqualTo(report));
    }

    /**
     * A message's button leads, inside DingTalk through 免登, to the problem's page on the port
     * the app really listens on (no jiandu.public-base-url in the tests): logged in with the
     * reader's code, it answers 200 with that problem; the demo inbox names the reader and
     * shows 在钉钉中打开 for him.
     */
    @Test
    void shouldLinkEachMessageToTheProblemsPageOnThePortTheAppListensOn() {
        Fixtures fx = new Fixtures(this, "link-pass-1");
        String u = unique();
        String station = "LK" + u;
        fx.unit(station, "链接派出所" + u, "STATION");
        fx.unit("LL" + u, "链接法制大队" + u, "LEGAL");
        String head = fx.officerOnDingTalk("LH" + u, station, "UNIT_HEAD");
        String officer = fx.officer("LO" + u, station, "OFFICER");
        String legal = fx.officer("LL" + u, "LL" + u, "LEGAL_OFFICER");
        // a working day at 10:00: a blue problem's message goes at once
        LocalDate day = mondayBeforeEveryProblem(jdbc);
        clock.setNow(day.atTime(10, 0).atZone(cn.jiandu.time.Times.CHINA).toInstant());
        try {
            String title = "链接测试问题" + u;
            long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, title, "群众反映。"))
                    .path("id").asLong();
            for (int i = 0; i < 20 && dispatcher.dispatchOnce() > 0; i++) {
                // until nothing due is left
            }
            FakeDingTalk.Received message = fake.inbox("dt" + head).stream()
                    .filter(m -> m.text().contains(title)).findFirst().orElseThrow();
            String base = "http://localhost:" + port;
            // opened inside DingTalk through 免登: the 免登 page of this app, sending on to the problem
            String login = base + "/dingtalk/login?redirect=%2Fproblems%2F" + id;
            String inDingTalk = "dingtalk://dingtalkclient/page/link?url="
                    + java.net.URLEncoder.encode(login, java.nio.charset.StandardCharsets.UTF_8) + "&pc_slide=true";
            assertThat(message.link()).isEqualTo(inDingTalk);
            assertThat(message.text()).contains("[查看问题并办理](" + inDingTalk + ")");

            Http browser = anonymous();
            browser.get("/dingtalk/login");
            Http.Response loggedIn = browser.postForm("/dingtalk/login", java.util.Map.of("code",
                    fake.issueAuthCode("dt" + head), "redirect", "/problems/" + id, "_csrf", browser.cookie("JIANDU-CSRF")));
            assertThat(loggedIn.headers().get("location").get(0)).endsWith("/problems/" + id);
            Http.Response page = browser.get("/problems/" + id);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            assertThat(page.body()).contains(title);

            String inbox = admin().get("/api/demo/dingtalk/inbox?to=dt" + head).body();
            assertThat(inbox).contains(title, "收件人：民警" + head + "（链接派出所" + u + "）",
                    "name=\"userid\" value=\"dt" + head + "\"", "name=\"url\" value=\"" + login.replace("&", "&amp;") + "\"",
                    "在钉钉中打开", "href=\"" + login + "\"");
        } finally {
            clock.reset();
        }
    }
}
