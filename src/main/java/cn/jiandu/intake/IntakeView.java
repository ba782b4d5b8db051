package cn.jiandu.intake;

import java.time.OffsetDateTime;

/** An intake as the API shows it, to every role: the complainant masked (脱敏). */
public record IntakeView(long id, IntakeStatus status, String statusLabel, String source, String sourceName,
        String ticketNo, OffsetDateTime receivedAt, String content, Complainant complainant, String unitHint,
        String incidentNo, String caseNo, OffsetDateTime createdAt, String createdBy, Long problemId,
        String referTo, String triageReason, CallbackStatus callbackStatus, String callbackStatusLabel,
        OffsetDateTime closedAt) {

    /** The masked name (张*), phone (138****5678) and id number (1101**********1234); "" when not given. */
    public record Complainant(String name, String phone, String idNumber) {
    }
}
