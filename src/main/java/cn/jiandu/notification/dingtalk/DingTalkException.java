package cn.jiandu.notification.dingtalk;

import java.util.Set;

/**
 * A call to DingTalk failed. DingTalk answers HTTP 200 with an {@code errcode}, so most
 * failures carry one; a transport failure (timeout, connection, HTTP 5xx) carries none.
 * {@link #retryable()} tells a dispatcher whether the same message may succeed later.
 */
public class DingTalkException extends RuntimeException {

    /** Busy (-1), too fast (130101, 410100) and throttled (90018, 90006, 90002): wait and try again. */
    private static final Set<Integer> RETRYABLE = Set.of(-1, 130101, 410100, 90018, 90006, 90002);

    /**
     * Invalid (40014, 40001) or expired (42001) access token. The client already renewed the
     * token and tried once more; a later attempt renews it again, so these are retryable too.
     */
    private static final Set<Integer> TOKEN = Set.of(40014, 42001, 40001);

    private final Integer errcode;
    private final boolean retryable;

    public DingTalkException(String message, Integer errcode, boolean retryable) {
        this(message, errcode, retryable, null);
    }

    public DingTalkException(String message, Integer errcode, boolean retryable, Throwable cause) {
        super(message, cause);
        this.errcode = errcode;
        this.retryable = retryable;
    }

    /** DingTalk's error code; null for a transport failure (no answer, or not DingTalk's). */
    public Integer errcode() {
        return errcode;
    }

    /**
     * True when the same message may go through later: HTTP 5xx, timeouts and I/O errors,
     * busy, too fast, throttled, token trouble. False for what will fail again unchanged:
     * security check (310000), bad robot token or disabled robot (400101, 400102), group
     * dissolved (400013), bad message type (400105), bad parameters (40035), quota used up,
     * and any code not known to be transient.
     */
    public boolean retryable() {
        return retryable;
    }

    /** The exception for an answer whose errcode is not 0. */
    static DingTalkException ofErrcode(String api, int errcode, String errmsg) {
        return new DingTalkException("DingTalk " + api + " failed: errcode " + errcode + " (" + errmsg + ")", errcode,
                isRetryable(errcode));
    }

    static boolean isRetryable(int errcode) {
        return RETRYABLE.contains(errcode) || TOKEN.contains(errcode);
    }

    static boolean isTokenError(int errcode) {
        return TOKEN.contains(errcode);
    }
}
