package cn.jiandu.notification.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.jiandu.fakedingtalk.FakeDingTalk;
import cn.jiandu.fakedingtalk.FakeDingTalk.Failure;

/** DING through the SDK's robot_1_0 against the fake, and the read state the fake answers. */
class DingAndReadStateTest {

    private static final String KEY = "ding-app-key";
    private static final String SECRET = "ding-app-secret";
    private static final long AGENT = 3_000_002L;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T01:00:00Z"));
    private FakeDingTalk fake;
    private DingTalkClient client;

    @BeforeEach
    void start() {
        fake = new FakeDingTalk(FakeDingTalk.Config.of(KEY, SECRET, AGENT).withClock(clock)).start();
        DingTalkProperties properties = new DingTalkProperties("https://oapi.example", "https://api.example", KEY,
                SECRET, AGENT, Map.of(), Duration.ofSeconds(2), Duration.ofMinutes(5),
                new DingTalkProperties.Fake(false, 0));
        client = new DingTalkClient(properties, new DingTalkEndpoints(fake.baseUrl(), fake.baseUrl()), clock, clock);
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    @Test
    void shouldDingThroughTheSdkWithTheTokenInItsHeader() {
        String id = client.sendDing(KEY, List.of("u1", "u2", "u1"), "【紧急】请立即查看红色预警");
        assertThat(id).isNotBlank();
        assertThat(fake.dings()).singleElement().satisfies(d -> {
            assertThat(d.userIds()).containsExactly("u1", "u2");
            assertThat(d.robotCode()).isEqualTo(KEY);
            assertThat(d.remindType()).isEqualTo(1);
            assertThat(d.content()).isEqualTo("【紧急】请立即查看红色预警");
            assertThat(d.openDingId()).isEqualTo(id);
        });
    }

    @Test
    void shouldRefuseWhatDingTalkRefuses() {
        assertThatThrownBy(() -> client.sendDing("another-robot", List.of("u1"), "内容"))
                .isInstanceOfSatisfying(DingTalkException.class, e -> assertThat(e.retryable()).isFalse());
        List<String> many = IntStream.range(0, 201).mapToObj(i -> "u" + i).toList();
        assertThatThrownBy(() -> client.sendDing(KEY, many, "内容")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.sendDing(KEY, List.of("u1"), " ")).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.dings()).isEmpty();
    }

    @Test
    void shouldFailADingAsToldAndSucceedAfterwards() {
        fake.failNext(1, Failure.HTTP_500);
        assertThatThrownBy(() -> client.sendDing(KEY, List.of("u1"), "内容"))
                .isInstanceOfSatisfying(DingTalkException.class, e -> assertThat(e.retryable()).isTrue());
        assertThat(client.sendDing(KEY, List.of("u1"), "内容")).isNotBlank();
        assertThat(fake.dings()).hasSize(1);
    }

    @Test
    void shouldRenewAnExpiredTokenOnceForADing() {
        client.sendDing(KEY, List.of("u1"), "第一次");
        fake.expireTokens();
        assertThat(client.sendDing(KEY, List.of("u1"), "第二次")).isNotBlank();
        assertThat(fake.dings()).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldAnswerWhoReadAWorkNotification() {
        String task = client.sendWorkNotification(List.of("u1", "u2"), "【红色预警】预警通知", "### 红色", null, null);
        assertThat((List<String>) client.sendResult(task).get("unread_user_id_list")).containsExactly("u1", "u2");
        fake.markRead("u2", task);
        Map<String, Object> result = client.sendResult(task);
        assertThat((List<String>) result.get("read_user_id_list")).containsExactly("u2");
        assertThat((List<String>) result.get("unread_user_id_list")).containsExactly("u1");
        fake.markAllRead("u1");
        assertThat((List<String>) client.sendResult(task).get("unread_user_id_list")).isEmpty();
    }
}
