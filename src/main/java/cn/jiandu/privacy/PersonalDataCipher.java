package cn.jiandu.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * Encryption at rest of the public's personal data (a complainant's name, phone, id number)
 * and its blind index.
 * <ul>
 * <li>{@link #encrypt}: AES-256-GCM with a fresh random 12-byte IV per value, stored as
 * {@code v1:} + base64(IV ‖ ciphertext ‖ 16-byte tag); the same value encrypts differently
 * every time. {@link #decrypt} of anything altered or encrypted with another key throws
 * {@link UnreadablePersonalDataException}, never a wrong value.</li>
 * <li>{@link #blindIndex}: HMAC-SHA256 of the value, base64url (43 characters): the same value
 * always gives the same index under one key, so a phone can be looked up or de-duplicated
 * without being stored in clear. Callers index the canonical form (e.g.
 * {@link ChinesePhone#canonical}).</li>
 * </ul>
 * Both keys are derived from {@code jiandu.privacy.key} (32 random bytes, base64) with
 * HKDF-Expand (RFC 5869; the configured key, uniformly random, is the pseudo-random key),
 * one label each, so the encryption key and the index key are independent. Without a key,
 * or with one that is not 32 bytes, the bean cannot be made and the app does not start
 * ({@link PrivacyKeyException}). Nothing here logs a value or the key.
 */
@Component
public class PersonalDataCipher {

    static final String VERSION = "v1:";
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int KEY_BYTES = 32;
    private static final byte[] AAD = "jiandu-personal-data-v1".getBytes(StandardCharsets.US_ASCII);
    private static final String ENCRYPTION_LABEL = "jiandu-privacy-v1-encryption";
    private static final String INDEX_LABEL = "jiandu-privacy-v1-blind-index";

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec indexKey;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(PrivacyProperties properties) {
        byte[] master = parseKey(properties.key());
        try {
            encryptionKey = new SecretKeySpec(hkdfExpand(master, ENCRYPTION_LABEL), "AES");
            indexKey = new SecretKeySpec(hkdfExpand(master, INDEX_LABEL), "HmacSHA256");
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    /** The key's bytes, or why it is refused (the message never contains the key). */
    static byte[] parseKey(String key) {
        if (key == null || key.isBlank()) {
            throw new PrivacyKeyException("No personal-data key: jiandu.privacy.key (JIANDU_PRIVACY_KEY) is not set");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new PrivacyKeyException("The personal-data key jiandu.privacy.key (JIANDU_PRIVACY_KEY) is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new PrivacyKeyException("The personal-data key jiandu.privacy.key (JIANDU_PRIVACY_KEY) is "
                    + length + " bytes long, AES-256 needs exactly " + KEY_BYTES);
        }
        return bytes;
    }

    /** {@code v1:} + base64(IV ‖ ciphertext ‖ tag); null stays null. */
    public String encrypt(String plain) {
        if (plain == null) {
            return null;
        }
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(AAD);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
            return VERSION + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /**
     * The value {@link #encrypt} was given; null stays null.
     *
     * @throws UnreadablePersonalDataException altered, not ours, or encrypted with another key
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(VERSION)) {
            throw new UnreadablePersonalDataException("not a v1 ciphertext");
        }
        byte[] data;
        try {
            data = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        } catch (IllegalArgumentException e) {
            throw new UnreadablePersonalDataException("not base64");
        }
        if (data.length < IV_BYTES + TAG_BITS / 8) {
            throw new UnreadablePersonalDataException("too short");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, data, 0, IV_BYTES));
            cipher.updateAAD(AAD);
            byte[] plain = cipher.doFinal(data, IV_BYTES, data.length - IV_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new UnreadablePersonalDataException("altered, or encrypted with another key", e);
        } catch (GeneralSecurityException e) {
            throw new UnreadablePersonalDataException("invalid ciphertext", e);
        }
    }

    /** HMAC-SHA256 of the value under the index key, base64url without padding; null stays null. */
    public String blindIndex(String value) {
        if (value == null) {
            return null;
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(indexKey);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** HKDF-Expand (RFC 5869) of one 32-byte block: HMAC-SHA256(prk, info ‖ 0x01). */
    private static byte[] hkdfExpand(byte[] prk, String info) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(prk, "HmacSHA256"));
            mac.update(info.getBytes(StandardCharsets.US_ASCII));
            mac.update((byte) 1);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[AES-256-GCM v1]";
    }
}
