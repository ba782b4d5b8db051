package cn.jiandu.notification;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jiandu.notification.dingtalk.CardClient;
import cn.jiandu.notification.dingtalk.DingTalkCardProperties;
import cn.jiandu.notification.dingtalk.DingTalkException;
import cn.jiandu.notification.dingtalk.DingTalkQuota;

/**
 * Interactive cards (互动卡片): a card (CARD: createAndDeliver, a reused outTrackId counting as
 * delivered) or its update (CARD_UPD: updateCard), one at a time in the order they were
 * written, so that a card goes before its updates. The body is the JSON {@link Cards} wrote.
 * They wait while the month's quota is used up.
 */
@Component
@Order(6)
class CardSender implements ChannelSender {

    private final CardClient cards;
    private final DingTalkCardProperties settings;
    private final DingTalkQuota quota;
    private final ObjectMapper json;

    CardSender(CardClient cards, DingTalkCardProperties settings, DingTalkQuota quota, ObjectMapper json) {
        this.cards = cards;
        this.settings = settings;
        this.quota = quota;
        this.json = json;
    }

    @Override
    public Set<String> channels() {
        return Set.of(OutboxMessage.CARD, OutboxMessage.CARD_UPDATE);
    }

    @Override
    public boolean waitsForQuota() {
        return true;
    }

    @Override
    public String quotaUsedUp(List<OutboxMessage> group) {
        return "钉钉接口本月额度已用完，互动卡片暂停发送（工作通知照常发送）";
    }

    @Override
    public Outcome send(List<OutboxMessage> group) {
        OutboxMessage message = group.get(0);
        JsonNode body;
        try {
            body = json.readTree(message.body());
        } catch (IOException e) {
            throw new DingTalkException("Unreadable card row: " + e.getMessage(), null, false);
        }
        Map<String, String> params = strings(body.path("params"));
        if (OutboxMessage.CARD.equals(message.channel())) {
            String templateId = settings.templateId(body.path("kind").asText());
            if (templateId == null) {
                throw new DingTalkException("No card template configured for jiandu.dingtalk.cards."
                        + body.path("kind").asText() + ".template-id", null, false);
            }
            quota.count("card.create");
            cards.createAndDeliver(templateId, message.messageKey(), message.recipient(), params);
        } else {
            quota.count("card.update");
            cards.updateCard(message.messageKey(), params, body.path("privateUserId").asText(null),
                    body.has("privateParams") ? strings(body.path("privateParams")) : null);
        }
        return Outcome.sent();
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> map = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }
}
