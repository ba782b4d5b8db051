package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

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
}
