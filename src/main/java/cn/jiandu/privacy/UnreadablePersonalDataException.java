package cn.jiandu.privacy;

/**
 * A stored value that cannot be decrypted: altered, truncated, not written by
 * {@link PersonalDataCipher}, or encrypted with another key. Its message never contains the value.
 */
public class UnreadablePersonalDataException extends RuntimeException {

    UnreadablePersonalDataException(String reason) {
        super("Personal data cannot be decrypted: " + reason);
    }

    UnreadablePersonalDataException(String reason, Throwable cause) {
        super("Personal data cannot be decrypted: " + reason, cause);
    }
}
