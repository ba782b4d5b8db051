package cn.jiandu.notification.dingtalk;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * jiandu.dingtalk.* for interactive cards (互动卡片): the published card templates, how DingTalk
 * calls back a button press, and the robot that delivers cards into a person's chat with the
 * app. Kept apart from DingTalkProperties (the same prefix) so that the card settings stand on
 * their own.
 *
 * @param cards card templates by card kind ({@code sign}: 签收, {@code instruction}: 督办批示);
 *        a kind without a template id sends no cards
 * @param callback how button presses come back: Stream (default) or HTTP
 * @param robotCode the app's robot code for delivery into the one-to-one chat (IM_ROBOT);
 *        empty: the app key (an internal app's robot code is its app key)
 * @param appKey the app's key (jiandu.dingtalk.app-key), the default robot code and the
 *        receiver id of HTTP callbacks
 */
@Validated
@ConfigurationProperties("jiandu.dingtalk")
public record DingTalkCardProperties(Map<String, Card> cards, @DefaultValue Callback callback,
        @DefaultValue("") String robotCode, @DefaultValue("") String appKey) {

    public DingTalkCardProperties {
        cards = cards == null ? Map.of() : Map.copyOf(cards);
        callback = callback == null ? new Callback(Mode.STREAM, "", "") : callback;
    }

    /** The published template id of a card kind, or null when that kind is not configured. */
    public String templateId(String kind) {
        Card card = cards.get(kind);
        return card == null || card.templateId() == null || card.templateId().isBlank() ? null : card.templateId();
    }

    /** The robot code cards are delivered with. */
    public String effectiveRobotCode() {
        return robotCode == null || robotCode.isBlank() ? appKey : robotCode;
    }

    @Override
    public String toString() {
        return "DingTalkCardProperties[cards=" + cards + ", callback=" + callback + ", robotCode=" + robotCode + "]";
    }

    /** A card template published in DingTalk's card platform (卡片平台). */
    public record Card(String templateId) {
    }

    /** How DingTalk sends the presses of a card's buttons. */
    public enum Mode {
        /** Over the Stream connection the app opens (no public URL needed). */
        STREAM,
        /** To POST /api/dingtalk/callback, encrypted and signed with token and aes key. */
        HTTP
    }

    /**
     * @param mode STREAM (default) or HTTP
     * @param token the token of HTTP callbacks (the console's 签名 Token), never logged
     * @param aesKey the 43-character EncodingAESKey of HTTP callbacks, never logged
     */
    public record Callback(@DefaultValue("STREAM") Mode mode, @DefaultValue("") String token,
            @DefaultValue("") String aesKey) {

        /** Whether HTTP callbacks can be verified: both token and aes key are set. */
        public boolean httpConfigured() {
            return token != null && !token.isBlank() && aesKey != null && aesKey.length() == 43;
        }

        @Override
        public String toString() {
            return "Callback[mode=" + mode + ", token=" + DingTalkProperties.Robot.mask(token) + ", aesKey="
                    + DingTalkProperties.Robot.mask(aesKey) + "]";
        }
    }
}
