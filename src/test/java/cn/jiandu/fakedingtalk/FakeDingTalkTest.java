package cn.jiandu.fakedingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.jiandu.notification.dingtalk.MutableClock;
import cn.jiandu.notification.dingtalk.RobotSigner;

/** The fake checks what DingTalk checks; driven over plain HTTP, the way DingTalk is called. */
class FakeDingTalkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ROBOT_TOKEN = "bureau-token";
    private static final String ROBOT_SECRET = "SECbureau-secret";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-10T01:00:00Z"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private FakeDingTalk fake;

    @BeforeEach
    void start() {
        fake = new FakeDingTalk(FakeDingTalk.Config.of("key", "secret", 42L)
                .withRobot("bureau", ROBOT_TOKEN, ROBOT_SECRET).withClock(clock)).start();
    }

    @AfterEach
    void stop() {
        fake.stop();
    }

    // ---- robots -------------------------------------------------------------------------

    @Test
    void shouldBlockARobotAtItsTwentyFirstMessageWithinAMinute() throws Exception {
        // given 20 messages, 2 seconds apart
        for (int i = 0; i < 20; i++) {
            assertThat(robot(markdown("通报 " + i), clock.millis()).path("errcode").asInt()).isZero();
            clock.advance(Duration.ofSeconds(2));
        }

        // when / then the 21st, 40 seconds after the first, is refused
        JsonNode refused = robot(markdown("通报 21"), clock.millis());
        assertThat(refused.path("errcode").asInt()).isEqualTo(130101);

        // and the robot stays blocked for 10 minutes, though the minute has passed
        clock.advance(Duration.ofMinutes(9));
        assertThat(robot(markdown("通报 22"), clock.millis()).path("errcode").asInt()).isEqualTo(130101);
        clock.advance(Duration.ofMinutes(1));
        assertThat(robot(markdown("通报 23"), clock.millis()).path("errcode").asInt()).isZero();
        assertThat(fake.robotMessages("bureau")).hasSize(21);
        assertThat(fake.calls("robot/send")).isEqualTo(23);
    }

    @Test
    void shouldCountARollingMinuteNotACalendarOne() throws Exception {
        for (int i = 0; i < 20; i++) {
            assertThat(robot(markdown("通报 " + i), clock.millis()).path("errcode").asInt()).isZero();
        }
        clock.advance(Duration.ofSeconds(61));

        assertThat(robot(markdown("通报 20"), clock.millis()).path("errcode").asInt()).isZero();
    }

    @Test
    void shouldRefuseATimestampTwoHoursOld() throws Exception {
        JsonNode answer = robot(markdown("通报"), clock.millis() - Duration.ofHours(2).toMillis());

        assertThat(answer.path("errcode").asInt()).isEqualTo(310000);
        assertThat(answer.path("errmsg").asText()).contains("timestamp");
        assertThat(fake.robotMessages("bureau")).isEmpty();
    }

    @Test
    void shouldRefuseAWrongOrTwiceEncodedSign() throws Exception {
        long timestamp = clock.millis();
        String twice = URLEncoder.encode(RobotSigner.sign(ROBOT_SECRET, timestamp), StandardCharsets.UTF_8);

        JsonNode answer = post("/robot/send?access_token=" + ROBOT_TOKEN + "&timestamp=" + timestamp + "&sign=" + twice,
                markdown("通报"));

        assertThat(answer.path("errcode").asInt()).isEqualTo(310000);
        assertThat(answer.path("errmsg").asText()).contains("sign not match");
    }

    @Test
    void shouldRefuseAnUnknownRobotTokenOrMessageType() throws Exception {
        assertThat(post("/robot/send?access_token=nobody", markdown("x")).path("errcode").asInt()).isEqualTo(400101);
        assertThat(robot(Map.of("msgtype", "video", "video", Map.of()), clock.millis()).path("errcode").asInt())
                .isEqualTo(400105);
        assertThat(robot(Map.of("msgtype", "markdown", "markdown", Map.of("title", "只有标题")), clock.millis())
                .path("errcode").asInt()).isEqualTo(40035);
    }

    // ---- work notifications -------------------------------------------------------------

    @Test
    void shouldRefuseABadPayloadWith40035() throws Exception {
        String token = token();

        // an action card without its button
        JsonNode noButton = send(token, Map.of("agent_id", 42, "userid_list", "u1", "msg",
                Map.of("msgtype", "action_card", "action_card", Map.of("title", "标题", "markdown", "正文"))));
        // no recipients
        JsonNode noUsers = send(token, Map.of("agent_id", 42, "userid_list", "", "msg", textMsg("正文")));
        // another app's agent id
        JsonNode otherAgent = send(token, Map.of("agent_id", 43, "userid_list", "u1", "msg", textMsg("正文")));

        assertThat(noButton.path("errcode").asInt()).isEqualTo(40035);
        assertThat(noUsers.path("errcode").asInt()).isEqualTo(40035);
        assertThat(otherAgent.path("errcode").asInt()).isEqualTo(40035);
        assertThat(fake.received()).isEmpty();
    }

    @Test
    void shouldDropTheSameContentToTheSameUserOnTheSameDay() throws Exception {
        String token = token();
        Map<String, Object> message = Map.of("agent_id", 42, "userid_list", "u1,u2", "msg", textMsg("请整改"));

        // when the same content goes to u1 twice the same day
        JsonNode first = send(token, message);
        JsonNode again = send(token, Map.of("agent_id", 42, "userid_list", "u1", "msg", textMsg("请整改")));

        // then both answers are success, the second is dropped
        assertThat(first.path("errcode").asInt()).isZero();
        assertThat(again.path("errcode").asInt()).isZero();
        assertThat(fake.inbox("u1")).hasSize(1);
        assertThat(fake.dropped()).singleElement().satisfies(dropped -> assertThat(dropped.userIds()).containsExactly("u1"));
        JsonNode result = post("/topapi/message/corpconversation/getsendresult?access_token=" + token,
                Map.of("agent_id", 42, "task_id", again.path("task_id").asLong()));
        assertThat(result.path("send_result").path("forbidden_user_id_list").get(0).asText()).isEqualTo("u1");

        // and the next day it arrives again
        clock.advance(Duration.ofDays(1));
        send(token(), Map.of("agent_id", 42, "userid_list", "u1", "msg", textMsg("请整改")));
        assertThat(fake.inbox("u1")).hasSize(2);
    }

    @Test
    void shouldAnswerUnknownAndExpiredTokensWithHttp200AndErrcode() throws Exception {
        Map<String, Object> message = Map.of("agent_id", 42, "userid_list", "u1", "msg", textMsg("正文"));
        assertThat(send("not-a-token", message).path("errcode").asInt()).isEqualTo(40014);

        String token = token();
        clock.advance(Duration.ofSeconds(7200));
        assertThat(send(token, message).path("errcode").asInt()).isEqualTo(42001);

        String fresh = token();
        fake.expireTokens();
        assertThat(send(fresh, message).path("errcode").asInt()).isEqualTo(42001);
    }

    @Test
    void shouldHandOutTokensFromBothTokenEndpointsOnlyForTheRightApp() throws Exception {
        JsonNode classic = get("/gettoken?appkey=key&appsecret=secret");
        assertThat(classic.path("errcode").asInt()).isZero();
        assertThat(classic.path("expires_in").asInt()).isEqualTo(7200);
        assertThat(get("/gettoken?appkey=key&appsecret=wrong").path("errcode").asInt()).isNotZero();

        Map<String, Object> message = Map.of("agent_id", 42, "userid_list", "u1", "msg", textMsg("经典令牌"));
        assertThat(send(classic.path("access_token").asText(), message).path("errcode").asInt()).isZero();
        assertThat(fake.calls("gettoken")).isEqualTo(2);
    }

    @Test
    void shouldFailSendsAsToldAndRecover() throws Exception {
        String token = token();
        Map<String, Object> message = Map.of("agent_id", 42, "userid_list", "u1", "msg", textMsg("正文"));

        fake.failFor(Duration.ofMinutes(5), FakeDingTalk.Failure.BUSY);
        assertThat(send(token, message).path("errcode").asInt()).isEqualTo(-1);
        clock.advance(Duration.ofMinutes(5));
        fake.failAlways(FakeDingTalk.Failure.RATE_LIMITED);
        assertThat(send(token, message).path("errcode").asInt()).isEqualTo(130101);
        fake.recover();
        assertThat(send(token, message).path("errcode").asInt()).isZero();
        // the token endpoint is not affected
        fake.failAlways(FakeDingTalk.Failure.HTTP_500);
        assertThat(token()).isNotBlank();
    }

    // ---- inbox --------------------------------------------------------------------------

    @Test
    void shouldEscapeMessagesOnTheInboxPage() throws Exception {
        // given
        send(token(), Map.of("agent_id", 42, "userid_list", "u1", "msg", Map.of("msgtype", "markdown", "markdown",
                Map.of("title", "<b>标题</b>", "text", "<script>alert('x')</script> & 正文"))));
        robot(markdown("<img src=x onerror=alert(1)>"), clock.millis());

        // when
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/inbox")).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));

        // then
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("text/html"));
        assertThat(page.body()).contains("钉钉消息收件箱（演示）", "钉钉用户 u1", "分局钉钉群")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; 正文", "&lt;b&gt;标题&lt;/b&gt;",
                        "&lt;img src=x onerror=alert(1)&gt;")
                .doesNotContain("<script>", "<b>标题", "<img");
    }

    @Test
    void shouldListNewestFirstOnTheInboxPage() throws Exception {
        String token = token();
        send(token, Map.of("agent_id", 42, "userid_list", "u1", "msg", textMsg("第一条")));
        clock.advance(Duration.ofMinutes(1));
        send(token, Map.of("agent_id", 42, "userid_list", "u1", "msg", textMsg("第二条")));

        String page = fake.inboxHtml(id -> null, null, 0, "/inbox");

        assertThat(page.indexOf("第二条")).isLessThan(page.indexOf("第一条"));
        assertThat(fake.inbox("u1")).extracting(FakeDingTalk.Received::text).containsExactly("第二条", "第一条");
    }

    // ---- 免登 ---------------------------------------------------------------------------

    @Test
    void shouldTellWhoseCodeItIsOnceWithinFiveMinutes() throws Exception {
        String code = fake.issueAuthCode("dt400001");

        JsonNode first = userInfo(token(), code);
        JsonNode again = userInfo(token(), code);

        assertThat(first.path("errcode").asInt()).isZero();
        assertThat(first.path("result").path("userid").asText()).isEqualTo("dt400001");
        assertThat(first.path("result").path("unionid").asText()).isNotBlank();
        assertThat(again.path("errcode").asInt()).isEqualTo(40078);
        assertThat(fake.calls("getuserinfo")).isEqualTo(2);
    }

    @Test
    void shouldRefuseACodeFiveMinutesOldOrNeverIssued() throws Exception {
        String late = fake.issueAuthCode("dt400001");
        clock.advance(Duration.ofMinutes(4).plusSeconds(59));
        String inTime = fake.issueAuthCode("dt400002");
        clock.advance(Duration.ofSeconds(1));

        assertThat(userInfo(token(), late).path("errcode").asInt()).isEqualTo(40078);
        assertThat(userInfo(token(), inTime).path("result").path("userid").asText()).isEqualTo("dt400002");
        assertThat(userInfo(token(), "made-up").path("errcode").asInt()).isEqualTo(40078);
        assertThat(post("/topapi/v2/user/getuserinfo?access_token=" + token(), Map.of()).path("errcode").asInt())
                .isEqualTo(40035);
    }

    @Test
    void shouldNotSpendACodeOnABadTokenOrAFailure() throws Exception {
        String code = fake.issueAuthCode("dt400001");

        assertThat(userInfo("not-a-token", code).path("errcode").asInt()).isEqualTo(40014);
        fake.failNext(1, FakeDingTalk.Failure.BUSY);
        assertThat(userInfo(token(), code).path("errcode").asInt()).isEqualTo(-1);

        assertThat(userInfo(token(), code).path("result").path("userid").asText()).isEqualTo("dt400001");
    }

    // ---- helpers ------------------------------------------------------------------------

    private JsonNode userInfo(String token, String code) throws Exception {
        return post("/topapi/v2/user/getuserinfo?access_token=" + token, Map.of("code", code));
    }

    private String token() throws Exception {
        JsonNode answer = post("/v1.0/oauth2/accessToken", Map.of("appKey", "key", "appSecret", "secret"));
        return answer.path("accessToken").asText();
    }

    private JsonNode send(String token, Map<String, Object> body) throws Exception {
        return post("/topapi/message/corpconversation/asyncsend_v2?access_token=" + token, body);
    }

    private JsonNode robot(Map<String, Object> body, long timestamp) throws Exception {
        return post("/robot/send?access_token=" + ROBOT_TOKEN + "&timestamp=" + timestamp + "&sign="
                + RobotSigner.sign(ROBOT_SECRET, timestamp), body);
    }

    private static Map<String, Object> markdown(String text) {
        return Map.of("msgtype", "markdown", "markdown", Map.of("title", "通报", "text", text));
    }

    private static Map<String, Object> textMsg(String content) {
        return Map.of("msgtype", "text", "text", Map.of("content", content));
    }

    private JsonNode post(String pathAndQuery, Object body) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return JSON.readTree(response.body());
    }

    private JsonNode get(String pathAndQuery) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
