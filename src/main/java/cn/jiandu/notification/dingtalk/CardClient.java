package cn.jiandu.notification.dingtalk;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.aliyun.dingtalkcard_1_0.Client;
import com.aliyun.dingtalkcard_1_0.models.CreateAndDeliverHeaders;
import com.aliyun.dingtalkcard_1_0.models.CreateAndDeliverRequest;
import com.aliyun.dingtalkcard_1_0.models.PrivateDataValue;
import com.aliyun.dingtalkcard_1_0.models.UpdateCardHeaders;
import com.aliyun.dingtalkcard_1_0.models.UpdateCardRequest;
import com.aliyun.tea.TeaException;
import com.aliyun.teautil.models.RuntimeOptions;

/**
 * Interactive cards (互动卡片) through the official SDK (dingtalkcard_1_0, permission
 * Card.Instance.Write): createAndDeliver into a person's chat with the app's robot (IM_ROBOT)
 * and updateCard. Each metered call is one method of its own. A card whose outTrackId DingTalk
 * knows already ({@code param.cardAlreadyExist}: an earlier try was delivered, its answer lost)
 * counts as delivered, so a retried send never makes a second card.
 */
@Component
public class CardClient {

    private final ApiPace pace;

    /** DingTalk's answer to a reused outTrackId. */
    public static final String CARD_ALREADY_EXIST = "param.cardAlreadyExist";

    private final Client client;
    private final AccessTokens tokens;
    private final DingTalkCardProperties cards;
    private final int timeoutMillis;

    CardClient(DingTalkProperties properties, DingTalkCardProperties cards, DingTalkEndpoints endpoints, Clock clock,
            ApiPace pace) {
        this.pace = pace;
        this.cards = cards;
        this.timeoutMillis = Math.toIntExact(properties.timeout().toMillis());
        try {
            this.client = new Client(SdkTokenSource.config(endpoints.apiBaseUrl(), timeoutMillis));
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create DingTalk's card SDK client", e);
        }
        this.tokens = new AccessTokens(new SdkTokenSource(endpoints.apiBaseUrl(), properties.appKey(),
                properties.appSecret(), properties.timeout(), clock), clock, properties.tokenRenewBefore());
    }

    /**
     * Creates and delivers one card to one person's chat with the app's robot.
     *
     * @param templateId the published card template
     * @param outTrackId the card's id, unique: the same id again is taken as delivered
     * @param userId the person's DingTalk userId
     * @param params the card's variables (strings, each at most 1 KB)
     */
    public void createAndDeliver(String templateId, String outTrackId, String userId, Map<String, String> params) {
        CreateAndDeliverRequest request = new CreateAndDeliverRequest().setCardTemplateId(templateId)
                .setOutTrackId(outTrackId).setCallbackType(cards.callback().mode().name())
                .setOpenSpaceId("dtv1.card//IM_ROBOT." + userId).setUserIdType(1)
                .setCardData(new CreateAndDeliverRequest.CreateAndDeliverRequestCardData().setCardParamMap(params))
                .setImRobotOpenSpaceModel(new CreateAndDeliverRequest.CreateAndDeliverRequestImRobotOpenSpaceModel()
                        .setSupportForward(false))
                .setImRobotOpenDeliverModel(new CreateAndDeliverRequest.CreateAndDeliverRequestImRobotOpenDeliverModel()
                        .setSpaceType("IM_ROBOT").setRobotCode(cards.effectiveRobotCode()));
        call("createAndDeliver", token -> client.createAndDeliverWithOptions(request,
                new CreateAndDeliverHeaders().setXAcsDingtalkAccessToken(token), runtime()));
    }

    /**
     * Updates a card's variables by key (the others stay), and, if given, one person's own
     * view of it (private data: what only he sees, e.g. that he may not act on it).
     */
    public void updateCard(String outTrackId, Map<String, String> params, String privateUserId,
            Map<String, String> privateParams) {
        UpdateCardRequest request = new UpdateCardRequest().setOutTrackId(outTrackId).setUserIdType(1)
                .setCardUpdateOptions(new UpdateCardRequest.UpdateCardRequestCardUpdateOptions()
                        .setUpdateCardDataByKey(true).setUpdatePrivateDataByKey(true));
        if (params != null && !params.isEmpty()) {
            request.setCardData(new UpdateCardRequest.UpdateCardRequestCardData().setCardParamMap(params));
        }
        if (privateUserId != null && privateParams != null) {
            Map<String, PrivateDataValue> privateData = new HashMap<>();
            privateData.put(privateUserId, new PrivateDataValue().setCardParamMap(privateParams));
            request.setPrivateData(privateData);
        }
        call("updateCard", token -> client.updateCardWithOptions(request,
                new UpdateCardHeaders().setXAcsDingtalkAccessToken(token), runtime()));
    }

    private interface Call {
        Object run(String token) throws Exception;
    }

    /** One call; a refused token is renewed and the call made once more. */
    private void call(String api, Call call) {
        pace.acquire(api);
        for (int attempt = 0; ; attempt++) {
            String token = tokens.get();
            try {
                call.run(token);
                return;
            } catch (TeaException e) {
                Integer status = e.getStatusCode();
                String code = e.getCode();
                if (CARD_ALREADY_EXIST.equals(code)) {
                    return; // delivered by an earlier try whose answer was lost
                }
                if (attempt == 0 && status != null && status == 401) {
                    tokens.invalidate(token);
                    continue;
                }
                // 5xx, 429 and a card not there yet (its creation still queued) are worth another try
                boolean retryable = status == null || status >= 500 || status == 429
                        || code != null && code.contains("NotExist");
                throw new DingTalkException("DingTalk " + api + " failed: HTTP " + status + " " + code + " ("
                        + e.getMessage() + ")", null, retryable, e);
            } catch (DingTalkException e) {
                throw e;
            } catch (Exception e) {
                throw new DingTalkException("DingTalk " + api + " failed: " + e, null, true, e);
            }
        }
    }

    private RuntimeOptions runtime() {
        RuntimeOptions runtime = new RuntimeOptions();
        runtime.setAutoretry(false);
        runtime.setMaxAttempts(1);
        runtime.setConnectTimeout(timeoutMillis);
        runtime.setReadTimeout(timeoutMillis);
        return runtime;
    }
}
