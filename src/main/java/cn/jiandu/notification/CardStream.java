package cn.jiandu.notification;

import java.util.Map;

import com.dingtalk.open.app.api.OpenDingTalkClient;
import com.dingtalk.open.app.api.OpenDingTalkStreamClientBuilder;
import com.dingtalk.open.app.api.callback.OpenDingTalkCallbackListener;
import com.dingtalk.open.app.api.security.AuthClientCredential;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;

import cn.jiandu.notification.dingtalk.DingTalkCardProperties;
import cn.jiandu.notification.dingtalk.DingTalkProperties;

/**
 * Card callbacks over DingTalk's Stream (jiandu.dingtalk.callback.mode=STREAM, the default):
 * the official client (com.dingtalk.open:dingtalk-stream) opens a connection to DingTalk and
 * receives the topic {@value #TOPIC}; each callback goes to the same handler as HTTP's and is
 * answered at once. Started only when the app is configured, a card template is set and the
 * fake DingTalk is not in use (the client's gateway host is DingTalk's, fixed inside the
 * client: it cannot be pointed at the fake). Every node may connect: DingTalk hands each
 * callback to one of the connected clients, and the stored press is de-duplicated anyway.
 */
@Component
class CardStream {

    static final String TOPIC = "/v1.0/card/instances/callback";
    private static final Logger log = LoggerFactory.getLogger(CardStream.class);

    private final CardCallbacks callbacks;
    private final DingTalkProperties dingtalk;
    private final DingTalkCardProperties cards;
    private final ObjectMapper json;
    private volatile OpenDingTalkClient client;

    CardStream(CardCallbacks callbacks, DingTalkProperties dingtalk, DingTalkCardProperties cards, ObjectMapper json) {
        this.callbacks = callbacks;
        this.dingtalk = dingtalk;
        this.cards = cards;
        this.json = json;
    }

    /** Whether this node should open the Stream connection. */
    boolean wanted() {
        return cards.callback().mode() == DingTalkCardProperties.Mode.STREAM && dingtalk.appConfigured()
                && !dingtalk.fake().enabled() && !cards.cards().isEmpty();
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        if (!wanted()) {
            return;
        }
        try {
            OpenDingTalkClient started = OpenDingTalkStreamClientBuilder.custom()
                    .credential(new AuthClientCredential(dingtalk.appKey(), dingtalk.appSecret()))
                    .registerCallbackListener(TOPIC, new Listener(this)).build();
            started.start();
            client = started;
            log.info("DingTalk Stream connected for card callbacks ({})", TOPIC);
        } catch (Exception e) {
            // the client reconnects by itself once started; a failure to start is logged, cards still go out
            log.error("DingTalk Stream for card callbacks could not start: {}", e.toString());
        }
    }

    /** One callback from the Stream: stored at once, answered with an empty object (no card change). */
    Map<String, Object> handle(Map<String, Object> callback) {
        JsonNode node = json.valueToTree(callback);
        callbacks.receive(node, CardCallbacks.Transport.STREAM);
        return Map.of();
    }

    @PreDestroy
    void stop() {
        OpenDingTalkClient running = client;
        if (running != null) {
            try {
                running.stop();
            } catch (Exception e) {
                log.debug("DingTalk Stream stop: {}", e.toString());
            }
        }
    }

    /** A named class, so that the client reads the request's type (a map) from its generic signature. */
    static final class Listener implements OpenDingTalkCallbackListener<Map<String, Object>, Map<String, Object>> {
        private static final long serialVersionUID = 1L;
        private final transient CardStream stream;

        Listener(CardStream stream) {
            this.stream = stream;
        }

        @Override
        public Map<String, Object> execute(Map<String, Object> callback) {
            return stream.handle(callback);
        }
    }
}
