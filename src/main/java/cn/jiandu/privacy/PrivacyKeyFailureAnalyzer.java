package cn.jiandu.privacy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a missing or unusable personal-data key into Spring Boot's short "APPLICATION FAILED
 * TO START" report (what is wrong, what to do) instead of a stack trace.
 */
public class PrivacyKeyFailureAnalyzer extends AbstractFailureAnalyzer<PrivacyKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, PrivacyKeyException cause) {
        String message = cause.getMessage();
        String description = message.endsWith(PrivacyKeyException.ACTION)
                ? message.substring(0, message.length() - PrivacyKeyException.ACTION.length()).trim()
                : message;
        return new FailureAnalysis(description, PrivacyKeyException.ACTION, cause);
    }
}
