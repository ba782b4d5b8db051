package cn.jiandu;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

import cn.jiandu.privacy.PersonalDataCipher;

/**
 * Tickets (intake) and their calls (intake_callback) written straight into the tables, as the
 * triage and call-back process would have left them: for the tests of the figures counted
 * over them (GET /api/stats/intake, the reports, the dashboard). Each ticket's complainant is
 * {@link #COMPLAINANT} with {@link #PHONE}, encrypted as the intake stores them (the listing
 * of /api/intake decrypts them), which no figure may ever show.
 */
final class IntakeRows {

    /** Every ticket's complainant, and his phone. */
    static final String COMPLAINANT = "柯回访";
    static final String PHONE = "13912345678";

    private final JdbcTemplate jdbc;
    private final PersonalDataCipher cipher;

    IntakeRows(JdbcTemplate jdbc, PersonalDataCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** A channel of its own (ref_source), so that no other test's tickets are counted in it. */
    String channel(String code, String name, int sortOrder) {
        jdbc.update("INSERT INTO ref_source (code, name, sort_order, kind, active, callback) VALUES (?, ?, ?, ?, ?, ?)",
                code, name, sortOrder, "HOTLINE", true, true);
        return code;
    }

    /**
     * A ticket received at {@code received}, with its triage status, linked problem (or null),
     * callback_status and when it was closed (or null); its id.
     */
    long ticket(String source, String ticketNo, Instant received, String status, Long problemId,
            String callbackStatus, Instant closed) {
        jdbc.update("INSERT INTO intake (source, ticket_no, received_at, content, status, created_at, created_by,"
                + " problem_id, callback_status, closed_at, complainant_name, complainant_phone)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                source, ticketNo, Timestamp.from(received), "群众反映的诉求内容", status, Timestamp.from(received), "it",
                problemId, callbackStatus, closed == null ? null : Timestamp.from(closed), cipher.encrypt(COMPLAINANT),
                cipher.encrypt(PHONE));
        return jdbc.queryForObject("SELECT id FROM intake WHERE source = ? AND ticket_no = ?", Long.class, source,
                ticketNo);
    }

    /** A call back of the ticket at {@code at} with its outcome (SATISFIED … UNREACHABLE). */
    void call(long intakeId, int round, int attempt, String outcome, Instant at) {
        jdbc.update("INSERT INTO intake_callback (intake_id, round_no, attempt, outcome, called_at, called_by, task_id)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", intakeId, round, attempt, outcome, Timestamp.from(at), "it",
                "it-" + UUID.randomUUID());
    }
}
