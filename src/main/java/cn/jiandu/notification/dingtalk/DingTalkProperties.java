package cn.jiandu.notification.dingtalk;

import java.time.Duration;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * jiandu.dingtalk.*: the bureau's DingTalk app, its group robots and where DingTalk is.
 *
 * @param oapiBaseUrl the classic API (work notifications, group robots), https://oapi.dingtalk.com
 * @param apiBaseUrl the new API (access tokens, through the official SDK), https://api.dingtalk.com
 * @param appKey the internal app's AppKey (企业内部应用); empty: DingTalk is not configured
 * @param appSecret the internal app's AppSecret, never logged
 * @param agentId the internal app's AgentId, the sender of work notifications (工作通知)
 * @param robots custom group robots (自定义机器人) by name; the bureau group's is {@code bureau}
 * @param timeout connect and answer timeout of every call to DingTalk
 * @param tokenRenewBefore how long before its expiry an access token is renewed
 * @param fake the local fake DingTalk of the demo profile and the tests
 * @param corpId the organisation's CorpId (企业 CorpId), which the 免登 page gives
 *        dd.requestAuthCode; empty: 免登 is not configured
 */
@Validated
@ConfigurationProperties("jiandu.dingtalk")
public record DingTalkProperties(
        @DefaultValue("https://oapi.dingtalk.com") @NotBlank String oapiBaseUrl,
        @DefaultValue("https://api.dingtalk.com") @NotBlank String apiBaseUrl,
        @DefaultValue("") String appKey,
        @DefaultValue("") String appSecret,
        Long agentId,
        Map<String, Robot> robots,
        @DefaultValue("PT10S") @NotNull Duration timeout,
        @DefaultValue("PT5M") @NotNull Duration tokenRenewBefore,
        @DefaultValue Fake fake,
        @DefaultValue("") String corpId) {

    /** The robot that posts to the bureau's group (局机关群). */
    public static final String BUREAU_ROBOT = "bureau";

    @ConstructorBinding
    public DingTalkProperties {
        robots = robots == null ? Map.of() : Map.copyOf(robots);
        fake = fake == null ? new Fake(false, 0) : fake;
        corpId = corpId == null ? "" : corpId.strip();
    }

    /** Without a CorpId (免登 not configured). */
    public DingTalkProperties(String oapiBaseUrl, String apiBaseUrl, String appKey, String appSecret, Long agentId,
            Map<String, Robot> robots, Duration timeout, Duration tokenRenewBefore, Fake fake) {
        this(oapiBaseUrl, apiBaseUrl, appKey, appSecret, agentId, robots, timeout, tokenRenewBefore, fake, "");
    }

    /** Whether 免登 can work: the app's credentials and the organisation's CorpId are there. */
    public boolean loginConfigured() {
        return appConfigured() && !corpId.isEmpty();
    }

    /** Whether the app's credentials are there: without them nothing can be sent to people. */
    public boolean appConfigured() {
        return appKey != null && !appKey.isBlank() && appSecret != null && !appSecret.isBlank() && agentId != null;
    }

    @Override
    public String toString() {
        return "DingTalkProperties[oapiBaseUrl=" + oapiBaseUrl + ", apiBaseUrl=" + apiBaseUrl + ", appKey=" + appKey
                + ", appSecret=" + Robot.mask(appSecret) + ", agentId=" + agentId + ", robots=" + robots
                + ", timeout=" + timeout + ", tokenRenewBefore=" + tokenRenewBefore + ", fake=" + fake + ", corpId=" + corpId + "]";
    }

    /**
     * A custom group robot.
     *
     * @param token the access_token of its webhook URL (whoever has it can post to the group)
     * @param secret its signing secret (加签, SEC…); empty when the robot is not set to sign
     */
    public record Robot(String token, String secret) {

        @Override
        public String toString() {
            return "Robot[token=" + mask(token) + ", secret=" + mask(secret) + "]";
        }

        static String mask(String secret) {
            return secret == null || secret.isEmpty() ? "" : "******";
        }
    }

    /**
     * The local fake DingTalk (FakeDingTalk): demo profile and tests only.
     *
     * @param enabled start it and send everything to it instead of DingTalk
     * @param port its port on 127.0.0.1; 0 picks a free one
     */
    public record Fake(@DefaultValue("false") boolean enabled, @DefaultValue("0") int port) {
    }
}
