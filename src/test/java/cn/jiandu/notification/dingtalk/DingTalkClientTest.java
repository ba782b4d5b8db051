package cn.jiandu.notification.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.jiandu.fakedingtalk.FakeDingTalk;
import cn.jiandu.fakedingtalk.FakeDingTalk.Failure;

class DingTalkClientTest {

    private static final String KEY = "test-app-key";
    private static final String SECRET = "test-app-secret";
    private static final long AGENT = 3_000_001L;
    private static final String ROBOT_TOKEN = "bureau-token";
    private static final String ROBOT_SECRET = "SECbureau-secret";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T01:00:00Z"));
    private FakeDingTalk fake;
    private DingTalkClient client;

    @BeforeEach
    void start() {
        fake = new FakeDingTalk(FakeDingTalk.Config.of(KEY, SECRET, AGENT).withRobot("bureau", ROBOT_TOKEN, ROBOT_SECRET)
                .withClock(clock).withTimeoutHold(Duration.ofSeconds(6))).start();
        client = client(SECRET, ROBOT_SECRET);
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    private DingTalkClient client(String appSecret, String robotSecret) {
        DingTalkProperties properties = new DingTalkProperties("https://oapi.example", "https://api.example", KEY,
                appSecret, AGENT, Map.of("bureau", new DingTalkProperties.Robot(ROBOT_TOKEN, robotSecret)),
                Duration.ofSeconds(2), Duration.ofMinutes(5), new DingTalkProperties.Fake(false, 0));
        return new DingTalkClient(properties, new DingTalkEndpoints(fake.baseUrl(), fake.baseUrl() + "/"), clock, clock);
    }

    private String send(String userId, int n) {
        return client.sendWorkNotification(List.of(userId), "整改提醒 " + n, "### 问题 " + n + "\n请按期整改", "查看详情",
                "https://jiandu.example/problems/" + n);
    }

    @Test
    void shouldTellWhoseAuthCodeItIsOnceAndRefuseItAgainWith40078() {
        String code = fake.issueAuthCode("dt400001");

        assertThat(client.userIdForAuthCode(code)).isEqualTo("dt400001");
        assertThatThrownBy(() -> client.userIdForAuthCode(code)).isInstanceOfSatisfying(DingTalkException.class, e -> {
            assertThat(e.errcode()).isEqualTo(DingTalkClient.UNKNOWN_AUTH_CODE);
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).doesNotContain(code);
        });
        assertThatThrownBy(() -> client.userIdForAuthCode(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRenewAnExpiredTokenForAnAuthCodeAndReportDingTalkDown() {
        client.userIdForAuthCode(fake.issueAuthCode("dt400001"));
        fake.expireTokens();
        assertThat(client.userIdForAuthCode(fake.issueAuthCode("dt400002"))).isEqualTo("dt400002");

        fake.failNext(1, Failure.HTTP_500);
        String code = fake.issueAuthCode("dt400003");
        assertThatThrownBy(() -> client.userIdForAuthCode(code)).isInstanceOfSatisfying(DingTalkException.class,
                e -> assertThat(e.retryable()).isTrue());
        assertThat(client.userIdForAuthCode(code)).as("a failed exchange does not spend the code").isEqualTo("dt400003");
    }

    @Test
    void shouldSendAnActionCardAndReturnTheTaskId() {
        // when
        String taskId = client.sendWorkNotification(List.of("u1", "u2"), "整改通知", "**城关派出所**：受案未按期登记",
                "查看详情", "https://jiandu.example/problems/7");

        // then
        assertThat(taskId).isNotBlank();
        List<FakeDingTalk.Received> inbox = fake.inbox("u2");
        assertThat(inbox).singleElement().satisfies(message -> {
            assertThat(message.channel()).isEqualTo(FakeDingTalk.Channel.WORK);
            assertThat(message.msgtype()).isEqualTo("action_card");
            assertThat(message.title()).isEqualTo("整改通知");
            assertThat(message.text()).isEqualTo("**城关派出所**：受案未按期登记");
            assertThat(message.userIds()).containsExactly("u1", "u2");
            assertThat(message.taskId()).isEqualTo(taskId);
        });
        Map<String, Object> result = client.sendResult(taskId);
        assertThat(result.get("unread_user_id_list")).isEqualTo(List.of("u1", "u2"));
    }

    @Test
    void shouldUseOneTokenForFiftySends() throws Exception {
        // when 50 sends from 5 threads
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            List<Future<String>> sends = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                int n = i;
                sends.add(threads.submit(() -> send("u" + n, n)));
            }
            for (Future<String> sent : sends) {
                sent.get();
            }
        } finally {
            threads.shutdown();
        }

        // then
        assertThat(fake.calls("accessToken")).isEqualTo(1);
        assertThat(fake.calls("asyncsend_v2")).isEqualTo(50);
        assertThat(fake.received()).hasSize(50);
    }

    @Test
    void shouldFetchANewTokenAfterTheFakeExpiredIt() {
        // given
        send("u1", 1);

        // when
        fake.expireTokens();
        send("u1", 2);

        // then: refused once with 42001, renewed, sent again
        assertThat(fake.calls("accessToken")).isEqualTo(2);
        assertThat(fake.calls("asyncsend_v2")).isEqualTo(3);
        assertThat(fake.inbox("u1")).hasSize(2);
    }

    @Test
    void shouldRenewTheTokenOnceTheClockPassesExpiryMinusRenewBefore() {
        // given
        send("u1", 1);

        // when
        clock.advance(Duration.ofSeconds(7200 - 300 + 1));
        send("u1", 2);

        // then: renewed ahead, no refused send
        assertThat(fake.calls("accessToken")).isEqualTo(2);
        assertThat(fake.calls("asyncsend_v2")).isEqualTo(2);
    }

    @Test
    void shouldRetryExactlyOnceOnAnInvalidToken() {
        // given
        send("u1", 1);
        fake.failNext(1, Failure.INVALID_TOKEN);

        // when
        send("u1", 2);

        // then
        assertThat(fake.calls("asyncsend_v2")).isEqualTo(3);
        assertThat(fake.calls("accessToken")).isEqualTo(2);
        assertThat(fake.inbox("u1")).hasSize(2);
    }

    @Test
    void shouldGiveUpAfterOneRetryWhenTheTokenIsRefusedTwice() {
        // given
        fake.failNext(2, Failure.INVALID_TOKEN);

        // when / then
        assertThatThrownBy(() -> send("u1", 1)).isInstanceOfSatisfying(DingTalkException.class,
                e -> assertThat(e.errcode()).isEqualTo(40014));
        assertThat(fake.calls("asyncsend_v2")).isEqualTo(2);
        assertThat(fake.calls("accessToken")).isEqualTo(2);
    }

    @Test
    void shouldRaiseRetryableErrorsForHttp500BusyRateLimitAndTimeout() {
        fake.failNext(1, Failure.HTTP_500);
        assertThatThrownBy(() -> send("u1", 1)).isInstanceOfSatisfying(DingTalkException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.errcode()).isNull();
        });

        fake.failNext(1, Failure.BUSY);
        assertThatThrownBy(() -> send("u1", 2)).isInstanceOfSatisfying(DingTalkException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.errcode()).isEqualTo(-1);
        });

        fake.failNext(1, Failure.RATE_LIMITED);
        assertThatThrownBy(() -> client.sendRobotMarkdown("bureau", "通报", "内容", List.of(), List.of()))
                .isInstanceOfSatisfying(DingTalkException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.errcode()).isEqualTo(130101);
                });

        // the fake holds its answer 3 s, the client waits 500 ms
        fake.failNext(1, Failure.TIMEOUT);
        assertThatThrownBy(() -> send("u1", 3)).isInstanceOfSatisfying(DingTalkException.class, e -> {
            assertThat(e.retryable()).isTrue();
            assertThat(e.errcode()).isNull();
        });

        // and the next send goes through
        send("u1", 4);
        assertThat(fake.inbox("u1")).hasSize(1);
    }

    @Test
    void shouldRaiseBadParametersAsNotRetryable() {
        // an unknown task id: the fake answers 40035 as DingTalk does
        assertThatThrownBy(() -> client.sendResult("42")).isInstanceOfSatisfying(DingTalkException.class, e -> {
            assertThat(e.errcode()).isEqualTo(40035);
            assertThat(e.retryable()).isFalse();
        });
    }

    @Test
    void shouldRejectAButtonWithoutUrlBeforeCallingDingTalk() {
        assertThatThrownBy(() -> client.sendWorkNotification(List.of("u1"), "标题", "正文", "查看", " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.calls("asyncsend_v2")).isZero();
    }

    @Test
    void shouldRejectMoreThan5000UsersBeforeCallingDingTalk() {
        List<String> users = IntStream.rangeClosed(1, 5001).mapToObj(i -> "u" + i).toList();

        assertThatThrownBy(() -> client.sendWorkNotification(users, "标题", "正文", "查看", "https://x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("5000");
        assertThat(fake.calls("asyncsend_v2")).isZero();
        assertThat(fake.calls("accessToken")).isZero();

        client.sendWorkNotification(users.subList(0, 5000), "标题", "正文", "查看", "https://x");
        assertThat(fake.inbox("u5000")).hasSize(1);
    }

    @Test
    void shouldSignRobotMessagesSoThatTheFakeAcceptsThem() {
        // when
        client.sendRobotMarkdown("bureau", "红色预警", "### 城关派出所\n问题逾期未整改", List.of("13800000001"),
                List.of("u9"));

        // then
        assertThat(fake.robotMessages("bureau")).singleElement().satisfies(message -> {
            assertThat(message.title()).isEqualTo("红色预警");
            assertThat(message.text()).startsWith("### 城关派出所\n问题逾期未整改").contains("@13800000001", "@u9");
            assertThat(message.atMobiles()).containsExactly("13800000001");
            assertThat(message.atUserIds()).containsExactly("u9");
        });
    }

    @Test
    void shouldSignARobotMessageWithTheRealTimeWhateverTheBusinessClockSays() {
        // given DingTalk at the real time, and the app's business clock a year ahead (a demo moved it)
        MutableClock real = new MutableClock(Instant.parse("2026-03-10T01:00:00Z"));
        FakeDingTalk dingtalk = new FakeDingTalk(FakeDingTalk.Config.of(KEY, SECRET, AGENT)
                .withRobot("bureau", ROBOT_TOKEN, ROBOT_SECRET).withClock(clock).withRobotClock(real)).start();
        try {
            clock.advance(Duration.ofDays(365));
            DingTalkProperties properties = new DingTalkProperties("https://oapi.example", "https://api.example", KEY,
                    SECRET, AGENT, Map.of("bureau", new DingTalkProperties.Robot(ROBOT_TOKEN, ROBOT_SECRET)),
                    Duration.ofSeconds(2), Duration.ofMinutes(5), new DingTalkProperties.Fake(false, 0));
            DingTalkClient app = new DingTalkClient(properties,
                    new DingTalkEndpoints(dingtalk.baseUrl(), dingtalk.baseUrl() + "/"), clock, real);

            // when
            app.sendRobotMarkdown("bureau", "监督日报", "**监督日报**", List.of(), List.of());

            // then the signature carries the real time and DingTalk takes it
            assertThat(dingtalk.robotMessages("bureau")).singleElement()
                    .satisfies(message -> assertThat(message.title()).isEqualTo("监督日报"));
        } finally {
            dingtalk.stop();
        }
    }

    @Test
    void shouldFailWith310000NotRetryableWhenTheRobotSecretIsWrong() {
        DingTalkClient wrong = client(SECRET, "SECwrong-secret");

        assertThatThrownBy(() -> wrong.sendRobotMarkdown("bureau", "通报", "内容", List.of(), List.of()))
                .isInstanceOfSatisfying(DingTalkException.class, e -> {
                    assertThat(e.errcode()).isEqualTo(310000);
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("sign");
                });
        assertThat(fake.robotMessages("bureau")).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownRobotName() {
        assertThatThrownBy(() -> client.sendRobotMarkdown("nobody", "通报", "内容", List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldReportAWrongAppSecretAsNotRetryable() {
        DingTalkClient wrong = client("wrong-secret", ROBOT_SECRET);

        assertThatThrownBy(() -> wrong.sendWorkNotification(List.of("u1"), "标题", "正文", "查看", "https://x"))
                .isInstanceOfSatisfying(DingTalkException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).doesNotContain("wrong-secret");
                });
        assertThat(fake.calls("asyncsend_v2")).isZero();
    }

    @Test
    void shouldReportAnUnreachableDingTalkAsRetryable() {
        int port = fake.port();
        fake.stop();
        DingTalkProperties properties = new DingTalkProperties("x", "x", KEY, SECRET, AGENT, Map.of(),
                Duration.ofMillis(500), Duration.ofMinutes(5), null);
        DingTalkClient unreachable = new DingTalkClient(properties,
                new DingTalkEndpoints("http://127.0.0.1:" + port, "http://127.0.0.1:" + port), clock);

        assertThatThrownBy(() -> unreachable.sendWorkNotification(List.of("u1"), "标题", "正文", null, null))
                .isInstanceOfSatisfying(DingTalkException.class, e -> {
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.errcode()).isNull();
                });
    }

    @Test
    void shouldAppendOnlyTheMentionsMissingFromTheText() {
        assertThat(DingTalkClient.withMentions("请 @138 处理", List.of("138", "139"), List.of("u1")))
                .isEqualTo("请 @138 处理\n\n@139 @u1");
        assertThat(DingTalkClient.withMentions("正文", List.of(), List.of())).isEqualTo("正文");
    }

    @Test
    void shouldNeverShowSecretsInToString() {
        DingTalkProperties properties = new DingTalkProperties("o", "a", KEY, "app-secret-value", AGENT,
                Map.of("bureau", new DingTalkProperties.Robot("robot-token-value", "SECrobot-secret-value")),
                Duration.ofSeconds(1), Duration.ofMinutes(5), null);

        assertThat(properties.toString()).doesNotContain("app-secret-value", "robot-token-value", "SECrobot-secret-value")
                .contains(KEY);
    }
}
