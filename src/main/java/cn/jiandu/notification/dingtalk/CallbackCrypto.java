package cn.jiandu.notification.dingtalk;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * DingTalk's encryption and signature of HTTP callbacks (its DingCallbackCrypto): the body is
 * {@code {"encrypt": E}} with E = base64(AES-256-CBC(key, iv = key[0..16], no padding of the
 * cipher) of 16 random bytes, the message's length (4 bytes, big-endian), the message and the
 * receiver id (the app key), padded PKCS#7-style to 32 bytes)), key = base64(aesKey + "=");
 * the query carries {@code msg_signature} = hex(sha1(token, timestamp, nonce and E sorted and
 * joined)), {@code timestamp} (ms) and {@code nonce}. The answer is the encrypted word
 * "success" in the same shape. Used by the callback endpoint and by the fake DingTalk.
 */
public final class CallbackCrypto {

    private static final int BLOCK = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NONCE_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final String token;
    private final byte[] key;
    private final String receiverId;

    /**
     * @param token the callback's token
     * @param aesKey the 43-character EncodingAESKey
     * @param receiverId the app key (企业内部应用) the messages are for
     */
    public CallbackCrypto(String token, String aesKey, String receiverId) {
        if (token == null || token.isBlank() || aesKey == null || aesKey.length() != 43) {
            throw new IllegalArgumentException("A callback needs a token and a 43-character aes key");
        }
        this.token = token;
        this.key = Base64.getDecoder().decode(aesKey + "=");
        this.receiverId = receiverId == null ? "" : receiverId;
    }

    /** Refused: a wrong signature, a message not for this app or not decryptable. */
    public static final class BadCallback extends Exception {
        public BadCallback(String message) {
            super(message, null, false, false);
        }
    }

    /** The signature of an encrypted message at a timestamp with a nonce. */
    public String signature(String timestamp, String nonce, String encrypt) {
        String[] parts = {token, timestamp, nonce, encrypt};
        Arrays.sort(parts);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(String.join("", parts).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-1 is missing", e);
        }
    }

    /** Checks the signature, decrypts and checks the receiver; returns the message. */
    public String decrypt(String msgSignature, String timestamp, String nonce, String encrypt) throws BadCallback {
        if (msgSignature == null || timestamp == null || nonce == null || encrypt == null) {
            throw new BadCallback("missing signature, timestamp, nonce or encrypt");
        }
        if (!MessageDigest.isEqual(signature(timestamp, nonce, encrypt).getBytes(StandardCharsets.US_ASCII),
                msgSignature.getBytes(StandardCharsets.US_ASCII))) {
            throw new BadCallback("wrong signature");
        }
        byte[] plain;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            plain = cipher.doFinal(Base64.getDecoder().decode(encrypt));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new BadCallback("undecryptable message");
        }
        int pad = plain.length == 0 ? 0 : plain[plain.length - 1] & 0xff;
        if (pad < 1 || pad > BLOCK || plain.length < 20 + pad) {
            throw new BadCallback("bad padding");
        }
        int length = ByteBuffer.wrap(plain, 16, 4).getInt();
        int end = plain.length - pad;
        if (length < 0 || 20 + length > end) {
            throw new BadCallback("bad length");
        }
        String message = new String(plain, 20, length, StandardCharsets.UTF_8);
        String receiver = new String(plain, 20 + length, end - 20 - length, StandardCharsets.UTF_8);
        if (!receiver.equals(receiverId)) {
            throw new BadCallback("message for another app");
        }
        return message;
    }

    /** Encrypts a message as DingTalk does: the JSON fields msg_signature, encrypt, timeStamp, nonce. */
    public Map<String, String> encrypt(String message, long timestampMillis) {
        byte[] random = new byte[16];
        for (int i = 0; i < random.length; i++) {
            random[i] = (byte) NONCE_CHARS.charAt(RANDOM.nextInt(NONCE_CHARS.length()));
        }
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] receiver = receiverId.getBytes(StandardCharsets.UTF_8);
        int unpadded = 20 + text.length + receiver.length;
        int pad = BLOCK - unpadded % BLOCK;
        ByteBuffer buffer = ByteBuffer.allocate(unpadded + pad);
        buffer.put(random).putInt(text.length).put(text).put(receiver);
        for (int i = 0; i < pad; i++) {
            buffer.put((byte) pad);
        }
        String encrypt;
        try {
            Cipher cipher = Cipher.getInstance("AES/CBC/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(key, 0, 16));
            encrypt = Base64.getEncoder().encodeToString(cipher.doFinal(buffer.array()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES is missing", e);
        }
        String timestamp = String.valueOf(timestampMillis);
        String nonce = nonce();
        Map<String, String> answer = new LinkedHashMap<>();
        answer.put("msg_signature", signature(timestamp, nonce, encrypt));
        answer.put("encrypt", encrypt);
        answer.put("timeStamp", timestamp);
        answer.put("nonce", nonce);
        return answer;
    }

    private static String nonce() {
        StringBuilder nonce = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            nonce.append(NONCE_CHARS.charAt(RANDOM.nextInt(NONCE_CHARS.length())));
        }
        return nonce.toString();
    }
}
