package cn.jiandu.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import cn.jiandu.privacy.PersonalDataCipher;
import cn.jiandu.privacy.PrivacyProperties;
import cn.jiandu.problem.Channel;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.SourceKind;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.security.Role;
import cn.jiandu.web.ConflictException;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.web.InvalidInputException;

class IntakeServiceTest {

    private static final String KEY = "amlhbmR1LXRlc3Qta2V5LW9ubHktZm9yLXRlc3RzISE=";
    private static final Instant NOW = Instant.parse("2026-03-10T02:00:00Z");

    private final IntakeMapper mapper = mock(IntakeMapper.class);
    private final ProblemService problems = mock(ProblemService.class);
    private final PersonalDataCipher cipher = new PersonalDataCipher(new PrivacyProperties(KEY));
    private final IntakeService service = new IntakeService(mapper, problems, cipher, Clock.fixed(NOW, ZoneOffset.UTC));
    private final CurrentUser machine = new CurrentUser("platform12345", Set.of(Role.INTAKE), "U1", List.of("INTAKE"));
    private final AtomicReference<IntakeMapper.NewIntake> inserted = new AtomicReference<>();

    IntakeServiceTest() {
        when(problems.sources()).thenReturn(
                List.of(new Channel("HOTLINE_12345", "12345热线", SourceKind.HOTLINE, true, true)));
        doAnswer(call -> {
            IntakeMapper.NewIntake row = call.getArgument(0);
            row.id = 7L;
            inserted.set(row);
            when(mapper.find(7L)).thenReturn(stored(row));
            return 1;
        }).when(mapper).insert(any());
    }

    private static Intake stored(IntakeMapper.NewIntake r) {
        return new Intake(r.id, r.source, r.ticketNo, r.receivedAt, r.content, r.nameCipher, r.phoneCipher,
                r.idNumberCipher, r.unitHint, r.incidentNo, r.caseNo, r.status, r.createdAt, r.createdBy, null, null, null, null, null, null,
                null);
    }

    private static IntakeRequest ticket(String content) {
        return new IntakeRequest("HOTLINE_12345", "T-1", "2026-03-10T09:00:00+08:00", content,
                new IntakeRequest.Complainant("欧阳娜娜", "0571-88776655", "11010519491231002X"), null, null, null);
    }

    @Test
    void shouldStoreThePersonalDataOnlyEncryptedWithBlindIndexesAndAnswerMasked() {
        IntakeService.Received received = service.receive(ticket("民警态度恶劣"), machine);

        IntakeMapper.NewIntake row = inserted.get();
        assertThat(received.created()).isTrue();
        assertThat(row.nameCipher).startsWith("v1:").doesNotContain("欧阳");
        assertThat(row.phoneCipher).startsWith("v1:").doesNotContain("88776655");
        assertThat(row.idNumberCipher).startsWith("v1:").doesNotContain("1949");
        assertThat(cipher.decrypt(row.phoneCipher)).isEqualTo("0571-88776655");
        assertThat(row.phoneIndex).isEqualTo(cipher.blindIndex("0571-88776655"));
        assertThat(row.idNumberIndex).isEqualTo(cipher.blindIndex("11010519491231002X"));
        assertThat(row.status).isEqualTo(IntakeStatus.PENDING_TRIAGE);
        assertThat(row.createdBy).isEqualTo("platform12345");
        IntakeView view = received.intake();
        assertThat(view.complainant()).isEqualTo(
                new IntakeView.Complainant("欧***", "0571-****6655", "1101**********002X"));
        assertThat(view.sourceName()).isEqualTo("12345热线");
        assertThat(view.receivedAt()).hasToString("2026-03-10T09:00+08:00");
    }

    @Test
    void shouldGiveTheStoredIntakeBackForTheSameTicketAndContentAndRefuseOtherContent() {
        service.receive(ticket("民警态度恶劣"), machine);
        when(mapper.findByTicket("HOTLINE_12345", "T-1")).thenReturn(stored(inserted.get()));

        IntakeService.Received again = service.receive(ticket("  民警态度恶劣 "), machine);

        assertThat(again.created()).isFalse();
        assertThat(again.intake().id()).isEqualTo(7L);
        assertThatThrownBy(() -> service.receive(ticket("另一件事"), machine)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("T-1").hasMessageNotContaining("88776655");
        verify(mapper, times(1)).insert(any());
    }

    @Test
    void shouldStoreNothingOnBadInputAndRefuseAUnitOfficer() {
        IntakeRequest bad = new IntakeRequest("HOTLINE_12345", "T-1", "2026-03-10T09:00:00+08:00", "x",
                new IntakeRequest.Complainant(null, "12345", null), null, null, null);
        CurrentUser officer = new CurrentUser("10001", Set.of(Role.OFFICER, Role.UNIT_HEAD), "U1", List.of());

        assertThatThrownBy(() -> service.receive(bad, machine)).isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("complainant.phone").hasMessageNotContaining("12345");
        assertThatThrownBy(() -> service.receive(ticket("x"), officer)).isInstanceOf(ForbiddenException.class);
        assertThatThrownBy(() -> service.get(7L, officer)).isInstanceOf(ForbiddenException.class);
        verify(mapper, never()).insert(any());
    }
}
