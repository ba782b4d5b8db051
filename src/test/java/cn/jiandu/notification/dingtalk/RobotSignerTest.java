package cn.jiandu.notification.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

class RobotSignerTest {

    @Test
    void shouldSignTimestampNewlineSecretWithHmacSha256() throws Exception {
        // given a secret and a timestamp, and the signature computed here with javax.crypto
        String secret = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcd";
        long timestamp = 1_767_225_600_000L;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder()
                .encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));

        // when / then
        assertThat(RobotSigner.signature(secret, timestamp)).isEqualTo(expected);
        assertThat(RobotSigner.sign(secret, timestamp)).isEqualTo(URLEncoder.encode(expected, StandardCharsets.UTF_8));
    }

    @Test
    void shouldPercentEncodePlusSlashAndEqualsExactlyOnce() {
        // given a vector computed with openssl:
        // printf '1700000000000\nSECdemo-secret' | openssl dgst -sha256 -hmac SECdemo-secret -binary | base64
        String base64 = "hMcp9tIC+t4YETtvFK+lpdjLr1E/ovXPdM+YDW8K4XM=";

        // when
        String sign = RobotSigner.sign("SECdemo-secret", 1_700_000_000_000L);

        // then
        assertThat(RobotSigner.signature("SECdemo-secret", 1_700_000_000_000L)).isEqualTo(base64);
        assertThat(sign).isEqualTo("hMcp9tIC%2Bt4YETtvFK%2BlpdjLr1E%2FovXPdM%2BYDW8K4XM%3D");
        assertThat(sign).doesNotContain("%25", "+", "/", "=");
        assertThat(URLDecoder.decode(sign, StandardCharsets.UTF_8)).isEqualTo(base64);
    }

    @Test
    void shouldRefuseToSignWithoutSecret() {
        assertThatThrownBy(() -> RobotSigner.sign("", 1L)).isInstanceOf(IllegalArgumentException.class);
    }
}
