package cn.jiandu.notification.dingtalk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends to DingTalk: work notifications (工作通知) to people and markdown to group robots.
 * Success is judged by DingTalk's {@code errcode}, never by the HTTP status alone; every
 * failure is a {@link DingTalkException} that says whether it is worth retrying. Retrying
 * is the caller's business, except for one thing: when DingTalk calls the access token
 * invalid or expired, the token is renewed and the call made once more, inside the call.
 * <p>
 * The access token comes from the official SDK; what the SDK lacks (asyncsend_v2,
 * getsendresult, robot/send on the classic oapi host) goes over plain HTTP.
 */
@Component
public class DingTalkClient {

    /** DingTalk's limit of recipients of one work notification. */
    public static final int MAX_USERS = 5000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ASYNC_SEND = "/topapi/message/corpconversation/asyncsend_v2";
    private static final String SEND_RESULT = "/topapi/message/corpconversation/getsendresult";
    private static final String ROBOT_SEND = "/robot/send";
    private static final String GET_USER_INFO = "/topapi/v2/user/getuserinfo";

    /** DingTalk's answer to an auth code it does not know, used or older than 5 minutes (不存在的临时授权码). */
    public static final int UNKNOWN_AUTH_CODE = 40078;
    private static final String USER_GET = "/topapi/v2/user/get";

    private final DingTalkProperties properties;
    private final String oapiBaseUrl;
    private final Clock clock;
    /** the real time: a robot's signature carries it, whatever the business clock says */
    private final Clock realTime;
    private final Duration timeout;
    private final HttpClient http;
    private final AccessTokens tokens;
    /** the new API's robot client (DING), pointed at apiBaseUrl as SdkTokenSource is */
    private final com.aliyun.dingtalkrobot_1_0.Client robotApi;

    @Autowired
    DingTalkClient(DingTalkProperties properties, DingTalkEndpoints endpoints, Clock clock) {
        this(properties, endpoints, clock, Clock.systemUTC());
    }

    /** With the real time given apart (tests move both). */
    DingTalkClient(DingTalkProperties properties, DingTalkEndpoints endpoints, Clock clock, Clock realTime) {
        this.realTime = realTime;
        this.properties = properties;
        this.oapiBaseUrl = endpoints.oapiBaseUrl();
        this.clock = clock;
        this.timeout = properties.timeout();
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.tokens = new AccessTokens(new SdkTokenSource(endpoints.apiBaseUrl(), properties.appKey(),
                properties.appSecret(), timeout, clock), clock, properties.tokenRenewBefore());
        this.robotApi = newRobotApi(endpoints.apiBaseUrl(), Math.toIntExact(timeout.toMillis()));
    }

    /**
     * Sends an action card (markdown and one button) as a work notification from the app
     * (asyncsend_v2). DingTalk delivers it later and silently drops what breaks its limits
     * (the same content to the same person on the same day, over 500 a day): make every
     * message differ. Without a button (both null) it goes as plain markdown.
     *
     * @param userIds DingTalk user ids, 1 to 5000
     * @return DingTalk's task id, for {@link #sendResult(String)}
     * @throws IllegalArgumentException for no recipients, more than 5000, or a missing text
     * @throws DingTalkException when DingTalk refuses it or cannot be reached
     */
    public String sendWorkNotification(List<String> userIds, String title, String markdown, String buttonTitle,
            String buttonUrl) {
        List<String> users = distinctUserIds(userIds);
        requireText(title, "title");
        requireText(markdown, "markdown");
        boolean button = hasText(buttonTitle) || hasText(buttonUrl);
        if (button) {
            requireText(buttonTitle, "buttonTitle");
            requireText(buttonUrl, "buttonUrl");
        }
        Map<String, Object> msg = new LinkedHashMap<>();
        if (button) {
            msg.put("msgtype", "action_card");
            msg.put("action_card", ordered("title", title, "markdown", markdown, "single_title", buttonTitle,
                    "single_url", buttonUrl));
        } else {
            msg.put("msgtype", "markdown");
            msg.put("markdown", ordered("title", title, "text", markdown));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent_id", agentId());
        body.put("userid_list", String.join(",", users));
        body.put("msg", msg);
        JsonNode answer = callWithToken("asyncsend_v2", ASYNC_SEND, body);
        JsonNode taskId = answer.path("task_id");
        if (taskId.isMissingNode() || taskId.isNull()) {
            throw new DingTalkException("DingTalk asyncsend_v2 answered without task_id", null, true);
        }
        return taskId.asText();
    }

    /**
     * Who got a work notification and who read it (getsendresult): DingTalk's
     * {@code send_result}, e.g. {@code read_user_id_list}, {@code unread_user_id_list},
     * {@code forbidden_user_id_list} (dropped by DingTalk's limits), {@code invalid_user_id_list}.
     */
    public Map<String, Object> sendResult(String taskId) {
        long task;
        try {
            task = Long.parseLong(taskId.strip());
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("A DingTalk task id is a number: " + taskId);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("agent_id", agentId());
        body.put("task_id", task);
        JsonNode answer = callWithToken("getsendresult", SEND_RESULT, body);
        return JSON.convertValue(answer.path("send_result"), new TypeReference<Map<String, Object>>() {
        });
    }

    /**
     * 免登: the DingTalk user id of the person whose page asked for {@code authCode}
     * (dd.requestAuthCode), from getuserinfo. DingTalk takes a code once, within 5 minutes;
     * otherwise it answers {@value #UNKNOWN_AUTH_CODE}. Not metered. The code is never logged
     * nor put in an exception's message.
     *
     * @throws IllegalArgumentException for an empty code
     * @throws DingTalkException when DingTalk refuses the code or cannot be reached
     */
    public String userIdForAuthCode(String authCode) {
        requireText(authCode, "authCode");
        if (!properties.appConfigured()) {
            throw new DingTalkException(
                    "DingTalk is not configured: set jiandu.dingtalk.app-key, app-secret and agent-id", null, false);
        }
        JsonNode answer = callWithToken("getuserinfo", GET_USER_INFO, Map.of("code", authCode.strip()));
        JsonNode userId = answer.path("result").path("userid");
        if (!userId.isTextual() || userId.asText().isBlank()) {
            throw new DingTalkException("DingTalk getuserinfo answered without result.userid", null, false);
        }
        return userId.asText();
    }

    /**
     * Posts markdown to a group through a custom robot (robot/send), signed when the robot
     * has a secret. DingTalk only @-mentions those whose mobile (or user id) is in the text,
     * so missing ones are appended.
     *
     * @param robotName a robot of jiandu.dingtalk.robots, e.g. {@code bureau}
     * @throws IllegalArgumentException for an unknown robot or a missing text
     * @throws DingTalkException when DingTalk refuses it or cannot be reached
     */
    public void sendRobotMarkdown(String robotName, String title, String markdown, List<String> atMobiles,
            List<String> atUserIds) {
        DingTalkProperties.Robot robot = properties.robots().get(robotName);
        if (robot == null || !hasText(robot.token())) {
            throw new IllegalArgumentException("No DingTalk robot named '" + robotName + "' (jiandu.dingtalk.robots)");
        }
        requireText(title, "title");
        requireText(markdown, "markdown");
        List<String> mobiles = atMobiles == null ? List.of() : List.copyOf(new LinkedHashSet<>(atMobiles));
        List<String> users = atUserIds == null ? List.of() : List.copyOf(new LinkedHashSet<>(atUserIds));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("msgtype", "markdown");
        body.put("markdown", ordered("title", title, "text", withMentions(markdown, mobiles, users)));
        Map<String, Object> at = new LinkedHashMap<>();
        at.put("atMobiles", mobiles);
        at.put("atUserIds", users);
        at.put("isAtAll", false);
        body.put("at", at);

        StringBuilder url = new StringBuilder(oapiBaseUrl).append(ROBOT_SEND).append("?access_token=")
                .append(URLEncoder.encode(robot.token(), StandardCharsets.UTF_8));
        if (hasText(robot.secret())) {
            // DingTalk refuses a timestamp more than an hour from its own (real) time
            long timestamp = realTime.millis();
            url.append("&timestamp=").append(timestamp).append("&sign=").append(RobotSigner.sign(robot.secret(), timestamp));
        }
        JsonNode answer = post("robot/send", url.toString(), body);
        check("robot/send", answer);
    }

    /**
     * A person's unionId, which DingTalk's new API (to-dos) names people by, from his userId:
     * {@code POST topapi/v2/user/get} (a contact look-up, not metered).
     *
     * @throws DingTalkException errcode 60121 when DingTalk knows no such user
     */
    public String unionId(String userId) {
        requireText(userId, "userId");
        JsonNode answer = callWithToken("user/get", USER_GET, Map.of("userid", userId));
        String unionId = answer.path("result").path("unionid").asText("");
        if (unionId.isBlank()) {
            throw new DingTalkException("DingTalk user/get answered without unionid", null, true);
        }
        return unionId;
    }

    /** The app's access token, for the new API's calls made through the SDK (to-dos). */
    String accessToken() {
        return tokens.get();
    }

    /** Forgets a token the new API refused; the next {@link #accessToken()} fetches another. */
    void invalidateToken(String token) {
        tokens.invalidate(token);
    }

    // ---- DING (钉一下), through the official SDK: robot_1_0 robotSendDing ----------------

    /** DingTalk's limit of receivers of one in-app DING. */
    public static final int MAX_DING_USERS = 200;

    /**
     * Sends an in-app DING (remindType 1) from the app's robot to up to 200 users
     * (POST /v1.0/robot/ding/send, header x-acs-dingtalk-access-token). Needs a paid edition
     * and the permission Premium.Ding.Write. Metered: one call, one count.
     *
     * @return DingTalk's openDingId
     * @throws IllegalArgumentException for no receivers, more than 200, or no content or robot code
     * @throws DingTalkException when DingTalk refuses it or cannot be reached
     */
    public String sendDing(String robotCode, List<String> userIds, String content) {
        List<String> users = distinctUserIds(userIds);
        if (users.size() > MAX_DING_USERS) {
            throw new IllegalArgumentException("A DING goes to at most " + MAX_DING_USERS + " users, not " + users.size());
        }
        requireText(robotCode, "robotCode");
        requireText(content, "content");
        com.aliyun.dingtalkrobot_1_0.models.RobotSendDingRequest request =
                new com.aliyun.dingtalkrobot_1_0.models.RobotSendDingRequest().setRobotCode(robotCode)
                        .setRemindType(1).setReceiverUserIdList(users).setContent(content);
        String token = tokens.get();
        try {
            return ding(request, token);
        } catch (DingTalkException e) {
            if (e.errcode() == null && e.getMessage().contains("HTTP 401")) {
                tokens.invalidate(token);
                return ding(request, tokens.get());
            }
            throw e;
        }
    }

    private String ding(com.aliyun.dingtalkrobot_1_0.models.RobotSendDingRequest request, String token) {
        com.aliyun.teautil.models.RuntimeOptions runtime = new com.aliyun.teautil.models.RuntimeOptions();
        runtime.setAutoretry(false);
        runtime.setMaxAttempts(1);
        int millis = Math.toIntExact(timeout.toMillis());
        runtime.setConnectTimeout(millis);
        runtime.setReadTimeout(millis);
        com.aliyun.dingtalkrobot_1_0.models.RobotSendDingResponse response;
        try {
            response = robotApi.robotSendDingWithOptions(request,
                    new com.aliyun.dingtalkrobot_1_0.models.RobotSendDingHeaders().setXAcsDingtalkAccessToken(token),
                    runtime);
        } catch (com.aliyun.tea.TeaException e) {
            Integer status = e.getStatusCode();
            boolean retryable = status == null || status >= 500 || status == 429;
            throw new DingTalkException("DingTalk robot/ding/send failed: HTTP " + status + " " + e.getCode() + " ("
                    + e.getMessage() + ")", null, retryable, e);
        } catch (Exception e) {
            throw new DingTalkException("DingTalk robot/ding/send failed: " + e, null, true, e);
        }
        if (response == null || response.getBody() == null || response.getBody().getOpenDingId() == null) {
            throw new DingTalkException("DingTalk robot/ding/send answered without openDingId", null, true);
        }
        return response.getBody().getOpenDingId();
    }

    private static com.aliyun.dingtalkrobot_1_0.Client newRobotApi(String apiBaseUrl, int timeoutMillis) {
        try {
            return new com.aliyun.dingtalkrobot_1_0.Client(SdkTokenSource.config(apiBaseUrl, timeoutMillis));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create DingTalk's SDK robot client", e);
        }
    }

    /** The text with "@mobile" / "@userId" appended for each mention it does not contain yet. */
    static String withMentions(String text, List<String> atMobiles, List<String> atUserIds) {
        List<String> missing = new ArrayList<>();
        for (String who : concat(atMobiles, atUserIds)) {
            if (hasText(who) && !text.contains("@" + who)) {
                missing.add("@" + who);
            }
        }
        return missing.isEmpty() ? text : text + "\n\n" + String.join(" ", missing);
    }

    /** A call authorised by the app's token; renews the token and calls once more if DingTalk refuses it. */
    private JsonNode callWithToken(String api, String path, Object body) {
        String token = tokens.get();
        JsonNode answer = post(api, tokenUrl(path, token), body);
        Integer errcode = errcode(api, answer);
        if (errcode != 0 && DingTalkException.isTokenError(errcode)) {
            tokens.invalidate(token);
            answer = post(api, tokenUrl(path, tokens.get()), body);
        }
        check(api, answer);
        return answer;
    }

    private String tokenUrl(String path, String token) {
        return oapiBaseUrl + path + "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    /** POSTs JSON; transport failures and HTTP errors become DingTalkException (the URL, with its token, is never shown). */
    private JsonNode post(String api, String url, Object body) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                    .header("Content-Type", "application/json;charset=utf-8")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write the message as JSON", e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DingTalkException("DingTalk " + api + " timed out after " + timeout, null, true, e);
        } catch (IOException e) {
            throw new DingTalkException("DingTalk " + api + " could not be reached: " + e, null, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DingTalkException("DingTalk " + api + " interrupted", null, true, e);
        }
        int status = response.statusCode();
        if (status != 200) {
            boolean retryable = status >= 500 || status == 429 || status == 408;
            throw new DingTalkException("DingTalk " + api + " answered HTTP " + status, null, retryable);
        }
        try {
            JsonNode answer = JSON.readTree(response.body());
            if (answer == null || !answer.isObject()) {
                throw new DingTalkException("DingTalk " + api + " answered no JSON object", null, true);
            }
            return answer;
        } catch (JsonProcessingException e) {
            // a proxy's error page or a cut answer: nothing says the message went through
            throw new DingTalkException("DingTalk " + api + " answered no JSON", null, true, e);
        }
    }

    private static Integer errcode(String api, JsonNode answer) {
        JsonNode errcode = answer.path("errcode");
        if (!errcode.isIntegralNumber() && !errcode.isTextual()) {
            throw new DingTalkException("DingTalk " + api + " answered without errcode", null, true);
        }
        try {
            return errcode.isIntegralNumber() ? errcode.intValue() : Integer.parseInt(errcode.asText().strip());
        } catch (NumberFormatException e) {
            throw new DingTalkException("DingTalk " + api + " answered errcode " + errcode.asText(), null, true);
        }
    }

    private static void check(String api, JsonNode answer) {
        int errcode = errcode(api, answer);
        if (errcode != 0) {
            throw DingTalkException.ofErrcode(api, errcode, answer.path("errmsg").asText(""));
        }
    }

    private long agentId() {
        if (!properties.appConfigured()) {
            throw new DingTalkException(
                    "DingTalk is not configured: set jiandu.dingtalk.app-key, app-secret and agent-id", null, false);
        }
        return properties.agentId();
    }

    private static List<String> distinctUserIds(List<String> userIds) {
        if (userIds == null || userIds.isEmpty()) {
            throw new IllegalArgumentException("A work notification needs at least one recipient");
        }
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String userId : userIds) {
            if (!hasText(userId) || userId.contains(",")) {
                throw new IllegalArgumentException("Not a DingTalk user id: '" + userId + "'");
            }
            distinct.add(userId.strip());
        }
        if (distinct.size() > MAX_USERS) {
            throw new IllegalArgumentException(
                    "A work notification goes to at most " + MAX_USERS + " users, not " + distinct.size());
        }
        return List.copyOf(distinct);
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static void requireText(String value, String name) {
        if (!hasText(value)) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }
}
