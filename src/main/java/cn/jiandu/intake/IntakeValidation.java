package cn.jiandu.intake;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import cn.jiandu.privacy.ChineseIdNumber;
import cn.jiandu.privacy.ChinesePhone;
import cn.jiandu.problem.Channel;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.text.PlainText;
import cn.jiandu.time.Times;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/**
 * The checks of a ticket handed in, all of them at once, before anything is stored. Messages
 * are Chinese, name the field ({@code complainant.phone} …) and never repeat the
 * complainant's data. Blank optional fields count as not given.
 */
final class IntakeValidation {

    static final int MAX_TICKET_NO = 64;
    static final int MAX_CONTENT = 4000;
    static final int MAX_NAME = 50;
    static final int MAX_UNIT_HINT = 100;
    static final int MAX_REFERENCE_NO = 64;
    /** How far ahead of the server's clock a platform's clock may be. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);
    /** The earliest receipt time accepted (older tickets are typing errors). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    /** A ticket that passed every check, trimmed; the phone and the id number in canonical form. */
    record Checked(String source, String ticketNo, Instant receivedAt, String content, String name, String phone,
            String idNumber, String unitHint, String incidentNo, String caseNo) {

        @Override
        public String toString() {
            return "Checked[source=" + source + ", ticketNo=" + ticketNo + "]";
        }
    }

    private IntakeValidation() {
    }

    /**
     * The checked ticket.
     *
     * @param channels the channel of a code, if there is one
     * @param now      the server's time
     * @throws InvalidInputException listing every error
     */
    static Checked check(IntakeRequest r, Function<String, Optional<Channel>> channels, Instant now) {
        List<InputError> errors = new ArrayList<>();
        String source = blankToNull(r.source());
        if (source == null) {
            errors.add(InputError.of("source", "渠道不能为空，见 GET /api/reference/sources"));
        } else {
            Optional<Channel> channel = source.length() > 40 ? Optional.empty() : channels.apply(source);
            if (channel.isEmpty()) {
                errors.add(InputError.of("source", "未知的渠道: " + PlainText.printable(abbreviate(source))
                        + "，见 GET /api/reference/sources"));
            } else if (!channel.get().active()) {
                errors.add(InputError.of("source", ProblemService.inactive(channel.get())));
            }
        }
        String ticketNo = blankToNull(r.ticketNo());
        if (ticketNo == null) {
            errors.add(InputError.of("ticketNo", "工单号不能为空"));
        } else if (ticketNo.length() > MAX_TICKET_NO) {
            errors.add(InputError.of("ticketNo", "工单号最长" + MAX_TICKET_NO + "个字符"));
        } else if (!PlainText.isSingleLine(ticketNo)) {
            errors.add(InputError.of("ticketNo", "工单号不能含控制字符或不完整的字符"));
        }
        Instant receivedAt = receivedAt(r.receivedAt(), now, errors);
        String content = blankToNull(r.content());
        if (content == null) {
            errors.add(InputError.of("content", "诉求内容不能为空"));
        } else if (content.length() > MAX_CONTENT) {
            errors.add(InputError.of("content", "诉求内容最长" + MAX_CONTENT + "字"));
        } else if (!PlainText.isMultiLine(content)) {
            errors.add(InputError.of("content", "诉求内容不能含控制字符或不完整的字符"));
        }
        IntakeRequest.Complainant c = r.complainant();
        String name = c == null ? null : blankToNull(c.name());
        if (name != null) {
            if (name.codePointCount(0, name.length()) > MAX_NAME) {
                errors.add(InputError.of("complainant.name", "诉求人姓名最长" + MAX_NAME + "字"));
            } else if (!PlainText.isSingleLine(name)) {
                errors.add(InputError.of("complainant.name", "诉求人姓名不能含控制字符或不完整的字符"));
            }
        }
        String phone = c == null ? null : blankToNull(c.phone());
        if (phone != null) {
            Optional<String> refusal = phone.length() > 40 ? Optional.of("电话号码过长") : ChinesePhone.refusal(phone);
            if (refusal.isPresent()) {
                errors.add(InputError.of("complainant.phone", "诉求人电话有误：" + refusal.get()));
            } else {
                phone = ChinesePhone.canonical(phone);
            }
        }
        String idNumber = c == null ? null : blankToNull(c.idNumber());
        if (idNumber != null) {
            Optional<String> refusal = idNumber.length() > 40 ? Optional.of("身份证号过长")
                    : ChineseIdNumber.refusal(idNumber, now.atZone(Times.CHINA).toLocalDate());
            if (refusal.isPresent()) {
                errors.add(InputError.of("complainant.idNumber", "诉求人身份证号有误：" + refusal.get()));
            } else {
                idNumber = ChineseIdNumber.canonical(idNumber);
            }
        }
        String unitHint = optionalLine(r.unitHint(), "unitHint", "建议承办单位", MAX_UNIT_HINT, errors);
        String incidentNo = optionalLine(r.incidentNo(), "incidentNo", "警情编号", MAX_REFERENCE_NO, errors);
        String caseNo = optionalLine(r.caseNo(), "caseNo", "案件编号", MAX_REFERENCE_NO, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Checked(source, ticketNo, receivedAt, content, name, phone, idNumber, unitHint, incidentNo, caseNo);
    }

    /** ISO 8601 with an offset, or without one read as China time; not in the future. */
    private static Instant receivedAt(String value, Instant now, List<InputError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            errors.add(InputError.of("receivedAt", "受理时间不能为空（ISO 8601，如 2026-03-01T09:30:00+08:00）"));
            return null;
        }
        Instant at;
        try {
            at = OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException withOffset) {
            try {
                at = LocalDateTime.parse(text).atZone(Times.CHINA).toInstant();
            } catch (DateTimeException withoutOffset) {
                errors.add(InputError.of("receivedAt", "受理时间格式有误，应为 ISO 8601，如 2026-03-01T09:30:00+08:00"));
                return null;
            }
        }
        if (at.isAfter(now.plus(CLOCK_SKEW))) {
            errors.add(InputError.of("receivedAt", "受理时间不能晚于当前时间"));
            return null;
        }
        if (at.isBefore(EARLIEST)) {
            errors.add(InputError.of("receivedAt", "受理时间不能早于2000年"));
            return null;
        }
        return at;
    }

    private static String optionalLine(String value, String field, String label, int max, List<InputError> errors) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        if (text.length() > max) {
            errors.add(InputError.of(field, label + "最长" + max + "个字符"));
        } else if (!PlainText.isSingleLine(text)) {
            errors.add(InputError.of(field, label + "不能含控制字符或不完整的字符"));
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }
}
