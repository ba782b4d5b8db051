package cn.jiandu.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

class PersonalDataCipherTest {

    /** TEST ONLY: decodes to "jiandu-test-key-only-for-tests!!". */
    static final String TEST_KEY = "amlhbmR1LXRlc3Qta2V5LW9ubHktZm9yLXRlc3RzISE=";
    /** TEST ONLY: another 32-byte key, "another-test-key-not-for-prod!!!". */
    static final String OTHER_TEST_KEY = Base64.getEncoder()
            .encodeToString("another-test-key-not-for-prod!!!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

    private final PersonalDataCipher cipher = new PersonalDataCipher(new PrivacyProperties(TEST_KEY));

    @Test
    void shouldDecryptWhatItEncrypted() {
        for (String value : new String[] {"张三", "13812345678", "11010519491231002X", "", "欧阳娜娜 · 𠀀"}) {
            String stored = cipher.encrypt(value);

            assertThat(stored).startsWith("v1:").doesNotContain(value.isEmpty() ? "\u0000" : value);
            assertThat(cipher.decrypt(stored)).isEqualTo(value);
        }
    }

    @Test
    void shouldStoreOnePrintableStringOfIvCiphertextAndTag() {
        String stored = cipher.encrypt("13812345678");

        assertThat(stored).matches("v1:[A-Za-z0-9+/]+=*");
        byte[] data = Base64.getDecoder().decode(stored.substring(3));
        assertThat(data).hasSize(12 + 11 + 16);
    }

    @Test
    void shouldEncryptTheSameValueDifferentlyEveryTime() {
        assertThat(cipher.encrypt("13812345678")).isNotEqualTo(cipher.encrypt("13812345678"));
    }

    @Test
    void shouldKeepNullNull() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.blindIndex(null)).isNull();
    }

    @Test
    void shouldRefuseATamperedValue() {
        String stored = cipher.encrypt("13812345678");
        byte[] data = Base64.getDecoder().decode(stored.substring(3));
        for (int position : new int[] {0, 12, data.length - 1}) {
            byte[] altered = data.clone();
            altered[position] ^= 1;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(altered);

            assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(UnreadablePersonalDataException.class)
                    .hasMessageContaining("altered").hasMessageNotContaining("13812345678");
        }
    }

    @Test
    void shouldRefuseWhatIsNotItsCiphertext() {
        assertThatThrownBy(() -> cipher.decrypt("13812345678")).isInstanceOf(UnreadablePersonalDataException.class)
                .hasMessageNotContaining("13812345678");
        assertThatThrownBy(() -> cipher.decrypt("v1:not base64!")).isInstanceOf(UnreadablePersonalDataException.class);
        assertThatThrownBy(() -> cipher.decrypt("v1:AAAA")).isInstanceOf(UnreadablePersonalDataException.class)
                .hasMessageContaining("too short");
        String stored = cipher.encrypt("张三");
        assertThatThrownBy(() -> cipher.decrypt(stored.substring(0, stored.length() - 8)))
                .isInstanceOf(UnreadablePersonalDataException.class);
    }

    @Test
    void shouldRefuseAValueEncryptedWithAnotherKey() {
        PersonalDataCipher other = new PersonalDataCipher(new PrivacyProperties(OTHER_TEST_KEY));
        String stored = other.encrypt("13812345678");

        assertThat(other.decrypt(stored)).isEqualTo("13812345678");
        assertThatThrownBy(() -> cipher.decrypt(stored)).isInstanceOf(UnreadablePersonalDataException.class)
                .hasMessageContaining("another key");
    }

    @Test
    void shouldGiveAStableKeyedBlindIndex() {
        PersonalDataCipher again = new PersonalDataCipher(new PrivacyProperties(TEST_KEY));
        PersonalDataCipher other = new PersonalDataCipher(new PrivacyProperties(OTHER_TEST_KEY));

        String index = cipher.blindIndex("13812345678");

        assertThat(index).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("13812345678");
        assertThat(cipher.blindIndex("13812345678")).isEqualTo(index);
        assertThat(again.blindIndex("13812345678")).isEqualTo(index);
        assertThat(cipher.blindIndex("13812345679")).isNotEqualTo(index);
        assertThat(other.blindIndex("13812345678")).isNotEqualTo(index);
    }

    @Test
    void shouldDeriveTheIndexKeyApartFromTheKeyItself() throws Exception {
        // the blind index is not a plain HMAC under the configured key (the keys are derived, one per use)
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(TEST_KEY), "HmacSHA256"));
        String plain = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal("13812345678".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

        assertThat(cipher.blindIndex("13812345678")).isNotEqualTo(plain);
    }

    @Test
    void shouldRefuseAMissingKeyNamingTheSettingAndHowToMakeOne() {
        for (String missing : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> new PersonalDataCipher(new PrivacyProperties(missing)))
                    .isInstanceOf(PrivacyKeyException.class)
                    .hasMessageContaining("jiandu.privacy.key").hasMessageContaining("JIANDU_PRIVACY_KEY")
                    .hasMessageContaining("openssl rand -base64 32");
        }
    }

    @Test
    void shouldRefuseAKeyOfTheWrongLengthWithoutShowingIt() {
        String short16 = Base64.getEncoder().encodeToString(new byte[16]);
        String long48 = Base64.getEncoder().encodeToString(new byte[48]);

        assertThatThrownBy(() -> new PersonalDataCipher(new PrivacyProperties(short16)))
                .isInstanceOf(PrivacyKeyException.class).hasMessageContaining("16 bytes")
                .hasMessageContaining("exactly 32").hasMessageNotContaining(short16);
        assertThatThrownBy(() -> new PersonalDataCipher(new PrivacyProperties(long48)))
                .isInstanceOf(PrivacyKeyException.class).hasMessageContaining("48 bytes");
        assertThatThrownBy(() -> new PersonalDataCipher(new PrivacyProperties("not a key!")))
                .isInstanceOf(PrivacyKeyException.class).hasMessageContaining("not base64")
                .hasMessageNotContaining("not a key!");
    }

    @Test
    void shouldNeverShowTheKeyInItsSettings() {
        assertThat(new PrivacyProperties(TEST_KEY).toString()).doesNotContain(TEST_KEY).contains("******");
        assertThat(cipher.toString()).doesNotContain(TEST_KEY);
    }
}
