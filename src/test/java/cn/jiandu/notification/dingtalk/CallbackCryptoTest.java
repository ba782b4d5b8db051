package cn.jiandu.notification.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CallbackCryptoTest {

    private static final String AES_KEY = Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII)).replace("=", "");
    private final CallbackCrypto crypto = new CallbackCrypto("tok", AES_KEY, "app-key");

    @Test
    void shouldDecryptWhatItEncryptedWithAValidSignature() throws Exception {
        Map<String, String> sent = crypto.encrypt("{\"outTrackId\":\"jd-1\",\"text\":\"签收\"}", 1_700_000_000_000L);

        String message = crypto.decrypt(sent.get("msg_signature"), sent.get("timeStamp"), sent.get("nonce"),
                sent.get("encrypt"));

        assertThat(message).isEqualTo("{\"outTrackId\":\"jd-1\",\"text\":\"签收\"}");
        assertThat(sent.get("timeStamp")).isEqualTo("1700000000000");
        assertThat(Base64.getDecoder().decode(sent.get("encrypt")).length % 32).isZero();
    }

    @Test
    void shouldSignAsSha1OfTheSortedTokenTimestampNonceAndEncrypt() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(("123" + "ENC" + "nonce" + "tok").getBytes(StandardCharsets.UTF_8)));

        assertThat(crypto.signature("123", "nonce", "ENC")).isEqualTo(expected);
    }

    @Test
    void shouldRefuseAWrongSignatureAnotherTokenAndAnotherApp() {
        Map<String, String> sent = crypto.encrypt("success", 1L);
        Map<String, String> otherToken = new CallbackCrypto("other", AES_KEY, "app-key").encrypt("success", 1L);
        Map<String, String> otherApp = new CallbackCrypto("tok", AES_KEY, "other-app").encrypt("success", 1L);

        String signature = sent.get("msg_signature");
        // one hex digit changed (a random signature starts with "0" one time in sixteen)
        String wrong = (signature.charAt(0) == '0' ? "1" : "0") + signature.substring(1);
        assertThatThrownBy(() -> crypto.decrypt(wrong, sent.get("timeStamp"), sent.get("nonce"), sent.get("encrypt")))
                .isInstanceOf(CallbackCrypto.BadCallback.class);
        assertThatThrownBy(() -> crypto.decrypt(otherToken.get("msg_signature"), otherToken.get("timeStamp"),
                otherToken.get("nonce"), otherToken.get("encrypt"))).isInstanceOf(CallbackCrypto.BadCallback.class);
        assertThatThrownBy(() -> crypto.decrypt(otherApp.get("msg_signature"), otherApp.get("timeStamp"),
                otherApp.get("nonce"), otherApp.get("encrypt"))).hasMessageContaining("another app");
        assertThatThrownBy(() -> crypto.decrypt(null, "1", "n", "e")).isInstanceOf(CallbackCrypto.BadCallback.class);
    }
}
