package cn.jiandu.page;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import cn.jiandu.escalation.IntakeProcess;
import cn.jiandu.intake.CallbackRecord;
import cn.jiandu.intake.IntakeTriage;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.security.CurrentUser;
import cn.jiandu.security.Role;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.time.Times;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A ticket of the public for the legal department (GET /intakes/{id}): what came in, how it
 * was triaged, the problem it became part of, the calls back. The complainant masked. Its
 * phone in clear only on GET /intakes/{id}/contact, for the person holding the ticket's open
 * call back task (回访), each look logged (without the number).
 */
@Controller
class IntakePages {

    private final IntakeTriage intakes;
    private final IntakeProcess process;
    private final PageRenderer pages;
    private final OrganisationService organisation;

    IntakePages(IntakeTriage intakes, IntakeProcess process, PageRenderer pages, OrganisationService organisation) {
        this.intakes = intakes;
        this.process = process;
        this.pages = pages;
        this.organisation = organisation;
    }

    public record Fact(String label, String value) {
    }

    public record Call(String at, String who, String round, String outcome, String note, String review) {
    }

    @GetMapping("/intakes/{id}")
    ResponseEntity<String> intake(@PathVariable long id, Authentication authentication, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!mayRead(user)) {
            return pages.message(HttpStatus.FORBIDDEN, "无权查看", "群众诉求只有法制部门和局领导可以查看。", request);
        }
        IntakeTriage.Facts f = intakes.facts(id);
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("受理渠道", f.sourceName()));
        facts.add(new Fact("工单号", f.ticketNo()));
        facts.add(new Fact("受理时间", f.receivedAtText()));
        facts.add(new Fact("诉求人", f.complainantName().isEmpty() ? "（未提供）" : f.complainantName()));
        facts.add(new Fact("办理状态", f.status().label()));
        facts.add(new Fact("回访", f.callbackChannel() ? f.callbackStatus().label() : "本渠道不回访"));
        if (f.unitHint() != null && !f.unitHint().isBlank()) {
            facts.add(new Fact("来件所述单位", f.unitHint()));
        }
        if (f.incidentNo() != null && !f.incidentNo().isBlank()) {
            facts.add(new Fact("警情编号", f.incidentNo()));
        }
        if (f.caseNo() != null && !f.caseNo().isBlank()) {
            facts.add(new Fact("案件编号", f.caseNo()));
        }
        People people = new People(organisation);
        List<Call> calls = new ArrayList<>();
        for (CallbackRecord c : intakes.calls(id)) {
            calls.add(new Call(ChineseDates.dateTime(c.calledAt().atZone(Times.CHINA)), people.withUnit(c.calledBy()),
                    "第" + c.round() + "轮第" + c.attempt() + "次", c.outcome().label(), c.note() == null ? "" : c.note(),
                    c.reviewDecision() == null ? "" : ("REOPEN".equals(c.reviewDecision()) ? "复核：重新整改" : "复核：维持（已解释）")
                            + (c.reviewNote() == null ? "" : "，" + c.reviewNote())));
        }
        return pages.page(HttpStatus.OK, "intake.ftl", Map.of("f", f, "facts", facts, "calls", calls,
                "mayCall", process.holdsCallback(id, user)), request);
    }

    @GetMapping("/intakes/{id}/contact")
    ResponseEntity<String> contact(@PathVariable long id, Authentication authentication, HttpServletRequest request) {
        CurrentUser user = CurrentUser.of(authentication);
        if (!process.holdsCallback(id, user)) {
            return pages.message(HttpStatus.FORBIDDEN, "无权查看联系电话",
                    "诉求人的联系电话只在回访任务中向办理回访的法制员显示。本诉求当前没有由您办理的回访任务。", request);
        }
        IntakeTriage.Facts f = intakes.facts(id);
        IntakeTriage.Contact contact = intakes.contactForCallback(id, user.userId());
        return pages.page(HttpStatus.OK, "intake-contact.ftl", Map.of("f", f, "name", contact.maskedName(),
                "phone", contact.phone() == null ? "" : contact.phone()), request);
    }

    private static boolean mayRead(CurrentUser user) {
        return user.hasRole(Role.LEGAL_OFFICER) || user.hasRole(Role.LEGAL_CAPTAIN) || user.hasRole(Role.ADMIN)
                || user.hasRole(Role.CHIEF) || user.hasRole(Role.DEPUTY_LEADER) || user.hasRole(Role.COMMITTEE);
    }
}
