package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

import cn.jiandu.fakedingtalk.FakeDingTalk;

/**
 * With jiandu.dingtalk.ding.enabled (paid editions): the unread of a red message get a DING
 * (robot_1_0 robotSendDing) instead of an urgent second notification, once.
 */
// (no job executor: the follow-up needs none, and on MariaDB this JVM meets the timers the suite left)
@TestPropertySource(properties = {"jiandu.dingtalk.ding.enabled=true", "camunda.bpm.job-execution.enabled=false"})
// a Spring context of its own (DING on): it runs in a JVM of its own (pom.xml, profile own-context-its),
// since Camunda keeps its engine in static registries that a second context would take over
class DingTalkFollowUpDingIT extends RedFollowUpSupport {

    @Test
    void shouldDingTheUnreadInsteadOfAnUrgentNotification() {
        String title = "红色预警钉一下" + unique();
        redProblemSent(title);
        dingtalk.markRead("dt" + head, redTask(head, title));
        clock.setNow(clock.instant().plus(Duration.ofMinutes(31)));
        drain();
        assertThat(dingtalk.dings()).filteredOn(d -> d.content().contains(title)).singleElement().satisfies(d -> {
            assertThat(d.userIds()).containsExactly("dt" + officer);
            assertThat(d.robotCode()).isEqualTo("it-app-key");
            assertThat(d.remindType()).isEqualTo(1);
            assertThat(d.content()).startsWith("【紧急】");
        });
        assertThat(received(officer, title)).extracting(FakeDingTalk.Received::title)
                .noneMatch(t -> t.startsWith("【紧急】"));
        clock.setNow(clock.instant().plus(Duration.ofHours(2)));
        drain();
        assertThat(dingtalk.dings()).filteredOn(d -> d.content().contains(title)).hasSize(1);
    }
}
