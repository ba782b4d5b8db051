package cn.jiandu.notification.dingtalk;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature of a custom group robot (加签): {@code urlencode(base64(HmacSHA256(key = secret,
 * data = timestamp + "\n" + secret)))}, URL-encoded exactly once: DingTalk decodes the query
 * once, so an encoded {@code %2B} that is encoded again ({@code %252B}) fails as "sign not match".
 */
public final class RobotSigner {

    private RobotSigner() {
    }

    /**
     * The value of the {@code sign} query parameter, ready to put in the URL as it is.
     *
     * @param secret the robot's secret (SEC…)
     * @param timestampMillis epoch milliseconds, the same value sent as {@code timestamp}
     */
    public static String sign(String secret, long timestampMillis) {
        return URLEncoder.encode(signature(secret, timestampMillis), StandardCharsets.UTF_8);
    }

    /** The Base64 signature before URL encoding, as DingTalk compares it after decoding the query. */
    public static String signature(String secret, long timestampMillis) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("A robot secret is needed to sign");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
