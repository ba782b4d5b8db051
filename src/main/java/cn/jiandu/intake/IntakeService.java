package cn.jiandu.intake;

import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.privacy.Masking;
import cn.jiandu.privacy.PersonalDataCipher;
import cn.jiandu.problem.Channel;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.security.Role;
import cn.jiandu.time.Times;
import cn.jiandu.web.ConflictException;
import cn.jiandu.web.ForbiddenException;
import cn.jiandu.web.NotFoundException;
import cn.jiandu.web.Page;

/**
 * Receives tickets (受理) and shows them. A channel's ticket is stored once: the same
 * {@code source} + {@code ticketNo} again with the same content gives the stored intake back,
 * with other content it is refused (409); the unique key decides between two nodes receiving
 * it at the same moment. The complainant's data is encrypted before it reaches the mapper and
 * is shown masked to everyone; nothing here logs it.
 */
@Service
public class IntakeService {

    private static final Logger log = LoggerFactory.getLogger(IntakeService.class);

    /** Who may hand tickets in and read them. */
    static final Set<Role> HANDLERS = EnumSet.of(Role.LEGAL_OFFICER, Role.LEGAL_CAPTAIN, Role.ADMIN, Role.INTAKE);

    private final IntakeMapper mapper;
    private final ProblemService problems;
    private final PersonalDataCipher cipher;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    IntakeService(IntakeMapper mapper, ProblemService problems, PersonalDataCipher cipher, Clock clock,
            ApplicationEventPublisher events) {
        this.events = events;
        this.mapper = mapper;
        this.problems = problems;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** What {@link #receive} did: the intake, and whether it is new (201) or the one already stored (200). */
    record Received(IntakeView intake, boolean created) {
    }

    /** Whether the user may hand tickets in and read them. */
    static boolean mayHandle(CurrentUser user) {
        return user.roles().stream().anyMatch(HANDLERS::contains);
    }

    @Transactional
    Received receive(IntakeRequest request, CurrentUser user) {
        return receive(request, user, channels());
    }

    /** The same with the channels already read (an import reads them once for all its rows). */
    @Transactional
    Received receive(IntakeRequest request, CurrentUser user, Map<String, Channel> channels) {
        requireHandler(user);
        IntakeValidation.Checked t = IntakeValidation.check(request, code -> Optional.ofNullable(channels.get(code)),
                clock.instant());
        Intake existing = mapper.findByTicket(t.source(), t.ticketNo());
        if (existing != null) {
            return new Received(again(existing, t, channels), false);
        }
        IntakeMapper.NewIntake row = new IntakeMapper.NewIntake();
        row.source = t.source();
        row.ticketNo = t.ticketNo();
        row.receivedAt = t.receivedAt();
        row.content = t.content();
        row.nameCipher = cipher.encrypt(t.name());
        row.phoneCipher = cipher.encrypt(t.phone());
        row.phoneIndex = cipher.blindIndex(t.phone());
        row.idNumberCipher = cipher.encrypt(t.idNumber());
        row.idNumberIndex = cipher.blindIndex(t.idNumber());
        row.unitHint = t.unitHint();
        row.incidentNo = t.incidentNo();
        row.caseNo = t.caseNo();
        row.status = IntakeStatus.PENDING_TRIAGE;
        row.createdAt = clock.instant();
        row.createdBy = user.userId();
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException raced) {
            // another node stored the same ticket between the look-up and the insert: a locking
            // read sees its committed row (a plain one would see this transaction's snapshot)
            Intake stored = mapper.findByTicketLatest(t.source(), t.ticketNo());
            if (stored == null) {
                throw raced;
            }
            return new Received(again(stored, t, channels), false);
        }
        log.info("Intake {} received from channel {} by {}", row.id, row.source, user.userId());
        events.publishEvent(new IntakeReceived(row.id));
        return new Received(view(mapper.find(row.id), channels), true);
    }

    /** The stored intake when the ticket came again with the same content; 409 otherwise. */
    private IntakeView again(Intake stored, IntakeValidation.Checked t, Map<String, Channel> channels) {
        if (!Objects.equals(stored.content(), t.content())) {
            throw new ConflictException("渠道 " + t.source() + " 的工单号 " + t.ticketNo() + " 已受理（受理编号 " + stored.id()
                    + "），本次提交的诉求内容与已受理的不同；同一工单不能以不同内容重复提交");
        }
        return view(stored, channels);
    }

    IntakeView get(long id, CurrentUser user) {
        requireHandler(user);
        Intake intake = mapper.find(id);
        if (intake == null) {
            throw new NotFoundException("受理记录不存在: " + id);
        }
        return view(intake, channels());
    }

    Page<IntakeView> page(IntakeStatus status, String source, int page, int size, CurrentUser user) {
        requireHandler(user);
        Map<String, Channel> channels = channels();
        long total = mapper.count(status, source);
        var items = mapper.page(status, source, (long) page * size, size).stream().map(i -> view(i, channels))
                .toList();
        return new Page<>(items, page, size, total);
    }

    /** 403 unless the user may hand tickets in (the API's and the import's one check). */
    static void requireHandler(CurrentUser user) {
        if (!mayHandle(user)) {
            throw new ForbiddenException("只有法制部门、系统管理员和接口账号可以受理和查看诉求");
        }
    }

    /** Every channel (active or not) by its code. */
    Map<String, Channel> channels() {
        return problems.sources().stream().collect(Collectors.toMap(Channel::code, Function.identity()));
    }

    /** The API's view: the complainant decrypted only to be masked. */
    private IntakeView view(Intake i, Map<String, Channel> channels) {
        Channel channel = channels.get(i.source());
        IntakeView.Complainant complainant = new IntakeView.Complainant(Masking.name(cipher.decrypt(i.nameCipher())),
                Masking.phone(cipher.decrypt(i.phoneCipher())), Masking.idNumber(cipher.decrypt(i.idNumberCipher())));
        return new IntakeView(i.id(), i.status(), i.status().label(), i.source(),
                channel == null ? i.source() : channel.name(), i.ticketNo(), Times.china(i.receivedAt()), i.content(),
                complainant, i.unitHint(), i.incidentNo(), i.caseNo(), Times.china(i.createdAt()), i.createdBy(),
                i.problemId(), i.referTo(), i.triageReason(), i.callbackStatus(), i.callbackStatus().label(),
                Times.china(i.closedAt()));
    }
}
