package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * Red is read, or somebody knows: a red work notification's read state is fetched ding-after
 * (PT30M) after it was sent; whoever has not read it gets a second notification marked 【紧急】
 * (DING off, the default), the reader none, once only; the problem's messages show 已读 n/m.
 * The DING variant: {@link DingTalkFollowUpDingIT}. Screenshot of the problem page's 钉钉消息 on
 * the phone: docs/screens/problem-dingtalk-read.png.
 */
class DingTalkFollowUpIT extends RedFollowUpSupport {

    @Test
    void shouldSendASecondUrgentNotificationToTheUnreadOnlyAndOnlyOnce() {
        String title = "红色预警未读跟踪" + unique();
        long id = redProblemSent(title);
        String task = redTask(head, title);
        assertThat(redTask(officer, title)).isEqualTo(task);
        dingtalk.markRead("dt" + head, task);

        // before ding-after nothing is checked
        clock.setNow(clock.instant().plus(Duration.ofMinutes(29)));
        int checks = dingtalk.calls("getsendresult");
        drain();
        assertThat(dingtalk.calls("getsendresult")).isEqualTo(checks);
        assertThat(received(officer, title)).extracting(FakeDingTalk.Received::title)
                .noneMatch(t -> t.startsWith("【紧急】"));

        // after it: the officer, who has not read it, gets it once more, marked urgent; the head does not
        clock.setNow(clock.instant().plus(Duration.ofMinutes(2)));
        drain();
        assertThat(dingtalk.calls("getsendresult")).isEqualTo(checks + 1);
        assertThat(received(officer, title)).extracting(FakeDingTalk.Received::title)
                .containsOnlyOnce("【紧急】【红色预警】到期提醒：" + title);
        assertThat(received(officer, title)).filteredOn(r -> r.title().startsWith("【紧急】")).first()
                .satisfies(r -> assertThat(r.text()).contains("您尚未阅读这条红色预警"));
        assertThat(received(head, title)).extracting(FakeDingTalk.Received::title)
                .noneMatch(t -> t.startsWith("【紧急】"));
        assertThat(dingtalk.dings()).noneMatch(d -> d.userIds().contains("dt" + officer));

        // checked once only: later, nothing more, and the urgent one is not checked itself
        clock.setNow(clock.instant().plus(Duration.ofHours(3)));
        drain();
        assertThat(dingtalk.calls("getsendresult")).isEqualTo(checks + 1);
        assertThat(received(officer, title)).filteredOn(r -> r.title().startsWith("【紧急】")).hasSize(1);

        // the problem's messages with who read them
        JsonNode states = admin().get("/api/notifications/read-state?problemId=" + id).json();
        JsonNode red = null;
        for (JsonNode s : states) {
            if (s.path("messageKey").asText().equals("p" + id + ":REMIND:it-red")) {
                red = s;
            }
        }
        assertThat(red).as("the red message in %s", states).isNotNull();
        assertThat(red.path("readText").asText()).isEqualTo("已读 1/2");
        assertThat(red.path("stepLabel").asText()).isEqualTo("到期提醒");
        String page = fx.as(legal).get("/problems/" + id).body();
        assertThat(page).contains("钉钉消息", "到期提醒（红色）", "已读 1/2", "【紧急】到期提醒（红色）");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM notification_read WHERE message_key = ?", Integer.class,
                "p" + id + ":REMIND:it-red")).isEqualTo(2);
    }

    @Test
    void shouldShowTheMessagesAndWhoReadThemOnThePhone() throws Exception {
        Browsers.assumeInstalled();
        String title = "红色预警页面已读" + unique();
        long id = redProblemSent(title);
        dingtalk.markRead("dt" + head, redTask(head, title));
        clock.setNow(clock.instant().plus(Duration.ofMinutes(31)));
        drain();
        org.openqa.selenium.chrome.ChromeDriver browser = Browsers.openWithBasic(375, 812, legal, PASSWORD);
        try {
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", 375, "height",
                    812, "deviceScaleFactor", 2, "mobile", true));
            browser.get("http://localhost:" + port + "/problems/" + id + "#messages");
            new org.openqa.selenium.support.ui.WebDriverWait(browser, Duration.ofSeconds(30))
                    .until(d -> !d.findElements(org.openqa.selenium.By.id("messages")).isEmpty());
            String section = browser.findElement(org.openqa.selenium.By.id("messages")).getText();
            assertThat(section).contains("钉钉消息", "预警通知（蓝色）", "到期提醒（红色）", "已读 1/2", "【紧急】到期提醒（红色）",
                    "民警" + officer);
            Number scroll = (Number) browser.executeScript("return document.documentElement.scrollWidth;");
            assertThat(scroll.intValue()).isLessThanOrEqualTo(375);
            browser.executeScript("document.getElementById('messages').scrollIntoView();");
            Browsers.screenshot(browser, Browsers.SCREENS.resolve("problem-dingtalk-read.png"));
        } finally {
            browser.quit();
        }
    }

    @Test
    void shouldNotFollowUpWhenEveryoneReadIt() {
        String title = "红色预警全部已读" + unique();
        redProblemSent(title);
        String task = redTask(head, title);
        dingtalk.markRead("dt" + head, task);
        dingtalk.markRead("dt" + officer, task);
        clock.setNow(clock.instant().plus(Duration.ofMinutes(31)));
        drain();
        assertThat(received(officer, title)).extracting(FakeDingTalk.Received::title)
                .noneMatch(t -> t.startsWith("【紧急】"));
        assertThat(received(head, title)).extracting(FakeDingTalk.Received::title)
                .noneMatch(t -> t.startsWith("【紧急】"));
    }

    @Test
    void shouldFollowUpEveryoneWhenNobodyReadIt() {
        String title = "红色预警无人阅读" + unique();
        redProblemSent(title);
        clock.setNow(clock.instant().plus(Duration.ofMinutes(31)));
        drain();
        assertThat(received(officer, title)).filteredOn(r -> r.title().startsWith("【紧急】")).hasSize(1);
        assertThat(received(head, title)).filteredOn(r -> r.title().startsWith("【紧急】")).hasSize(1);
    }
}
