package cn.jiandu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.jiandu.problem.Channel;
import cn.jiandu.problem.SourceKind;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

class IntakeValidationTest {

    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");
    private static final Map<String, Channel> CHANNELS = Map.of(
            "HOTLINE_12345", new Channel("HOTLINE_12345", "12345热线", SourceKind.HOTLINE, true, true),
            "OLD", new Channel("OLD", "旧渠道", SourceKind.OTHER, false, false));
    private static final String PHONE = "138 1234 5678";
    private static final String ID = "11010519491231002X";

    private static IntakeRequest request(String source, String ticketNo, String receivedAt, String content,
            String name, String phone, String idNumber) {
        return new IntakeRequest(source, ticketNo, receivedAt, content,
                new IntakeRequest.Complainant(name, phone, idNumber), "城关派出所", "J2026031000001", null);
    }

    private static IntakeRequest valid() {
        return request("HOTLINE_12345", "T-001", "2026-03-10T09:30:00+08:00", "出警不及时", "张三", PHONE, ID);
    }

    private static IntakeValidation.Checked check(IntakeRequest r) {
        return IntakeValidation.check(r, code -> Optional.ofNullable(CHANNELS.get(code)), NOW);
    }

    private static List<InputError> errors(IntakeRequest r) {
        try {
            check(r);
        } catch (InvalidInputException e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + r.ticketNo());
    }

    private static List<String> fields(IntakeRequest r) {
        return errors(r).stream().map(InputError::field).toList();
    }

    @Test
    void shouldAcceptAValidTicketWithThePhoneAndIdInCanonicalForm() {
        IntakeValidation.Checked t = check(valid());

        assertThat(t.phone()).isEqualTo("13812345678");
        assertThat(t.idNumber()).isEqualTo(ID);
        assertThat(t.receivedAt()).isEqualTo(Instant.parse("2026-03-10T01:30:00Z"));
        assertThat(t.incidentNo()).isEqualTo("J2026031000001");
        assertThat(t.caseNo()).isNull();
    }

    @Test
    void shouldAcceptAnAnonymousTicketAndAReceiptTimeWithoutOffsetAsChinaTime() {
        IntakeRequest r = new IntakeRequest("HOTLINE_12345", "T-2", "2026-03-10T09:30:00", "内容", null, null, " ",
                null);

        IntakeValidation.Checked t = check(r);

        assertThat(t.name()).isNull();
        assertThat(t.phone()).isNull();
        assertThat(t.idNumber()).isNull();
        assertThat(t.incidentNo()).isNull();
        assertThat(t.receivedAt()).isEqualTo(Instant.parse("2026-03-10T01:30:00Z"));
    }

    @Test
    void shouldRefuseAnUnknownOrInactiveChannelNamingSource() {
        assertThat(fields(request("NOPE", "T", "2026-03-10T09:30:00+08:00", "x", null, null, null)))
                .containsExactly("source");
        assertThat(errors(request("OLD", "T", "2026-03-10T09:30:00+08:00", "x", null, null, null)).get(0).message())
                .contains("已停用").contains("旧渠道");
        assertThat(fields(request(" ", "T", "2026-03-10T09:30:00+08:00", "x", null, null, null)))
                .containsExactly("source");
    }

    @Test
    void shouldRefuseABadTicketNumber() {
        assertThat(fields(request("HOTLINE_12345", " ", "2026-03-10T09:30:00+08:00", "x", null, null, null)))
                .containsExactly("ticketNo");
        assertThat(fields(request("HOTLINE_12345", "T".repeat(65), "2026-03-10T09:30:00+08:00", "x", null, null,
                null))).containsExactly("ticketNo");
        assertThat(fields(request("HOTLINE_12345", "T\u0000x", "2026-03-10T09:30:00+08:00", "x", null, null, null)))
                .containsExactly("ticketNo");
    }

    @Test
    void shouldRefuseAMissingMalformedOrFutureReceiptTime() {
        for (String at : new String[] {null, "", "yesterday", "2026-02-30T08:00:00+08:00", "2026-03-10T11:00:00+08:00",
                "1999-12-31T23:00:00+08:00"}) {
            assertThat(fields(request("HOTLINE_12345", "T", at, "x", null, null, null))).as(String.valueOf(at))
                    .containsExactly("receivedAt");
        }
        // a platform's clock a little ahead is tolerated
        assertThat(check(request("HOTLINE_12345", "T", "2026-03-10T10:04:00+08:00", "x", null, null, null)))
                .isNotNull();
    }

    @Test
    void shouldRefuseBlankOrOverlongContent() {
        assertThat(fields(request("HOTLINE_12345", "T", "2026-03-10T09:30:00+08:00", "  ", null, null, null)))
                .containsExactly("content");
        assertThat(fields(request("HOTLINE_12345", "T", "2026-03-10T09:30:00+08:00", "诉".repeat(4001), null, null,
                null))).containsExactly("content");
    }

    @Test
    void shouldRefuseABadPhoneIdOrNameWithoutRepeatingThem() {
        List<InputError> errors = errors(request("HOTLINE_12345", "T", "2026-03-10T09:30:00+08:00", "x",
                "名".repeat(51), "12812345678", "110105194912310021"));

        assertThat(errors).extracting(InputError::field)
                .containsExactly("complainant.name", "complainant.phone", "complainant.idNumber");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).doesNotContain("12812345678")
                .doesNotContain("110105194912310021"));
        assertThat(errors.get(2).message()).contains("校验位");
    }

    @Test
    void shouldListEveryErrorAtOnce() {
        assertThat(fields(new IntakeRequest(null, null, null, null, null, "x".repeat(101), null, "\u202Ex")))
                .containsExactly("source", "ticketNo", "receivedAt", "content", "unitHint", "caseNo");
    }
}
