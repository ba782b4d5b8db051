package cn.jiandu.fakedingtalk;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.jiandu.notification.dingtalk.CallbackCrypto;

/**
 * The fake's interactive cards (互动卡片): {@code POST /v1.0/card/instances/createAndDeliver}
 * and {@code PUT /v1.0/card/instances} (updateCard) with the checks DingTalk makes (access
 * token header, a published template, a unique outTrackId — {@code param.cardAlreadyExist} —,
 * the IM_ROBOT open space and robot code, string values of at most 1 KB), and the presses of a
 * card's buttons, sent to the app's HTTP callback encrypted and signed as DingTalk does
 * ({@link #press}). It has no Stream gateway: the official Stream client connects only to
 * DingTalk's own host.
 */
public final class FakeCards {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_VALUE_BYTES = 1024;

    /** A card delivered to one person; params and private data as updated since. */
    public record Card(String outTrackId, String templateId, String userId, String robotCode, String callbackType,
            Map<String, String> params, Map<String, Map<String, String>> privateData, Instant createdAt) {

        /** What {@code userId} sees of a variable: his private data first, then the card's. */
        public String seenBy(String viewer, String name) {
            Map<String, String> own = privateData.get(viewer);
            return own != null && own.containsKey(name) ? own.get(name) : params.get(name);
        }
    }

    /** An updateCard DingTalk accepted. */
    public record Update(String outTrackId, Map<String, String> params, Map<String, Map<String, String>> privateData,
            Instant at) {
    }

    /** A callback the fake sent and the app's answer. */
    public record Callback(String outTrackId, String userId, String actionId, int status, boolean answeredSuccess) {
    }

    /** An answer of the card API: HTTP status and body. */
    record Answer(int status, Map<String, Object> body) {
    }

    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    // guarded by this
    private final Map<String, Card> cards = new LinkedHashMap<>();
    private final List<Update> updates = new ArrayList<>();
    private final List<Callback> callbacks = new ArrayList<>();
    private Set<String> templates = Set.of();
    private String robotCode = "";
    private String callbackUrl;
    private String token;
    private String aesKey;
    private String appKey = "";

    FakeCards(Clock clock) {
        this.clock = clock;
    }

    /**
     * The templates published in the fake's card platform and the robot that may deliver
     * cards; the app's HTTP callback (URL, token, aes key and the app key it is for).
     */
    public synchronized void configure(Set<String> publishedTemplates, String robot, String url, String callbackToken,
            String callbackAesKey, String app) {
        this.templates = Set.copyOf(publishedTemplates);
        this.robotCode = robot;
        this.callbackUrl = url;
        this.token = callbackToken;
        this.aesKey = callbackAesKey;
        this.appKey = app;
    }

    /** The app's callback URL, once known (the app's port is chosen at its start). */
    public synchronized void callbackUrl(String url) {
        this.callbackUrl = url;
    }

    /** The cards delivered to one person, newest first. */
    public synchronized List<Card> cards(String userId) {
        List<Card> mine = new ArrayList<>();
        for (Card card : cards.values()) {
            if (card.userId().equals(userId)) {
                mine.add(0, copy(card));
            }
        }
        return mine;
    }

    /** Every card, oldest first. */
    public synchronized List<Card> all() {
        return cards.values().stream().map(FakeCards::copy).toList();
    }

    /** One card as it is now, or null. */
    public synchronized Card card(String outTrackId) {
        Card card = cards.get(outTrackId);
        return card == null ? null : copy(card);
    }

    /** The updates of one card, oldest first. */
    public synchronized List<Update> updates(String outTrackId) {
        return updates.stream().filter(u -> u.outTrackId().equals(outTrackId)).toList();
    }

    /** The callbacks sent, oldest first. */
    public synchronized List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    public synchronized void reset() {
        cards.clear();
        updates.clear();
        callbacks.clear();
    }

    // ---- the API ----------------------------------------------------------------------

    Answer createAndDeliver(JsonNode request) {
        if (request == null) {
            return error(400, "param.invalid", "请求体不是JSON");
        }
        String templateId = request.path("cardTemplateId").asText("");
        String outTrackId = request.path("outTrackId").asText("");
        String openSpaceId = request.path("openSpaceId").asText("");
        String callbackType = request.path("callbackType").asText("");
        JsonNode deliver = request.path("imRobotOpenDeliverModel");
        Map<String, String> params;
        try {
            params = strings(request.path("cardData").path("cardParamMap"));
        } catch (IllegalArgumentException e) {
            return error(400, "param.invalid", e.getMessage());
        }
        synchronized (this) {
            if (!templates.contains(templateId)) {
                return error(400, "param.templateNotExist", "卡片模板不存在或未发布: " + templateId);
            }
            if (outTrackId.isBlank() || outTrackId.length() > 128) {
                return error(400, "param.invalid", "outTrackId");
            }
            if (cards.containsKey(outTrackId)) {
                return error(400, "param.cardAlreadyExist", "卡片已存在");
            }
            if (!openSpaceId.startsWith("dtv1.card//IM_ROBOT.") || openSpaceId.length() == 20) {
                return error(400, "param.invalid", "openSpaceId");
            }
            if (!"IM_ROBOT".equals(deliver.path("spaceType").asText())
                    || !robotCode.equals(deliver.path("robotCode").asText())) {
                return error(400, "param.invalid", "imRobotOpenDeliverModel");
            }
            if (!"STREAM".equals(callbackType) && !"HTTP".equals(callbackType)) {
                return error(400, "param.invalid", "callbackType");
            }
            String userId = openSpaceId.substring("dtv1.card//IM_ROBOT.".length());
            cards.put(outTrackId, new Card(outTrackId, templateId, userId, robotCode, callbackType,
                    new LinkedHashMap<>(params), new LinkedHashMap<>(), clock.instant()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("result", Map.of("outTrackId", outTrackId, "deliverResults",
                List.of(Map.of("spaceType", "IM_ROBOT", "success", true))));
        return new Answer(200, body);
    }

    Answer updateCard(JsonNode request) {
        if (request == null) {
            return error(400, "param.invalid", "请求体不是JSON");
        }
        String outTrackId = request.path("outTrackId").asText("");
        Map<String, String> params;
        Map<String, Map<String, String>> privateData = new LinkedHashMap<>();
        try {
            params = strings(request.path("cardData").path("cardParamMap"));
            request.path("privateData").fields()
                    .forEachRemaining(e -> privateData.put(e.getKey(), strings(e.getValue().path("cardParamMap"))));
        } catch (IllegalArgumentException e) {
            return error(400, "param.invalid", e.getMessage());
        }
        synchronized (this) {
            Card card = cards.get(outTrackId);
            if (card == null) {
                return error(400, "param.cardNotExist", "卡片不存在: " + outTrackId);
            }
            card.params().putAll(params);
            privateData.forEach((user, values) -> card.privateData().computeIfAbsent(user, u -> new LinkedHashMap<>())
                    .putAll(values));
            updates.add(new Update(outTrackId, Map.copyOf(params), Map.copyOf(privateData), clock.instant()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("success", true);
        body.put("result", true);
        return new Answer(200, body);
    }

    static Answer error(int status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestid", Long.toHexString(System.nanoTime()));
        body.put("code", code);
        body.put("message", message);
        return new Answer(status, body);
    }

    private static Map<String, String> strings(JsonNode map) {
        Map<String, String> values = new LinkedHashMap<>();
        if (map == null || map.isMissingNode() || map.isNull()) {
            return values;
        }
        if (!map.isObject()) {
            throw new IllegalArgumentException("cardParamMap 应为对象");
        }
        map.fields().forEachRemaining(e -> {
            if (!e.getValue().isTextual()) {
                throw new IllegalArgumentException("cardParamMap." + e.getKey() + " 应为字符串");
            }
            if (e.getValue().asText().getBytes(StandardCharsets.UTF_8).length > MAX_VALUE_BYTES) {
                throw new IllegalArgumentException("cardParamMap." + e.getKey() + " 超过 1KB");
            }
            values.put(e.getKey(), e.getValue().asText());
        });
        return values;
    }

    private static Card copy(Card card) {
        Map<String, Map<String, String>> privateData = new LinkedHashMap<>();
        card.privateData().forEach((user, values) -> privateData.put(user, Map.copyOf(values)));
        return new Card(card.outTrackId(), card.templateId(), card.userId(), card.robotCode(), card.callbackType(),
                Map.copyOf(card.params()), Map.copyOf(privateData), card.createdAt());
    }

    // ---- presses ----------------------------------------------------------------------

    /**
     * A press of a card's button by {@code userId}, sent to the app's HTTP callback as DingTalk
     * sends it (encrypted, signed); returns the HTTP status of the app's answer.
     */
    public int press(String outTrackId, String userId, String actionId, Map<String, String> params) {
        return send(null, outTrackId, userId, actionId, params, true);
    }

    /**
     * The same press sent to another URL than the configured one (DingTalk's load balancer
     * handing callbacks to one node or another); throws when nothing answers there.
     */
    public int pressAt(String url, String outTrackId, String userId, String actionId, Map<String, String> params) {
        return send(url, outTrackId, userId, actionId, params, true);
    }

    /** The same callback, but signed with a wrong token: the app must refuse it. */
    public int pressWronglySigned(String outTrackId, String userId, String actionId, Map<String, String> params) {
        return send(null, outTrackId, userId, actionId, params, false);
    }

    private int send(String at, String outTrackId, String userId, String actionId, Map<String, String> params,
            boolean rightly) {
        String url;
        CallbackCrypto crypto;
        synchronized (this) {
            if ((at == null && callbackUrl == null) || token == null || aesKey == null) {
                throw new IllegalStateException("The fake's card callback is not configured");
            }
            url = at == null ? callbackUrl : at;
            crypto = new CallbackCrypto(rightly ? token : token + "-wrong", aesKey, appKey);
        }
        Map<String, Object> content = Map.of("cardPrivateData",
                Map.of("actionIds", List.of(actionId), "params", params == null ? Map.of() : params));
        Map<String, Object> callback = new LinkedHashMap<>();
        callback.put("type", "actionCallback");
        callback.put("outTrackId", outTrackId);
        callback.put("corpId", "dingfakecorp");
        callback.put("userId", userId);
        try {
            callback.put("content", JSON.writeValueAsString(content));
            Map<String, String> encrypted = crypto.encrypt(JSON.writeValueAsString(callback), System.currentTimeMillis());
            String query = "msg_signature=" + enc(encrypted.get("msg_signature")) + "&timestamp="
                    + enc(encrypted.get("timeStamp")) + "&nonce=" + enc(encrypted.get("nonce"));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "?" + query))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            JSON.writeValueAsString(Map.of("encrypt", encrypted.get("encrypt")))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            boolean success = answer.statusCode() == 200 && answeredSuccess(answer.body());
            synchronized (this) {
                callbacks.add(new Callback(outTrackId, userId, actionId, answer.statusCode(), success));
            }
            return answer.statusCode();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new IllegalStateException("The app's card callback did not answer: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether the app answered the encrypted "success", signed with the token. */
    private boolean answeredSuccess(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            CallbackCrypto crypto;
            synchronized (this) {
                crypto = new CallbackCrypto(token, aesKey, appKey);
            }
            return "success".equals(crypto.decrypt(answer.path("msg_signature").asText(null),
                    answer.path("timeStamp").asText(null), answer.path("nonce").asText(null),
                    answer.path("encrypt").asText(null)));
        } catch (IOException | CallbackCrypto.BadCallback e) {
            return false;
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
