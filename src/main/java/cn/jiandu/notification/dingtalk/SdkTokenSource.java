package cn.jiandu.notification.dingtalk;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import com.aliyun.dingtalkoauth2_1_0.Client;
import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenRequest;
import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenResponse;
import com.aliyun.dingtalkoauth2_1_0.models.GetAccessTokenResponseBody;
import com.aliyun.tea.TeaException;
import com.aliyun.tea.TeaUnretryableException;
import com.aliyun.teaopenapi.models.Config;
import com.aliyun.teautil.models.RuntimeOptions;

/**
 * The app's access token from the official SDK: POST {api}/v1.0/oauth2/accessToken with the
 * app key and secret. The SDK answers errors of the new API by HTTP status (TeaException),
 * not by errcode.
 */
final class SdkTokenSource implements AccessTokens.Source {

    private final Client client;
    private final String appKey;
    private final String appSecret;
    private final int timeoutMillis;
    private final Clock clock;

    SdkTokenSource(String apiBaseUrl, String appKey, String appSecret, Duration timeout, Clock clock) {
        this.appKey = appKey;
        this.appSecret = appSecret;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.clock = clock;
        this.client = newClient(config(apiBaseUrl, timeoutMillis));
    }

    /**
     * The SDK takes a protocol and a host[:port], not a URL: https for DingTalk (set
     * explicitly), http for the local fake.
     */
    static Config config(String apiBaseUrl, int timeoutMillis) {
        URI uri = URI.create(apiBaseUrl);
        if (uri.getScheme() == null || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("jiandu.dingtalk.api-base-url is not an absolute URL: " + apiBaseUrl);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())) {
            throw new IllegalArgumentException("jiandu.dingtalk.api-base-url cannot have a path: " + apiBaseUrl);
        }
        Config config = new Config();
        config.setProtocol(uri.getScheme().toLowerCase(Locale.ROOT));
        config.setEndpoint(uri.getRawAuthority());
        config.setRegionId("central");
        config.setConnectTimeout(timeoutMillis);
        config.setReadTimeout(timeoutMillis);
        return config;
    }

    private static Client newClient(Config config) {
        try {
            return new Client(config);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create DingTalk's SDK client", e);
        }
    }

    @Override
    public AccessTokens.Token fetch() {
        if (appKey == null || appKey.isBlank() || appSecret == null || appSecret.isBlank()) {
            throw new DingTalkException("DingTalk is not configured: set jiandu.dingtalk.app-key and app-secret", null,
                    false);
        }
        Instant before = clock.instant();
        GetAccessTokenResponse response;
        try {
            response = client.getAccessTokenWithOptions(
                    new GetAccessTokenRequest().setAppKey(appKey).setAppSecret(appSecret), Map.of(), runtime());
        } catch (TeaException e) {
            // DingTalk's answer with an HTTP error status: 4xx wrong app key or secret, 5xx theirs
            Integer status = e.getStatusCode();
            boolean retryable = status == null || status >= 500 || status == 429;
            throw new DingTalkException("DingTalk accessToken failed: HTTP " + status + " " + e.getCode() + " ("
                    + e.getMessage() + ")", null, retryable, e);
        } catch (TeaUnretryableException e) {
            // the SDK's name for "no answer" (timeout, connection refused): worth another try later
            throw new DingTalkException("DingTalk accessToken failed: " + rootMessage(e), null, true, e);
        } catch (Exception e) {
            throw new DingTalkException("DingTalk accessToken failed: " + rootMessage(e), null, true, e);
        }
        GetAccessTokenResponseBody body = response == null ? null : response.getBody();
        if (body == null || body.getAccessToken() == null || body.getExpireIn() == null) {
            throw new DingTalkException("DingTalk accessToken answered without a token", null, true);
        }
        return new AccessTokens.Token(body.getAccessToken(), before.plusSeconds(body.getExpireIn()));
    }

    private RuntimeOptions runtime() {
        // no retries inside the SDK: the caller (outbox dispatcher) decides when to try again
        RuntimeOptions runtime = new RuntimeOptions();
        runtime.setAutoretry(false);
        runtime.setMaxAttempts(1);
        runtime.setConnectTimeout(timeoutMillis);
        runtime.setReadTimeout(timeoutMillis);
        return runtime;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
