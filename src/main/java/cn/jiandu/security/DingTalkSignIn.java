package cn.jiandu.security;

/**
 * 免登 (no-password login inside DingTalk), as the login needs it: the settings the page gives
 * dd.requestAuthCode, and who an auth code belongs to. Implemented above security (it needs
 * DingTalk and the organisation); {@link DingTalkLogin} starts the session.
 */
public interface DingTalkSignIn {

    /** The organisation's CorpId (jiandu.dingtalk.corp-id); empty when not configured. */
    String corpId();

    /** The app's clientId (its AppKey, jiandu.dingtalk.app-key); empty when not configured. */
    String clientId();

    /**
     * The user id (警号) of the one active officer whose DingTalk account the auth code was
     * issued to, after DingTalk took the code (once, within 5 minutes).
     *
     * @throws Refused with the reason when there is no such officer or DingTalk does not say who
     */
    String userIdFor(String authCode);

    /** Why 免登 did not log anybody in. */
    enum Reason {
        /** No code was posted (HTTP 400). */
        MISSING_CODE,
        /** DingTalk does not know the code: used, older than 5 minutes, or made up (HTTP 401). */
        INVALID_CODE,
        /** The DingTalk account is no active officer's (HTTP 403). */
        NOT_AN_OFFICER,
        /** DingTalk could not be reached or was busy (HTTP 503). */
        DINGTALK_UNAVAILABLE,
        /** DingTalk refused the app's request, e.g. a missing permission (HTTP 503). */
        DINGTALK_REFUSED,
        /** CorpId, AppKey or AppSecret are not set (HTTP 503). */
        NOT_CONFIGURED
    }

    /** 免登 refused; the message is for the log and never carries the code. */
    final class Refused extends RuntimeException {

        private final Reason reason;

        public Refused(Reason reason, String message) {
            this(reason, message, null);
        }

        public Refused(Reason reason, String message, Throwable cause) {
            super(message, cause);
            this.reason = reason;
        }

        public Reason reason() {
            return reason;
        }
    }
}
