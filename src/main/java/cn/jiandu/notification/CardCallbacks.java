package cn.jiandu.notification;

import java.time.Clock;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * The one handler of card callbacks, whatever brought them (Stream or HTTP): it reads the
 * press ({@code outTrackId}, {@code userId}, {@code content.cardPrivateData.actionIds/params}),
 * stores it once in dingtalk_card_action and answers at once; the work is done after by
 * {@link CardActionWorker}. DingTalk wants an answer within 2 s and may send the same callback
 * twice: a press already stored (the same card, user and action) is answered and changes
 * nothing. A press on a card Jiandu did not send, or of a button its kind does not have, is
 * answered and dropped.
 */
@Service
public class CardCallbacks {

    private static final Logger log = LoggerFactory.getLogger(CardCallbacks.class);
    private static final int MAX_PARAMS = 3900;

    /** How the callback came. */
    public enum Transport { STREAM, HTTP }

    /** What became of a callback. */
    public enum Received {
        /** Stored for the worker. */
        STORED,
        /** The same press was stored before: nothing more. */
        DUPLICATE,
        /** Not a press on a card of Jiandu: dropped. */
        IGNORED
    }

    /** A press, as read from a callback. */
    public record Press(String outTrackId, String userId, String actionId, Map<String, String> params) {
    }

    private final CardMapper cards;
    private final ObjectMapper json;
    private final Clock clock;

    CardCallbacks(CardMapper cards, ObjectMapper json, Clock clock) {
        this.cards = cards;
        this.json = json;
        this.clock = clock;
    }

    /** Stores a callback's press once; never does the press's work. */
    public Received receive(JsonNode callback, Transport transport) {
        Optional<Press> parsed = parse(callback, json);
        if (parsed.isEmpty()) {
            log.warn("A card callback over {} without outTrackId, userId or action: dropped", transport);
            return Received.IGNORED;
        }
        Press press = parsed.get();
        CardMapper.Card card = cards.card(press.outTrackId());
        Optional<CardKind> kind = card == null ? Optional.empty() : CardKind.named(card.kind());
        if (kind.isEmpty() || !kind.get().buttons().containsKey(press.actionId())) {
            log.warn("A card callback over {} for an unknown card or button ({}): dropped", transport,
                    press.actionId());
            return Received.IGNORED;
        }
        Map<String, String> params = new LinkedHashMap<>();
        String textParam = kind.get().buttons().get(press.actionId()).textParam();
        if (textParam != null) {
            String text = press.params().get(textParam);
            if (text == null || text.isBlank()) {
                // not stored, so that the person can press again with the text filled in
                log.info("A card press of {} without its text over {}: not stored", press.actionId(), transport);
                return Received.IGNORED;
            }
            params.put(textParam, text);
        }
        String stored;
        try {
            stored = json.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        if (stored.length() > MAX_PARAMS) {
            log.warn("A card callback over {} with {} characters of input: dropped", transport, stored.length());
            return Received.IGNORED;
        }
        try {
            int inserted = cards.insertAction(press.outTrackId(), press.userId(), press.actionId(), stored,
                    transport.name(), clock.instant());
            return inserted == 1 ? Received.STORED : Received.DUPLICATE;
        } catch (DuplicateKeyException e) {
            return Received.DUPLICATE; // the same callback stored by another node at the same moment
        }
    }

    /** Reads a callback: {@code content} is a JSON string (or an object) with cardPrivateData. */
    static Optional<Press> parse(JsonNode callback, ObjectMapper json) {
        if (callback == null || !callback.isObject()) {
            return Optional.empty();
        }
        String outTrackId = callback.path("outTrackId").asText("");
        String userId = callback.path("userId").asText("");
        JsonNode content = callback.path("content");
        if (content.isTextual()) {
            try {
                content = json.readTree(content.asText());
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
        JsonNode data = content == null ? null : content.path("cardPrivateData");
        String actionId = data == null ? "" : data.path("actionIds").path(0).asText("");
        if (outTrackId.isBlank() || outTrackId.length() > 128 || userId.isBlank() || userId.length() > 64
                || actionId.isBlank() || actionId.length() > 64) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode given = data.path("params");
        for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getValue().isValueNode()) {
                params.put(entry.getKey(), entry.getValue().asText());
            }
        }
        return Optional.of(new Press(outTrackId, userId, actionId, params));
    }
}
