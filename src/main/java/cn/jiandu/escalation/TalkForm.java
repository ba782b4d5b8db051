package cn.jiandu.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.function.Function;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

import cn.jiandu.problem.Accountability;
import cn.jiandu.problem.NewTalk;
import cn.jiandu.problem.TalkKind;
import cn.jiandu.time.Times;

/**
 * What a completed talk (forms/discipline-talk.form) or interview (forms/leadership-interview.form)
 * says, read from its fields and checked: a bad value is a Chinese {@link FormFieldValidationException}
 * naming the field, and the task stays open.
 *
 * @param measures may be null; accountability null when none was chosen
 */
record TalkForm(TalkKind kind, Instant heldAt, String participants, String record, String measures,
        Accountability accountability) {

    /** The form's keys of one kind of talk and the words its messages use. */
    record Keys(String date, String dateLabel, String participants, String participantsLabel, String record,
            String recordLabel, String measures, String measuresLabel) {
    }

    static final Keys TALK = new Keys(Rectification.TALK_DATE, "谈话日期", Rectification.TALK_TARGETS, "谈话对象",
            Rectification.TALK_RECORD, "谈话记录", Rectification.TALK_MEASURES, "整改要求");
    static final Keys INTERVIEW = new Keys(Rectification.INTERVIEW_DATE, "约谈日期", Rectification.INTERVIEWEES, "约谈对象",
            Rectification.INTERVIEW_RECORD, "约谈记录", Rectification.RECTIFICATION_MEASURES, "整改措施要求");

    /** MariaDB's TIMESTAMP holds 1970 to 2038; a talk outside that is a typing error anyway. */
    private static final Instant EARLIEST = Instant.parse("1971-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2037-12-31T00:00:00Z");
    /** The engine's own date format (engine REST's Date values): 2026-03-10T09:00:00.000+0800. */
    private static final DateTimeFormatter ENGINE_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss[.SSS]Z");

    static Keys keys(TalkKind kind) {
        return kind == TalkKind.DISCIPLINE_TALK ? TALK : INTERVIEW;
    }

    /** Reads the form of {@code kind} from the task's variables. */
    static TalkForm read(TalkKind kind, Function<String, Object> variables) {
        Keys keys = keys(kind);
        return new TalkForm(kind,
                heldAt(keys.date(), keys.dateLabel(), variables.apply(keys.date())),
                text(keys.participants(), keys.participantsLabel(), variables.apply(keys.participants()), true,
                        NewTalk.MAX_PARTICIPANTS),
                text(keys.record(), keys.recordLabel(), variables.apply(keys.record()), true, NewTalk.MAX_RECORD),
                text(keys.measures(), keys.measuresLabel(), variables.apply(keys.measures()), false,
                        NewTalk.MAX_MEASURES),
                accountability(variables.apply(Rectification.ACCOUNTABILITY)));
    }

    static Instant heldAt(String key, String label, Object value) {
        Instant at = value instanceof Date date ? date.toInstant()
                : value instanceof String text && !text.isBlank() ? parse(text.strip())
                : null;
        if (at == null) {
            throw new FormFieldValidationException(key, value == null || value instanceof String
                    ? label + "不能为空" : label + "应为日期时间（如 2026-03-10T09:00+08:00）");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw new FormFieldValidationException(key, label + "超出有效范围（1971年至2037年）");
        }
        return at;
    }

    private static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            // not ISO with an offset: one of the others below
        }
        try {
            return OffsetDateTime.parse(text, ENGINE_DATE).toInstant();
        } catch (DateTimeParseException e) {
            // nor the engine's
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).atZone(Times.CHINA).toInstant();
        } catch (DateTimeParseException e) {
            // nor a local date-time
        }
        try {
            return LocalDate.parse(text).atStartOfDay(Times.CHINA).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(String key, String label, Object value, boolean required, int max) {
        if (value != null && !(value instanceof String)) {
            throw new FormFieldValidationException(key, label + "应为文本");
        }
        String text = value == null ? "" : ((String) value).strip();
        if (text.isEmpty()) {
            if (required) {
                throw new FormFieldValidationException(key, label + "不能为空");
            }
            return null;
        }
        if (text.length() > max) {
            throw new FormFieldValidationException(key, label + "过长（" + text.length() + " 字，最多 " + max + " 字）");
        }
        return text;
    }

    private static Accountability accountability(Object value) {
        if (value == null || value instanceof String text && text.isBlank()) {
            return null;
        }
        String code = value.toString().strip();
        return Accountability.parse(code).orElseThrow(() -> new FormFieldValidationException(
                Rectification.ACCOUNTABILITY, "处理意见取值无效：" + (code.length() > 40 ? code.substring(0, 40) + "…" : code)));
    }
}
