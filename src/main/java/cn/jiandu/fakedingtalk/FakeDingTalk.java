package cn.jiandu.fakedingtalk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.jiandu.time.Times;
import cn.jiandu.notification.dingtalk.DingTalkClient;
import cn.jiandu.notification.dingtalk.DingTalkProperties;
import cn.jiandu.notification.dingtalk.RobotSigner;

/**
 * A local fake of DingTalk for the demo profile and the tests: the token endpoints (classic
 * gettoken and the new /v1.0/oauth2/accessToken), work notifications (asyncsend_v2,
 * getsendresult) and custom group robots (robot/send), on 127.0.0.1. It checks what
 * DingTalk checks (credentials, tokens and their expiry, agent id, message shape, robot
 * signature and timestamp, 20 robot messages a minute, the same content to the same person
 * once a day) and answers as DingTalk does: HTTP 200 with an errcode. It keeps what it
 * received, shows it at {@code GET /inbox}, and can be told to fail. Needs no Spring:
 * {@code new FakeDingTalk(config).start()}.
 * <p>
 * 免登: it plays the DingTalk container too. {@link #issueAuthCode} hands out the code that
 * dd.requestAuthCode would give a page opened by that person; getuserinfo
 * (/topapi/v2/user/getuserinfo) takes only codes it issued, each once, within
 * {@link #AUTH_CODE_TTL} of its clock, and answers 40078 otherwise, as DingTalk does.
 * <p>
 * Failures ({@link #failNext}, {@link #failFor}, {@link #failAlways}) apply to the send
 * endpoints, asyncsend_v2 and robot/send, and to getuserinfo, not to the token endpoints. Every time it reads,
 * for token expiry, robot windows, the day of a work notification and failFor, comes from
 * its clock.
 */
public final class FakeDingTalk implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FakeDingTalk.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId CHINA = Times.CHINA;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ROBOT_MESSAGES_PER_MINUTE = 20;
    private static final int WORK_MESSAGES_PER_PERSON_PER_DAY = 500;
    /** How long an auth code of 免登 (dd.requestAuthCode) can be exchanged: DingTalk's 5 minutes. */
    public static final Duration AUTH_CODE_TTL = Duration.ofMinutes(5);

    static {
        // The JDK server writes headers and body separately; with Nagle on, each answer waits
        // for the client's delayed ACK (~40 ms). Read once, when the server classes load.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    /** How a message reached DingTalk. */
    public enum Channel {
        /** A work notification (工作通知) to people. */
        WORK,
        /** A custom group robot's message (群机器人). */
        ROBOT
    }

    /** A failure the fake can be told to answer a send with. */
    public enum Failure {
        /** HTTP 500, no errcode. */
        HTTP_500,
        /** No answer until well after the client's timeout (config timeoutHold), then HTTP 504. */
        TIMEOUT,
        /** errcode -1, 系统繁忙. */
        BUSY,
        /** errcode 130101, sent too fast. */
        RATE_LIMITED,
        /** errcode 40014, invalid access token. */
        INVALID_TOKEN,
        /**
         * The call is carried out, then answered with HTTP 500 as if it had failed (an answer lost
         * on the way back): to-do calls only; a send answers plain HTTP 500.
         */
        DONE_BUT_HTTP_500
    }

    /**
     * A message the fake accepted (or dropped, see {@link #dropped()}).
     *
     * @param userIds the recipients of a work notification; empty for a robot's message
     * @param robot the robot's name for a robot's message; null for a work notification
     * @param atMobiles the mobiles a robot's message @-mentions
     * @param atUserIds the user ids a robot's message @-mentions
     * @param msgtype DingTalk's message type (action_card, markdown, text, link, …)
     * @param title the title, where the type has one
     * @param text the markdown or text
     * @param taskId the task id of a work notification
     */
    public record Received(Channel channel, List<String> userIds, String robot, List<String> atMobiles,
            List<String> atUserIds, String msgtype, String title, String text, Instant at, String taskId,
            String link) {
    }

    /**
     * What the fake accepts.
     *
     * @param port on 127.0.0.1; 0 picks a free one
     * @param robots the configured robots by name; the access_token names one
     * @param tokenTtl how long an access token lives (DingTalk: 7200 s)
     * @param robotBlock how long a robot stays blocked after more than 20 messages in a minute
     * @param timeoutHold how long a TIMEOUT failure holds the answer (the bound of the hold)
     * @param clock the fake's time
     * @param robotClock the time a robot's signed timestamp is checked against: DingTalk's
     *        servers' real time, whatever a demo's or a test's business clock says (the same as
     *        {@code clock} unless set apart with {@link #withRobotClock})
     */
    public record Config(int port, String appKey, String appSecret, Long agentId,
            Map<String, DingTalkProperties.Robot> robots, Duration tokenTtl, Duration robotBlock, Duration timeoutHold,
            Clock clock, Clock robotClock) {

        public Config {
            robots = Map.copyOf(robots);
            Objects.requireNonNull(tokenTtl);
            Objects.requireNonNull(robotBlock);
            Objects.requireNonNull(timeoutHold);
            Objects.requireNonNull(clock);
            Objects.requireNonNull(robotClock);
        }

        /** An app, no robots, a random port, tokens of 7200 s, robots blocked 10 minutes, system time. */
        public static Config of(String appKey, String appSecret, long agentId) {
            return new Config(0, appKey, appSecret, agentId, Map.of(), Duration.ofSeconds(7200),
                    Duration.ofMinutes(10), Duration.ofSeconds(15), Clock.system(CHINA), Clock.system(CHINA));
        }

        /** The same app and robots as the app's settings, on the fake's port. */
        public static Config from(DingTalkProperties properties) {
            Config config = of(properties.appKey(), properties.appSecret(),
                    properties.agentId() == null ? 0 : properties.agentId()).withPort(properties.fake().port());
            return new Config(config.port, config.appKey, config.appSecret, config.agentId, properties.robots(),
                    config.tokenTtl, config.robotBlock, config.timeoutHold, config.clock, config.robotClock);
        }

        public Config withPort(int newPort) {
            return new Config(newPort, appKey, appSecret, agentId, robots, tokenTtl, robotBlock, timeoutHold, clock, robotClock);
        }

        public Config withRobot(String name, String token, String secret) {
            Map<String, DingTalkProperties.Robot> more = new HashMap<>(robots);
            more.put(name, new DingTalkProperties.Robot(token, secret));
            return new Config(port, appKey, appSecret, agentId, more, tokenTtl, robotBlock, timeoutHold, clock, robotClock);
        }

        public Config withTokenTtl(Duration ttl) {
            return new Config(port, appKey, appSecret, agentId, robots, ttl, robotBlock, timeoutHold, clock, robotClock);
        }

        public Config withRobotBlock(Duration block) {
            return new Config(port, appKey, appSecret, agentId, robots, tokenTtl, block, timeoutHold, clock, robotClock);
        }

        public Config withTimeoutHold(Duration hold) {
            return new Config(port, appKey, appSecret, agentId, robots, tokenTtl, robotBlock, hold, clock, robotClock);
        }

        /** The fake's time, for robots' timestamps too (a unit test's one clock). */
        public Config withClock(Clock newClock) {
            return new Config(port, appKey, appSecret, agentId, robots, tokenTtl, robotBlock, timeoutHold, newClock,
                    newClock);
        }

        /** The real time robots' signatures are checked against, apart from the fake's (business) time. */
        public Config withRobotClock(Clock real) {
            return new Config(port, appKey, appSecret, agentId, robots, tokenTtl, robotBlock, timeoutHold, clock, real);
        }

        @Override
        public String toString() {
            return "Config[port=" + port + ", appKey=" + appKey + ", agentId=" + agentId + ", robots=" + robots.keySet()
                    + ", tokenTtl=" + tokenTtl + "]";
        }
    }

    /** A 免登 code handed out for a person at a time of the fake's clock. */
    private record AuthCode(String userId, Instant issuedAt) {
    }

    /** An answer: HTTP status and JSON body. */
    private record Answer(int status, Map<String, Object> body) {
        static Answer ok(Map<String, Object> body) {
            return new Answer(200, body);
        }

        static Answer errcode(int errcode, String errmsg) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("errcode", errcode);
            body.put("errmsg", errmsg);
            body.put("request_id", requestId());
            return new Answer(200, body);
        }
    }

    /** The rejection of a message that does not have the shape its msgtype needs. */
    private static final class BadMessage extends Exception {
        final int errcode;

        BadMessage(int errcode, String message) {
            super(message, null, false, false);
            this.errcode = errcode;
        }
    }

    private final Config config;
    private final FakeCards cards;
    private final Clock clock;
    private final Clock robotClock;
    private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
    /** 免登 codes handed out and not yet used */
    private final Map<String, AuthCode> authCodes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private final AtomicLong taskIds = new AtomicLong(700_000_000L);
    private volatile CountDownLatch stopping = new CountDownLatch(1);
    // guarded by this
    private final List<Received> received = new ArrayList<>();
    private final List<Received> dropped = new ArrayList<>();
    private final Set<String> sentToday = new HashSet<>();
    private final Map<String, Integer> perPersonPerDay = new HashMap<>();
    private final Map<String, Deque<Instant>> robotWindows = new HashMap<>();
    private final Map<String, Instant> robotBlockedUntil = new HashMap<>();
    private final Map<String, Map<String, Object>> sendResults = new HashMap<>();
    private final List<Ding> dings = new ArrayList<>();
    private int failNextCount;
    private Failure failNextKind;
    private Instant failUntil;
    private Failure failForKind;
    private Failure failAlwaysKind;

    private HttpServer server;
    private ExecutorService executor;

    public FakeDingTalk(Config config) {
        this.config = config;
        this.cards = new FakeCards(config.clock());
        this.clock = config.clock();
        this.robotClock = config.robotClock();
    }

    /** Starts listening on 127.0.0.1; returns this. */
    public synchronized FakeDingTalk start() {
        if (server != null) {
            return this;
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 0);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the fake DingTalk on 127.0.0.1:" + config.port(), e);
        }
        stopping = new CountDownLatch(1);
        // bounded, so that held (TIMEOUT) answers cannot pile up threads without end
        executor = new ThreadPoolExecutor(0, 64, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "fake-dingtalk");
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        log.info("Fake DingTalk (demo and tests only, nothing reaches DingTalk) listening on {}", baseUrl());
        return this;
    }

    /** Stops listening; answers held by a TIMEOUT failure are released first. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        stopping.countDown();
        server.stop(0);
        executor.shutdownNow();
        server = null;
    }

    @Override
    public void close() {
        stop();
    }

    /** http://127.0.0.1:port, for both the oapi and the api base URL. */
    public synchronized String baseUrl() {
        if (server == null) {
            throw new IllegalStateException("The fake DingTalk is not started");
        }
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized int port() {
        return server == null ? -1 : server.getAddress().getPort();
    }

    // ---- what it received -------------------------------------------------------------

    /** Every message delivered, oldest first. */
    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /**
     * Work notifications DingTalk would have answered with success but not delivered (the same
     * content to the same person on the same day, over 500 a day), one entry per send with the
     * users it was dropped for.
     */
    public synchronized List<Received> dropped() {
        return List.copyOf(dropped);
    }

    /** The work notifications delivered to one person, newest first. */
    public synchronized List<Received> inbox(String userId) {
        List<Received> inbox = new ArrayList<>();
        for (Received message : received) {
            if (message.channel() == Channel.WORK && message.userIds().contains(userId)) {
                inbox.add(0, message);
            }
        }
        return inbox;
    }

    /** What one robot posted, newest first. */
    public synchronized List<Received> robotMessages(String robot) {
        List<Received> messages = new ArrayList<>();
        for (Received message : received) {
            if (message.channel() == Channel.ROBOT && message.robot().equals(robot)) {
                messages.add(0, message);
            }
        }
        return messages;
    }

    /**
     * How often an endpoint was called, failed calls included: gettoken, accessToken,
     * asyncsend_v2, getsendresult, robot/send, getuserinfo.
     */
    public int calls(String endpoint) {
        AtomicInteger count = calls.get(endpoint);
        return count == null ? 0 : count.get();
    }

    /**
     * Forgets messages, counters, robot windows and blocks, the day's sent contents and any
     * failure; the tokens handed out stay valid.
     */
    public synchronized void reset() {
        received.clear();
        dropped.clear();
        sentToday.clear();
        perPersonPerDay.clear();
        robotWindows.clear();
        robotBlockedUntil.clear();
        sendResults.clear();
        dings.clear();
        calls.clear();
        resetTodos();
        cards.reset();
        recover();
    }

    /** Every token handed out so far expires now: using one answers 42001. */
    public void expireTokens() {
        Instant now = clock.instant();
        tokens.replaceAll((token, expiry) -> expiry.isAfter(now) ? now : expiry);
    }

    // ---- 免登 --------------------------------------------------------------------------

    /**
     * The auth code dd.requestAuthCode would give a page that this DingTalk user opened inside
     * DingTalk: getuserinfo takes it once, within {@link #AUTH_CODE_TTL} of the fake's clock.
     */
    public String issueAuthCode(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("A DingTalk user id is needed for an auth code");
        }
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String code = HexFormat.of().formatHex(bytes);
        Instant now = clock.instant();
        // codes nobody took are forgotten once they could no longer be taken
        authCodes.values().removeIf(old -> !now.isBefore(old.issuedAt().plus(AUTH_CODE_TTL)));
        authCodes.put(code, new AuthCode(userId.strip(), now));
        return code;
    }

    private Answer getUserInfo(Map<String, String> query, JsonNode request) {
        Answer refused = refused("getuserinfo", query);
        if (refused != null) {
            return refused;
        }
        String code = request == null ? null : text(request, "code");
        if (code == null) {
            return Answer.errcode(40035, "不合法的参数: code");
        }
        // once: whoever takes it first, the code is gone
        AuthCode issued = authCodes.remove(code);
        if (issued == null || !clock.instant().isBefore(issued.issuedAt().plus(AUTH_CODE_TTL))) {
            return Answer.errcode(40078, "不存在的临时授权码");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("userid", issued.userId());
        result.put("unionid", "union-" + issued.userId());
        result.put("associated_unionid", "");
        result.put("device_id", "fake-device");
        result.put("sys", false);
        result.put("sys_level", 0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.put("result", result);
        body.put("request_id", requestId());
        return Answer.ok(body);
    }

    // ---- failures ---------------------------------------------------------------------

    /** The next n sends fail so. */
    public synchronized void failNext(int n, Failure failure) {
        failNextCount = n;
        failNextKind = failure;
    }

    /** Every send fails so until the fake's clock is d later. */
    public synchronized void failFor(Duration d, Failure failure) {
        failUntil = clock.instant().plus(d);
        failForKind = failure;
    }

    /** Every send fails so until {@link #recover()}. */
    public synchronized void failAlways(Failure failure) {
        failAlwaysKind = failure;
    }

    /** No more failures. */
    public synchronized void recover() {
        failNextCount = 0;
        failNextKind = null;
        failUntil = null;
        failForKind = null;
        failAlwaysKind = null;
    }

    private synchronized Failure takeFailure() {
        if (failNextCount > 0) {
            failNextCount--;
            return failNextKind;
        }
        if (failUntil != null && clock.instant().isBefore(failUntil)) {
            return failForKind;
        }
        return failAlwaysKind;
    }

    // ---- HTTP -------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if ("GET".equals(method) && "/inbox".equals(path)) {
                byte[] html = inboxHtml(id -> null, query.get("to"), 0, "/inbox").getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, html.length);
                exchange.getResponseBody().write(html);
                return;
            }
            Answer answer;
            if ("GET".equals(method) && "/gettoken".equals(path)) {
                answer = getToken(query);
            } else if ("POST".equals(method) && "/v1.0/oauth2/accessToken".equals(path)) {
                answer = accessToken(body(exchange));
            } else if ("POST".equals(method) && "/topapi/message/corpconversation/asyncsend_v2".equals(path)) {
                answer = asyncSend(query, body(exchange));
            } else if ("POST".equals(method) && "/topapi/message/corpconversation/getsendresult".equals(path)) {
                answer = sendResult(query, body(exchange));
            } else if ("POST".equals(method) && "/topapi/v2/user/getuserinfo".equals(path)) {
                answer = getUserInfo(query, body(exchange));
            } else if ("POST".equals(method) && "/v1.0/robot/ding/send".equals(path)) {
                answer = robotDing(exchange.getRequestHeaders().getFirst("x-acs-dingtalk-access-token"), body(exchange));
            } else if ("POST".equals(method) && "/robot/send".equals(path)) {
                answer = robotSend(query, body(exchange));
            } else if ("POST".equals(method) && "/topapi/v2/user/get".equals(path)) {
                answer = userGet(query, body(exchange));
            } else if (path.startsWith(TODO_PATH)) {
                answer = todoApi(method, path, query, exchange.getRequestHeaders().getFirst(NEW_API_TOKEN),
                        "GET".equals(method) || "DELETE".equals(method) ? null : body(exchange));
            } else if (path.startsWith("/v1.0/card/")) {
                answer = card(method, path, exchange.getRequestHeaders().getFirst("x-acs-dingtalk-access-token"),
                        body(exchange));
            } else {
                answer = new Answer(404, Map.of("errcode", 404, "errmsg", "no such API in the fake DingTalk"));
            }
            byte[] json = JSON.writeValueAsBytes(answer.body());
            exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), json.length);
            exchange.getResponseBody().write(json);
        } catch (IOException e) {
            // the client left (timeout) or the fake is stopping
            log.debug("Fake DingTalk could not answer: {}", e.toString());
        } catch (RuntimeException e) {
            log.warn("Fake DingTalk failed on {}", exchange.getRequestURI().getPath(), e);
        }
    }

    private Answer getToken(Map<String, String> query) {
        count("gettoken");
        if (!config.appKey().equals(query.get("appkey")) || !config.appSecret().equals(query.get("appsecret"))) {
            return Answer.errcode(40089, "不合法的corpid或corpsecret");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.put("access_token", newToken());
        body.put("expires_in", config.tokenTtl().toSeconds());
        return Answer.ok(body);
    }

    private Answer accessToken(JsonNode request) {
        count("accessToken");
        // the new API answers errors by HTTP status, with code and message
        if (request == null || !config.appKey().equals(request.path("appKey").asText(null))
                || !config.appSecret().equals(request.path("appSecret").asText(null))) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("requestid", requestId());
            body.put("code", "invalidClientIdOrSecret");
            body.put("message", "无效的clientId或者clientSecret");
            return new Answer(400, body);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("accessToken", newToken());
        body.put("expireIn", config.tokenTtl().toSeconds());
        return Answer.ok(body);
    }

    /**
     * What every call of the classic API meets first: counted, a failure the test asked for,
     * then the access token checked. Null when the call may go on.
     */
    private Answer refused(String api, Map<String, String> query) {
        count(api);
        Answer failure = fail();
        if (failure != null) {
            return failure;
        }
        return checkToken(query.get("access_token"));
    }

    private Answer asyncSend(Map<String, String> query, JsonNode request) {
        Answer refused = refused("asyncsend_v2", query);
        if (refused != null) {
            return refused;
        }
        if (request == null) {
            return Answer.errcode(40035, "不合法的参数: 请求体不是JSON");
        }
        if (!Objects.equals(config.agentId(), asLong(request.path("agent_id")))) {
            return Answer.errcode(40035, "不合法的参数: agent_id");
        }
        List<String> users = new ArrayList<>();
        for (String userId : request.path("userid_list").asText("").split(",")) {
            if (!userId.isBlank() && !users.contains(userId.strip())) {
                users.add(userId.strip());
            }
        }
        if (users.isEmpty() || users.size() > DingTalkClient.MAX_USERS) {
            return Answer.errcode(40035, "不合法的参数: userid_list");
        }
        JsonNode msg = request.path("msg");
        if (msg.isTextual()) {
            msg = parse(msg.asText());
        }
        String[] titleAndText;
        try {
            titleAndText = workMessage(msg);
        } catch (BadMessage e) {
            return Answer.errcode(e.errcode, e.getMessage());
        }
        String taskId = String.valueOf(taskIds.incrementAndGet());
        deliverWork(users, msg, titleAndText, taskId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.put("task_id", Long.parseLong(taskId));
        body.put("request_id", requestId());
        return Answer.ok(body);
    }

    private synchronized void deliverWork(List<String> users, JsonNode msg, String[] titleAndText, String taskId) {
        Instant now = clock.instant();
        LocalDate day = LocalDate.ofInstant(now, CHINA);
        List<String> delivered = new ArrayList<>();
        List<String> duplicate = new ArrayList<>();
        List<Map<String, Object>> forbidden = new ArrayList<>();
        for (String userId : users) {
            String perDay = userId + "|" + day;
            if (!sentToday.add(perDay + "|" + msg)) {
                duplicate.add(userId);
                forbidden.add(Map.of("code", "143106", "count", 1, "userid", userId));
            } else if (perPersonPerDay.merge(perDay, 1, Integer::sum) > WORK_MESSAGES_PER_PERSON_PER_DAY) {
                duplicate.add(userId);
                forbidden.add(Map.of("code", "143105", "count", WORK_MESSAGES_PER_PERSON_PER_DAY, "userid", userId));
            } else {
                delivered.add(userId);
            }
        }
        String msgtype = msg.path("msgtype").asText();
        if (!delivered.isEmpty()) {
            received.add(new Received(Channel.WORK, List.copyOf(delivered), null, List.of(), List.of(), msgtype,
                    titleAndText[0], titleAndText[1], now, taskId, link(titleAndText)));
        }
        if (!duplicate.isEmpty()) {
            dropped.add(new Received(Channel.WORK, List.copyOf(duplicate), null, List.of(), List.of(), msgtype,
                    titleAndText[0], titleAndText[1], now, taskId, link(titleAndText)));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("invalid_user_id_list", List.of());
        result.put("forbidden_user_id_list", duplicate);
        result.put("failed_user_id_list", List.of());
        result.put("read_user_id_list", List.of());
        result.put("unread_user_id_list", delivered);
        result.put("invalid_dept_id_list", List.of());
        result.put("forbidden_list", forbidden);
        sendResults.put(taskId, result);
    }

    private Answer sendResult(Map<String, String> query, JsonNode request) {
        count("getsendresult");
        Answer tokenError = checkToken(query.get("access_token"));
        if (tokenError != null) {
            return tokenError;
        }
        if (request == null || !Objects.equals(config.agentId(), asLong(request.path("agent_id")))) {
            return Answer.errcode(40035, "不合法的参数: agent_id");
        }
        Map<String, Object> result;
        synchronized (this) {
            result = sendResults.get(request.path("task_id").asText());
        }
        if (result == null) {
            return Answer.errcode(40035, "不合法的参数: task_id");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.put("send_result", result);
        body.put("request_id", requestId());
        return Answer.ok(body);
    }

    // ---- read state and DING (红色预警已读跟踪) ------------------------------------------

    /**
     * A DING (钉一下) the fake accepted: robot_1_0 robotSendDing.
     *
     * @param remindType 1 in-app, 2 SMS, 3 phone
     */
    public record Ding(String robotCode, int remindType, List<String> userIds, String content, Instant at,
            String openDingId) {
    }

    /** The DINGs accepted so far. */
    public synchronized List<Ding> dings() {
        return List.copyOf(dings);
    }

    /** The user has read the work notification of this task: getsendresult says so from now on. */
    @SuppressWarnings("unchecked")
    public synchronized void markRead(String userId, String taskId) {
        Map<String, Object> result = sendResults.get(taskId);
        if (result == null) {
            return;
        }
        List<String> unread = new ArrayList<>((List<String>) result.get("unread_user_id_list"));
        if (unread.remove(userId)) {
            List<String> read = new ArrayList<>((List<String>) result.get("read_user_id_list"));
            read.add(userId);
            result.put("read_user_id_list", List.copyOf(read));
            result.put("unread_user_id_list", List.copyOf(unread));
        }
    }

    /** The user has read every work notification he received so far (the demo inbox, when he opens it). */
    public synchronized void markAllRead(String userId) {
        for (Received r : received) {
            if (r.channel() == Channel.WORK && r.userIds().contains(userId)) {
                markRead(userId, r.taskId());
            }
        }
    }

    /**
     * POST /v1.0/robot/ding/send: the new API, token in the header x-acs-dingtalk-access-token,
     * errors by HTTP status with code and message. robotCode must be the app's (its app key),
     * remindType 1–3, receiverUserIdList 1 to 200 (in-app) or 20 (SMS, phone), content required.
     */
    private Answer robotDing(String token, JsonNode request) {
        count("robot/ding/send");
        Answer failure = fail();
        if (failure != null) {
            return failure;
        }
        Instant expiry = token == null ? null : tokens.get(token);
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            return newApiError(401, "InvalidAuthentication", "不合法的access_token");
        }
        if (request == null) {
            return newApiError(400, "MissingParameter", "请求体不是JSON");
        }
        String robotCode = text(request, "robotCode");
        if (robotCode == null || !robotCode.equals(config.appKey())) {
            return newApiError(400, "robot.notExist", "robotCode无效");
        }
        int remindType = request.path("remindType").asInt(0);
        if (remindType < 1 || remindType > 3) {
            return newApiError(400, "InvalidParameter", "remindType无效");
        }
        List<String> users = strings(request.path("receiverUserIdList"));
        if (users.isEmpty() || users.size() > (remindType == 1 ? 200 : 20)) {
            return newApiError(400, "InvalidParameter", "receiverUserIdList无效");
        }
        String content = text(request, "content");
        if (content == null) {
            return newApiError(400, "MissingParameter", "content不能为空");
        }
        String openDingId = "ding" + taskIds.incrementAndGet();
        synchronized (this) {
            dings.add(new Ding(robotCode, remindType, users, content, clock.instant(), openDingId));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("openDingId", openDingId);
        body.put("failedList", Map.of());
        return Answer.ok(body);
    }

    private static Answer newApiError(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestid", requestId());
        body.put("code", code);
        body.put("message", message);
        return new Answer(status, body);
    }

    private Answer robotSend(Map<String, String> query, JsonNode request) {
        count("robot/send");
        Answer failure = fail();
        if (failure != null) {
            return failure;
        }
        String robotName = robotNamed(query.get("access_token"));
        if (robotName == null) {
            return Answer.errcode(400101, "access_token不存在");
        }
        DingTalkProperties.Robot robot = config.robots().get(robotName);
        Instant now = clock.instant();
        if (robot.secret() != null && !robot.secret().isEmpty()) {
            long timestamp;
            try {
                timestamp = Long.parseLong(query.getOrDefault("timestamp", ""));
            } catch (NumberFormatException e) {
                return Answer.errcode(310000, "错误描述: invalid timestamp; 解决方案: timestamp 为毫秒时间戳");
            }
            // DingTalk's servers compare with the real time, not with anybody's business clock
            if (Math.abs(robotClock.millis() - timestamp) > Duration.ofHours(1).toMillis()) {
                return Answer.errcode(310000,
                        "错误描述: timestamp is more than 1 hour away from the server time; 解决方案: 校准时间");
            }
            String sign = query.get("sign");
            if (sign == null || !sign.equals(RobotSigner.signature(robot.secret(), timestamp))) {
                return Answer.errcode(310000, "错误描述: sign not match; 解决方案: 检查签名和 secret，sign 只做一次 URL 编码");
            }
        }
        if (request == null) {
            return Answer.errcode(40035, "缺少参数 json");
        }
        String[] titleAndText;
        try {
            titleAndText = robotMessage(request);
        } catch (BadMessage e) {
            return Answer.errcode(e.errcode, e.getMessage());
        }
        synchronized (this) {
            Instant blockedUntil = robotBlockedUntil.get(robotName);
            if (blockedUntil != null && now.isBefore(blockedUntil)) {
                return Answer.errcode(130101, "send too fast, exceed 20 times per minute");
            }
            Deque<Instant> window = robotWindows.computeIfAbsent(robotName, name -> new ArrayDeque<>());
            while (!window.isEmpty() && !window.peekFirst().isAfter(now.minusSeconds(60))) {
                window.pollFirst();
            }
            if (window.size() >= ROBOT_MESSAGES_PER_MINUTE) {
                robotBlockedUntil.put(robotName, now.plus(config.robotBlock()));
                window.clear();
                return Answer.errcode(130101, "send too fast, exceed 20 times per minute");
            }
            window.addLast(now);
            JsonNode at = request.path("at");
            received.add(new Received(Channel.ROBOT, List.of(), robotName, strings(at.path("atMobiles")),
                    strings(at.path("atUserIds")), request.path("msgtype").asText(), titleAndText[0], titleAndText[1],
                    now, null, null));
        }
        return Answer.errcode(0, "ok");
    }

    private Answer fail() {
        Failure failure = takeFailure();
        if (failure == null) {
            return null;
        }
        return switch (failure) {
            case HTTP_500, DONE_BUT_HTTP_500 -> new Answer(500, Map.of("errmsg", "internal server error"));
            case BUSY -> Answer.errcode(-1, "系统繁忙");
            case RATE_LIMITED -> Answer.errcode(130101, "send too fast, exceed 20 times per minute");
            case INVALID_TOKEN -> Answer.errcode(40014, "不合法的access_token");
            case TIMEOUT -> {
                // no answer until well after the client gave up
                hold();
                yield new Answer(504, Map.of("errmsg", "gateway timeout"));
            }
        };
    }

    private void hold() {
        try {
            stopping.await(config.timeoutHold().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Interactive cards (FakeCards): the new API's token header, then the card's own checks. */
    private Answer card(String method, String path, String token, JsonNode request) {
        boolean create = "POST".equals(method) && "/v1.0/card/instances/createAndDeliver".equals(path);
        boolean update = "PUT".equals(method) && "/v1.0/card/instances".equals(path);
        if (!create && !update) {
            return new Answer(404, Map.of("code", "notFound", "message", "no such API in the fake DingTalk"));
        }
        count(create ? "createAndDeliver" : "updateCard");
        Answer failure = fail();
        if (failure != null) {
            // the new API answers failures by HTTP status, never 200 with an errcode
            return failure.status() == 200 ? new Answer(503, Map.of("code", "ServiceUnavailable", "message",
                    String.valueOf(failure.body().get("errmsg")))) : failure;
        }
        if (checkToken(token) != null) {
            FakeCards.Answer refused = FakeCards.error(401, "InvalidAuthentication", "不合法的access_token");
            return new Answer(refused.status(), refused.body());
        }
        FakeCards.Answer answer = create ? cards.createAndDeliver(request) : cards.updateCard(request);
        return new Answer(answer.status(), answer.body());
    }

    /** The fake's interactive cards: what was delivered and updated, and presses of their buttons. */
    public FakeCards cards() {
        return cards;
    }

    private Answer checkToken(String token) {
        Instant expiry = token == null ? null : tokens.get(token);
        if (expiry == null) {
            return Answer.errcode(40014, "不合法的access_token");
        }
        if (!clock.instant().isBefore(expiry)) {
            return Answer.errcode(42001, "access_token超时");
        }
        return null;
    }

    private String newToken() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        String token = HexFormat.of().formatHex(bytes);
        tokens.put(token, clock.instant().plus(config.tokenTtl()));
        return token;
    }

    private String robotNamed(String token) {
        if (token == null) {
            return null;
        }
        for (Map.Entry<String, DingTalkProperties.Robot> robot : config.robots().entrySet()) {
            if (token.equals(robot.getValue().token())) {
                return robot.getKey();
            }
        }
        return null;
    }

    /** The button's or the link message's URL, if the message has one. */
    private static String link(String[] titleTextLink) {
        return titleTextLink.length > 2 ? titleTextLink[2] : null;
    }

    /** Title, text and (action cards, link messages) the URL of a work notification's msg, or why DingTalk refuses it (40035). */
    private static String[] workMessage(JsonNode msg) throws BadMessage {
        String msgtype = msg == null ? "" : msg.path("msgtype").asText("");
        switch (msgtype) {
            case "action_card" -> {
                JsonNode card = msg.path("action_card");
                require(card, 40035, "action_card", "title", "markdown");
                boolean single = text(card, "single_title") != null && text(card, "single_url") != null;
                boolean buttons = card.path("btn_json_list").isArray() && !card.path("btn_json_list").isEmpty();
                if (!single && !buttons) {
                    throw new BadMessage(40035, "不合法的参数: action_card 需要 single_title 和 single_url，或 btn_json_list");
                }
                return new String[] {text(card, "title"), text(card, "markdown"), single ? text(card, "single_url")
                        : text(card.path("btn_json_list").get(0), "action_url")};
            }
            case "markdown" -> {
                require(msg.path("markdown"), 40035, "markdown", "title", "text");
                return new String[] {text(msg.path("markdown"), "title"), text(msg.path("markdown"), "text")};
            }
            case "text" -> {
                require(msg.path("text"), 40035, "text", "content");
                return new String[] {null, text(msg.path("text"), "content")};
            }
            case "link" -> {
                require(msg.path("link"), 40035, "link", "title", "text", "messageUrl", "picUrl");
                return new String[] {text(msg.path("link"), "title"), text(msg.path("link"), "text"),
                        text(msg.path("link"), "messageUrl")};
            }
            default -> throw new BadMessage(40035, "不合法的参数: msgtype " + msgtype);
        }
    }

    /** Title and text of a robot's message, or why DingTalk refuses it (400105, 40035). */
    private static String[] robotMessage(JsonNode request) throws BadMessage {
        String msgtype = request.path("msgtype").asText("");
        switch (msgtype) {
            case "text" -> {
                require(request.path("text"), 40035, "text", "content");
                return new String[] {null, text(request.path("text"), "content")};
            }
            case "markdown" -> {
                require(request.path("markdown"), 40035, "markdown", "title", "text");
                return new String[] {text(request.path("markdown"), "title"), text(request.path("markdown"), "text")};
            }
            case "link" -> {
                require(request.path("link"), 40035, "link", "title", "text", "messageUrl");
                return new String[] {text(request.path("link"), "title"), text(request.path("link"), "text")};
            }
            case "actionCard" -> {
                JsonNode card = request.path("actionCard");
                require(card, 40035, "actionCard", "title", "text");
                boolean single = text(card, "singleTitle") != null && text(card, "singleURL") != null;
                boolean buttons = card.path("btns").isArray() && !card.path("btns").isEmpty();
                if (!single && !buttons) {
                    throw new BadMessage(40035, "缺少参数 actionCard.singleTitle/singleURL 或 btns");
                }
                return new String[] {text(card, "title"), text(card, "text")};
            }
            case "feedCard" -> {
                JsonNode links = request.path("feedCard").path("links");
                if (!links.isArray() || links.isEmpty()) {
                    throw new BadMessage(40035, "缺少参数 feedCard.links");
                }
                return new String[] {text(links.get(0), "title"), null};
            }
            default -> throw new BadMessage(400105, "不支持的消息类型: " + msgtype);
        }
    }

    private static void require(JsonNode node, int errcode, String where, String... fields) throws BadMessage {
        for (String field : fields) {
            if (text(node, field) == null) {
                throw new BadMessage(errcode, "缺少参数 " + where + "." + field);
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isValueNode() || value.asText().isBlank() ? null : value.asText();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(value -> values.add(value.asText()));
        }
        return List.copyOf(values);
    }

    private static Long asLong(JsonNode node) {
        if (node.canConvertToLong() && node.isNumber()) {
            return node.longValue();
        }
        try {
            return node.isTextual() ? Long.valueOf(node.asText().strip()) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void count(String endpoint) {
        calls.computeIfAbsent(endpoint, name -> new AtomicInteger()).incrementAndGet();
    }

    private static JsonNode body(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static JsonNode parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            return node != null && node.isObject() ? node : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Query parameters, each decoded exactly once, as DingTalk does. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new HashMap<>();
        if (rawQuery == null) {
            return parameters;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            parameters.putIfAbsent(name, value);
        }
        return parameters;
    }

    private static String requestId() {
        return Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    // ---- to-dos (待办) and user/get -----------------------------------------------------

    private static final String TODO_PATH = "/v1.0/todo/users/";
    private static final String NEW_API_TOKEN = "x-acs-dingtalk-access-token";
    private static final int TODO_CALLS_PER_SECOND = 20;
    private static final java.util.regex.Pattern USER_ID = java.util.regex.Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /**
     * A to-do the fake holds.
     *
     * @param executorIds unionIds of those who should act on it
     * @param dueTime epoch milliseconds, or null
     */
    public record Todo(String id, String creatorId, String sourceId, String subject, String description, Long dueTime,
            List<String> executorIds, String appUrl, String pcUrl, Integer priority, boolean done, Instant createdAt) {

        Todo withDone(boolean isDone) {
            return new Todo(id, creatorId, sourceId, subject, description, dueTime, executorIds, appUrl, pcUrl,
                    priority, isDone, createdAt);
        }
    }

    // guarded by this
    private final Map<String, Todo> todos = new LinkedHashMap<>();
    private final Set<String> leftUsers = new HashSet<>();
    private final Map<String, Integer> createsBySource = new HashMap<>();
    private final Map<String, Deque<Instant>> todoWindows = new HashMap<>();
    private int failNextTodoCount;
    private Failure failNextTodoKind;
    private final AtomicLong todoIds = new AtomicLong(5_000_000L);

    /**
     * The unionId DingTalk gives a userId in this fake: derived from it (a checksum and the
     * userId, base64url), so that it is the same after a restart and the fake can tell its own.
     */
    public static String unionIdOf(String userId) {
        String encoded = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(userId.getBytes(StandardCharsets.UTF_8));
        return checksum(userId) + encoded;
    }

    /** The userId behind a unionId of this fake, or null for one it never gave. */
    static String userIdOf(String unionId) {
        if (unionId == null || unionId.length() <= 6) {
            return null;
        }
        try {
            String userId = new String(java.util.Base64.getUrlDecoder().decode(unionId.substring(6)),
                    StandardCharsets.UTF_8);
            return checksum(userId).equals(unionId.substring(0, 6)) ? userId : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String checksum(String userId) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("fake-union:" + userId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 3);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The person left the organisation: user/get answers 60121, his unionId is refused. */
    public synchronized void removeUser(String userId) {
        leftUsers.add(userId);
    }

    /** The to-dos one person (unionId) should act on, open and done, newest first. */
    public synchronized List<Todo> todos(String unionId) {
        List<Todo> mine = new ArrayList<>();
        for (Todo todo : todos.values()) {
            if (todo.executorIds().contains(unionId)) {
                mine.add(0, todo);
            }
        }
        return mine;
    }

    /** Every to-do the fake holds, oldest first. */
    public synchronized List<Todo> todos() {
        return List.copyOf(todos.values());
    }

    /** How often a to-do of this sourceId was asked to be created, refused ones ("task exist") included. */
    public synchronized int createsOf(String sourceId) {
        return createsBySource.getOrDefault(sourceId, 0);
    }

    /** The next n to-do calls (create, get, update, delete) fail so; work notifications are not touched. */
    public synchronized void failNextTodoCalls(int n, Failure failure) {
        failNextTodoCount = n;
        failNextTodoKind = failure;
    }

    private synchronized void resetTodos() {
        todos.clear();
        createsBySource.clear();
        todoWindows.clear();
        leftUsers.clear();
        failNextTodoCount = 0;
        failNextTodoKind = null;
    }

    private synchronized Failure takeTodoFailure() {
        if (failNextTodoCount > 0) {
            failNextTodoCount--;
            return failNextTodoKind;
        }
        return takeFailure();
    }

    private synchronized boolean knows(String userId) {
        return userId != null && USER_ID.matcher(userId).matches() && !leftUsers.contains(userId);
    }

    private boolean knowsUnionId(String unionId) {
        return knows(userIdOf(unionId));
    }

    /** POST topapi/v2/user/get {userid}: result.unionid; 60121 for a user the organisation does not have. */
    private Answer userGet(Map<String, String> query, JsonNode request) {
        count("user/get");
        Answer tokenError = checkToken(query.get("access_token"));
        if (tokenError != null) {
            return tokenError;
        }
        String userId = request == null ? null : text(request, "userid");
        if (userId == null) {
            return Answer.errcode(40035, "缺少参数 userid");
        }
        if (!knows(userId)) {
            return Answer.errcode(60121, "找不到该用户");
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("userid", userId);
        result.put("unionid", unionIdOf(userId));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("errcode", 0);
        body.put("errmsg", "ok");
        body.put("result", result);
        body.put("request_id", requestId());
        return Answer.ok(body);
    }

    /** An error of the new API: HTTP status, code and message. */
    private static Answer apiError(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestid", requestId());
        body.put("code", code);
        body.put("message", message);
        return new Answer(status, body);
    }

    /** /v1.0/todo/users/{unionId}/tasks[/{id} | /sources/{sourceId}]: create, update, delete, get by source. */
    private Answer todoApi(String method, String path, Map<String, String> query, String token, JsonNode request) {
        String[] parts = path.substring(TODO_PATH.length()).split("/");
        String api;
        if ("POST".equals(method) && parts.length == 2 && "tasks".equals(parts[1])) {
            api = "todo.create";
        } else if ("GET".equals(method) && parts.length == 4 && "sources".equals(parts[2])) {
            api = "todo.get";
        } else if ("PUT".equals(method) && parts.length == 3) {
            api = "todo.update";
        } else if ("DELETE".equals(method) && parts.length == 3) {
            api = "todo.delete";
        } else {
            return apiError(404, "InvalidAction.NotFound", "no such to-do API in the fake DingTalk");
        }
        count(api);
        Failure failure = takeTodoFailure();
        if (failure != null && failure != Failure.DONE_BUT_HTTP_500) {
            return fail(failure);
        }
        Instant expiry = token == null ? null : tokens.get(token);
        if (expiry == null || !clock.instant().isBefore(expiry)) {
            return apiError(401, "InvalidAuthentication", "不合法的access_token");
        }
        if (!underQps(api)) {
            return apiError(429, "Forbidden.AccessDenied.QpsOverLimit", "调用频率超过限制（90018）");
        }
        String unionId = parts[0];
        if (!knowsUnionId(unionId)) {
            return apiError(400, "param.unionIdError", "unionId 不存在");
        }
        String operator = query.get("operatorId");
        if (operator != null && !knowsUnionId(operator)) {
            return apiError(400, "param.operatorIdError", "operatorId 不存在");
        }
        Answer answer = switch (api) {
            case "todo.create" -> createTodo(unionId, request);
            case "todo.get" -> todoBySource(unionId, parts[3]);
            case "todo.update" -> updateTodo(parts[2], request);
            default -> deleteTodo(parts[2]);
        };
        return failure == Failure.DONE_BUT_HTTP_500 ? new Answer(500, Map.of("code", "ServiceUnavailable",
                "message", "internal server error")) : answer;
    }

    private Answer fail(Failure failure) {
        return switch (failure) {
            case BUSY, RATE_LIMITED -> apiError(failure == Failure.BUSY ? 503 : 429, "ServiceUnavailable", "系统繁忙");
            case INVALID_TOKEN -> apiError(401, "InvalidAuthentication", "不合法的access_token");
            case TIMEOUT -> {
                hold();
                yield new Answer(504, Map.of("message", "gateway timeout"));
            }
            default -> new Answer(500, Map.of("code", "ServiceUnavailable", "message", "internal server error"));
        };
    }

    private synchronized boolean underQps(String api) {
        Instant now = Instant.now();
        Deque<Instant> window = todoWindows.computeIfAbsent(api, name -> new ArrayDeque<>());
        while (!window.isEmpty() && !window.peekFirst().isAfter(now.minusSeconds(1))) {
            window.pollFirst();
        }
        if (window.size() >= TODO_CALLS_PER_SECOND) {
            return false;
        }
        window.addLast(now);
        return true;
    }

    private Answer createTodo(String creator, JsonNode request) {
        if (request == null) {
            return apiError(400, "param.bodyError", "请求体不是JSON");
        }
        String subject = text(request, "subject");
        if (subject == null || subject.length() > 1024) {
            return apiError(400, "param.subjectError", "subject 不能为空，最长1024");
        }
        JsonNode detail = request.path("detailUrl");
        String appUrl = text(detail, "appUrl");
        String pcUrl = text(detail, "pcUrl");
        if (appUrl == null || pcUrl == null || appUrl.length() > 1024 || pcUrl.length() > 1024) {
            return apiError(400, "param.detailUrlError", "detailUrl 的 appUrl 和 pcUrl 必填，最长1024");
        }
        List<String> executors = strings(request.path("executorIds"));
        if (executors.size() > 100) {
            return apiError(400, "param.executorIdsError", "executorIds 最多100个");
        }
        for (String executor : executors) {
            if (!knowsUnionId(executor)) {
                return apiError(400, "param.executorIdsError", "executorIds 中的 unionId 不存在: " + executor);
            }
        }
        String sourceId = text(request, "sourceId");
        JsonNode due = request.path("dueTime");
        JsonNode priority = request.path("priority");
        Instant now = clock.instant();
        Todo todo;
        synchronized (this) {
            if (sourceId != null) {
                createsBySource.merge(sourceId, 1, Integer::sum);
                for (Todo other : todos.values()) {
                    if (other.creatorId().equals(creator) && sourceId.equals(other.sourceId())) {
                        return apiError(400, "todo.taskCreate.taskExist", "task exist");
                    }
                }
            }
            todo = new Todo(String.valueOf(todoIds.incrementAndGet()), creator, sourceId, subject,
                    text(request, "description"), due.isNumber() ? due.longValue() : null, executors, appUrl, pcUrl,
                    priority.isNumber() ? priority.intValue() : null, false, now);
            todos.put(todo.id(), todo);
        }
        return Answer.ok(todoJson(todo));
    }

    private synchronized Answer todoBySource(String creator, String sourceId) {
        for (Todo todo : todos.values()) {
            if (todo.creatorId().equals(creator) && sourceId.equals(todo.sourceId())) {
                return Answer.ok(todoJson(todo));
            }
        }
        return apiError(404, "todo.taskNotExist", "task not exist");
    }

    private synchronized Answer updateTodo(String id, JsonNode request) {
        Todo todo = todos.get(id);
        if (todo == null) {
            return apiError(404, "todo.taskNotExist", "task not exist");
        }
        if (request == null) {
            return apiError(400, "param.bodyError", "请求体不是JSON");
        }
        List<String> executors = request.has("executorIds") ? strings(request.path("executorIds")) : todo.executorIds();
        for (String executor : executors) {
            if (!knowsUnionId(executor)) {
                return apiError(400, "param.executorIdsError", "executorIds 中的 unionId 不存在: " + executor);
            }
        }
        String subject = text(request, "subject");
        JsonNode due = request.path("dueTime");
        Todo updated = new Todo(todo.id(), todo.creatorId(), todo.sourceId(), subject == null ? todo.subject() : subject,
                request.has("description") ? text(request, "description") : todo.description(),
                due.isNumber() ? Long.valueOf(due.longValue()) : todo.dueTime(), executors, todo.appUrl(),
                todo.pcUrl(), todo.priority(), request.path("done").isBoolean() ? request.path("done").booleanValue()
                        : todo.done(), todo.createdAt());
        todos.put(id, updated);
        return Answer.ok(Map.of("result", true, "requestId", requestId()));
    }

    private synchronized Answer deleteTodo(String id) {
        if (todos.remove(id) == null) {
            return apiError(404, "todo.taskNotExist", "task not exist");
        }
        return Answer.ok(Map.of("result", true, "requestId", requestId()));
    }

    private static Map<String, Object> todoJson(Todo todo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", todo.id());
        body.put("subject", todo.subject());
        body.put("description", todo.description());
        body.put("creatorId", todo.creatorId());
        body.put("sourceId", todo.sourceId());
        body.put("executorIds", todo.executorIds());
        body.put("dueTime", todo.dueTime());
        body.put("done", todo.done());
        body.put("priority", todo.priority());
        body.put("createdTime", todo.createdAt().toEpochMilli());
        body.put("detailUrl", Map.of("appUrl", todo.appUrl(), "pcUrl", todo.pcUrl()));
        body.put("requestId", requestId());
        return body;
    }

    // ---- inbox page -------------------------------------------------------------------

    /**
     * The inbox page: the messages of one person or group ({@code to}: a userId or
     * robot:name; null: all), newest first, one page of them, people named by {@code names}.
     */
    public String inboxHtml(Function<String, String> names, String to, int page, String path) {
        return inboxHtml(names, to, page, path, null);
    }

    /**
     * As above, with "在钉钉中打开" of messages and "在钉钉中办理" of the chosen person's to-dos
     * going through 免登 by {@code opener} (null: a plain link).
     */
    String inboxHtml(Function<String, String> names, String to, int page, String path, FakeInboxPage.Opener opener) {
        List<Received> all;
        List<Received> droppedNow;
        synchronized (this) {
            all = List.copyOf(received);
            droppedNow = List.copyOf(dropped);
        }
        // a person's page has his to-dos (钉钉待办) above his messages
        List<Todo> theirs = to == null || to.isBlank() || to.startsWith("robot:") ? null : todos(unionIdOf(to));
        return FakeInboxPage.render(new FakeInboxPage.View(all, droppedNow, CHINA, names, to, page, path, opener,
                theirs));
    }
}
