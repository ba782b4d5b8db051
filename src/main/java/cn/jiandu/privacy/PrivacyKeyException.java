package cn.jiandu.privacy;

/**
 * The personal-data key is missing or unusable: the app refuses to start. The message says
 * what is wrong and never contains the key.
 */
public class PrivacyKeyException extends IllegalStateException {

    /** What the start-up failure report tells the operator to do. */
    static final String ACTION = "Set jiandu.privacy.key (environment variable JIANDU_PRIVACY_KEY) to the base64 of"
            + " 32 random bytes, made once with `openssl rand -base64 32` and kept with the database's backups:"
            + " data encrypted with a lost key cannot be read again. The demo profile (application-demo.yaml)"
            + " carries a demo-only key; never use it, or a test key, in production.";

    PrivacyKeyException(String problem) {
        super(problem + ". " + ACTION);
    }
}
