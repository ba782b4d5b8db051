package cn.jiandu.fakedingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class FakeInboxPageTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static FakeDingTalk.Received work(String user, String title, String markdown, String link, int minute) {
        return new FakeDingTalk.Received(FakeDingTalk.Channel.WORK, List.of(user), null, List.of(), List.of(),
                "action_card", title, markdown, Instant.parse("2026-03-09T01:00:00Z").plusSeconds(60L * minute), "1",
                link);
    }

    private static String page(List<FakeDingTalk.Received> received, String to, int page) {
        Map<String, String> names = Map.of("dt1", "张建国（示范分局）", "dt2", "王法明（法制大队）");
        return FakeInboxPage.render(new FakeInboxPage.View(received, List.of(), CHINA, names::get, to, page,
                "/api/demo/dingtalk/inbox"));
    }

    @Test
    void shouldRenderTheMarkdownDingTalkShowsWithTheLevelsColourAndTheButton() {
        String html = page(List.of(work("dt1", "【红色预警】督办：扣押物品未登记",
                "### <font color=\"#D9001B\">【红色预警】</font>督办\n\n**扣押物品未登记**\n\n- 责任单位：刑侦大队\n- 整改期限：3月16日\n\n> 请立即整改",
                "http://localhost:8080/problems/7", 0)), null, 0);

        assertThat(html).contains("<h4><span style=\"color:#D9001B\">【红色预警】</span>督办</h4>",
                "<strong>扣押物品未登记</strong>", "<ul><li>责任单位：刑侦大队</li><li>整改期限：3月16日</li></ul>",
                "<blockquote>请立即整改</blockquote>", "class=\"card RED\"", "收件人：张建国（示范分局）",
                "href=\"http://localhost:8080/problems/7\"", "查看问题并办理");
        assertThat(html).doesNotContain("###", "**");
    }

    @Test
    void shouldOfferToOpenADingTalkLinkInDingTalkAsTheRecipient() {
        String inside = "dingtalk://dingtalkclient/page/link?url="
                + "http%3A%2F%2Flocalhost%3A8080%2Fdingtalk%2Flogin%3Fredirect%3D%252Fproblems%252F7&pc_slide=true";
        FakeDingTalk.Received message = new FakeDingTalk.Received(FakeDingTalk.Channel.WORK, List.of("dt1", "dt2"),
                null, List.of(), List.of(), "action_card", "督办", "[查看问题并办理](" + inside + ")",
                Instant.parse("2026-03-09T01:00:00Z"), "1", inside);
        Map<String, String> names = Map.of("dt1", "张建国（示范分局）", "dt2", "王法明（法制大队）");
        FakeInboxPage.Opener opener = new FakeInboxPage.Opener("/api/demo/dingtalk/open", "_csrf", "tok\"en");

        String one = FakeInboxPage.render(new FakeInboxPage.View(List.of(message), List.of(), CHINA, names::get, "dt2",
                0, "/api/demo/dingtalk/inbox", opener));
        String both = FakeInboxPage.render(new FakeInboxPage.View(List.of(message), List.of(), CHINA, names::get, null,
                0, "/api/demo/dingtalk/inbox", opener));
        String plain = FakeInboxPage.render(new FakeInboxPage.View(List.of(message), List.of(), CHINA, names::get, null,
                0, "/inbox"));

        String page = "http://localhost:8080/dingtalk/login?redirect=%2Fproblems%2F7";
        assertThat(FakeInboxPage.insideDingTalk(inside)).isEqualTo(page);
        assertThat(one).contains("<form class=\"open\" method=\"post\" action=\"/api/demo/dingtalk/open\">",
                "name=\"userid\" value=\"dt2\"", "name=\"url\" value=\"" + page + "\"",
                "name=\"_csrf\" value=\"tok&quot;en\"", ">在钉钉中打开</button>",
                // the link in the text is the page itself, as a browser outside DingTalk opens it
                "<a href=\"" + page + "\"");
        assertThat(one).doesNotContain("name=\"userid\" value=\"dt1\"", "dingtalk://");
        assertThat(both).contains("在钉钉中打开（张建国（示范分局））", "在钉钉中打开（王法明（法制大队））");
        assertThat(plain).contains("href=\"" + page + "\"", "在钉钉中打开").doesNotContain("<form class=\"open\"");
        assertThat(FakeInboxPage.insideDingTalk("dingtalk://dingtalkclient/page/link?url=javascript%3Aalert(1)")).isNull();
        assertThat(FakeInboxPage.insideDingTalk("http://localhost:8080/problems/7")).isNull();
    }

    @Test
    void shouldOpenAnOpenToDoThroughMianDengAsItsPersonAndNoneThatIsDone() {
        String task = "/camunda/app/tasklist/default/#/?task=t-1";
        String login = "http://localhost:8080/dingtalk/login?redirect=" + java.net.URLEncoder.encode(task,
                java.nio.charset.StandardCharsets.UTF_8);
        String inside = "dingtalk://dingtalkclient/page/link?url="
                + java.net.URLEncoder.encode(login, java.nio.charset.StandardCharsets.UTF_8) + "&pc_slide=true";
        FakeDingTalk.Todo open = new FakeDingTalk.Todo("1", "u1", "t-1", "【蓝色预警】签收：<b>扣押物品未登记</b>", "", null,
                List.of("u1"), inside, inside, 20, false, Instant.parse("2026-03-09T01:00:00Z"));
        FakeDingTalk.Todo done = new FakeDingTalk.Todo("2", "u1", "t-0", "【蓝色预警】整改：受案回执未开具", "", null,
                List.of("u1"), inside.replace("t-1", "t-0"), inside.replace("t-1", "t-0"), 20, true,
                Instant.parse("2026-03-08T01:00:00Z"));
        Map<String, String> names = Map.of("dt1", "张建国（示范分局）");
        FakeInboxPage.Opener opener = new FakeInboxPage.Opener("/api/demo/dingtalk/open", "_csrf", "token");

        String html = FakeInboxPage.render(new FakeInboxPage.View(List.of(), List.of(), CHINA, names::get, "dt1", 0,
                "/api/demo/dingtalk/inbox", opener, List.of(open, done)));
        String plain = FakeInboxPage.render(new FakeInboxPage.View(List.of(), List.of(), CHINA, names::get, "dt1", 0,
                "/inbox", null, List.of(open)));
        String group = FakeInboxPage.render(new FakeInboxPage.View(List.of(), List.of(), CHINA, names::get,
                "robot:bureau", 0, "/api/demo/dingtalk/inbox", opener, List.of(open)));

        assertThat(html.indexOf("id=\"todos\"")).isPositive().isLessThan(html.indexOf("<main>"));
        assertThat(html).contains("待办（张建国（示范分局），1 项未完成）", "&lt;b&gt;扣押物品未登记&lt;/b&gt;",
                "name=\"userid\" value=\"dt1\"", "name=\"url\" value=\"" + login + "\"", ">在钉钉中办理</button>",
                "已完成").doesNotContain("dingtalk://", "t-0\"");
        assertThat(html.split("在钉钉中办理", -1)).hasSize(2);
        assertThat(plain).contains("href=\"" + login + "\"", ">在钉钉中办理</a>").doesNotContain("<form class=\"open\"");
        assertThat(group).doesNotContain("id=\"todos\"");
    }

    @Test
    void shouldKeepEscapedMarkdownAndInjectedMarkupAsText() {
        String html = page(List.of(work("dt1", "<script>alert(1)</script>",
                "\\*\\*不加粗\\*\\* \\[点我\\]\\(http://evil.example\\) [点我](javascript:alert(1)) <img src=x onerror=alert(2)>"
                        + " <font color=\"red\" onclick=\"x\">字</font>",
                "javascript:alert(3)", 0)), null, 0);

        assertThat(html).contains("**不加粗**", "[点我](http://evil.example)", "&lt;img src=x onerror=alert(2)&gt;",
                "&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(html).doesNotContain("<strong>不加粗", "href=\"http://evil", "href=\"javascript:", "<img", "<script",
                "class=\"button\"");
    }

    @Test
    void shouldFilterByPersonNewestFirstTwentyToAPage() {
        List<FakeDingTalk.Received> received = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            received.add(work("dt1", "消息" + i, "第" + i + "条", null, i));
        }
        received.add(work("dt2", "给法制大队长", "只给王法明", null, 30));

        String first = page(received, "dt1", 0);
        assertThat(first).contains("第24条", "第5条", "下一页", "第 1 / 2 页，共 25 条").doesNotContain("第4条", "只给王法明");
        assertThat(first.indexOf("第24条")).isLessThan(first.indexOf("第23条"));
        assertThat(first).contains("<option value=\"dt2\">王法明（法制大队）</option>",
                "<option value=\"dt1\" selected>张建国（示范分局）</option>");
        String second = page(received, "dt1", 1);
        assertThat(second).contains("第4条", "第0条", "上一页").doesNotContain("第5条<");
        assertThat(page(received, null, 0)).contains("只给王法明");
    }
}
