package cn.jiandu.intake;

import java.time.Instant;

/**
 * An intake as stored: the complainant's name, phone and id number as ciphertext
 * ({@link cn.jiandu.privacy.PersonalDataCipher}), never in clear.
 */
record Intake(long id, String source, String ticketNo, Instant receivedAt, String content, String nameCipher,
        String phoneCipher, String idNumberCipher, String unitHint, String incidentNo, String caseNo,
        IntakeStatus status, Instant createdAt, String createdBy, Long problemId, String referTo, String triageReason,
        Instant triagedAt, String triagedBy, CallbackStatus callbackStatus, Instant closedAt) {

    @Override
    public String toString() {
        return "Intake[id=" + id + ", source=" + source + ", ticketNo=" + ticketNo + ", status=" + status + "]";
    }
}
