package cn.jiandu.fakedingtalk;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.notification.dingtalk.DingTalkCardProperties;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.text.PlainText;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;

/**
 * The fake DingTalk's inbox inside the app, behind its login, so that a newcomer running the
 * demo sees what DingTalk would have shown each person: recipients by name and unit, one
 * person or group at a time, newest first, paged. Exists only where the fake runs.
 */
@RestController
@Tag(name = "钉钉演示", description = "模拟钉钉收到的消息；仅演示和测试环境")
class DemoInboxController {

    private static final String PATH = "/api/demo/dingtalk/inbox";
    private static final String OPEN = "/api/demo/dingtalk/open";
    private static final String LOGIN = "/dingtalk/login";

    private final ObjectProvider<FakeDingTalk> fake;
    private static final String CARDS_PRESS = "/api/demo/dingtalk/cards/press";

    private final OrganisationService organisation;
    private final DingTalkCardProperties cardSettings;

    /** Without card settings: the cards are listed, without buttons. */
    DemoInboxController(ObjectProvider<FakeDingTalk> fake, OrganisationService organisation) {
        this(fake, organisation, new DingTalkCardProperties(null, null, "", ""));
    }

    @org.springframework.beans.factory.annotation.Autowired
    DemoInboxController(ObjectProvider<FakeDingTalk> fake, OrganisationService organisation,
            DingTalkCardProperties cardSettings) {
        this.fake = fake;
        this.organisation = organisation;
        this.cardSettings = cardSettings;
    }

    @GetMapping(PATH)
    @Operation(summary = "钉钉消息收件箱（演示）：按钉钉的样子显示每个人和每个群收到的消息；to 为钉钉用户ID或 robot:群名，page 从 0 起")
    ResponseEntity<String> inbox(@RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page, HttpServletRequest request) {
        FakeDingTalk running = fake.getIfAvailable();
        if (running == null) {
            throw new NotFoundException("未启用模拟钉钉（jiandu.dingtalk.fake.enabled=false）");
        }
        if (to != null && (to.length() > 100 || !to.matches(PlainText.SINGLE_LINE))) {
            throw new InvalidInputException("to", "收件人应为钉钉用户ID或 robot:群名，最长100字");
        }
        if (page < 0 || page > 100_000) {
            throw new InvalidInputException("page", "页码应在 0 到 100000 之间");
        }
        if (to != null && !to.startsWith("robot:")) {
            // opening a person's inbox reads his work notifications (getsendresult: 已读)
            running.markAllRead(to);
        }
        Map<String, String> unitNames = new HashMap<>();
        organisation.units().forEach(unit -> unitNames.put(unit.code(), unit.name()));
        Map<String, String> people = new HashMap<>();
        for (Officer officer : organisation.officers(null, null)) {
            if (officer.dingtalkUserId() != null) {
                people.put(officer.dingtalkUserId(), officer.name() + "（" + unitNames.getOrDefault(officer.unitCode(),
                        officer.unitCode()) + "）");
            }
        }
        String html = withCards(running.inboxHtml(people::get, to, page, PATH, opener(request)), running, people, to,
                request);
        return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(html);
    }

    /** The interactive cards of the person chosen (all without one), above the messages. */
    private String withCards(String html, FakeDingTalk running, Map<String, String> people, String to,
            HttpServletRequest request) {
        java.util.List<FakeCards.Card> cards = new java.util.ArrayList<>(to == null || to.isEmpty()
                ? running.cards().all() : running.cards().cards(to));
        if (to == null || to.isEmpty()) {
            java.util.Collections.reverse(cards);
        }
        CsrfToken csrf = request == null ? null : (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        String section = FakeCardsPage.render(new FakeCardsPage.View(cards, cn.jiandu.time.Times.CHINA, people::get,
                this::kindOf, CARDS_PRESS, csrf == null ? "_csrf" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken()));
        // what the person can act on first (his to-dos, then his cards), his messages after
        int main = html.indexOf("<main>");
        return main < 0 ? html + section : html.substring(0, main) + section + html.substring(main);
    }

    private String kindOf(String templateId) {
        return cardSettings.cards().entrySet().stream()
                .filter(e -> templateId != null && templateId.equals(e.getValue().templateId()))
                .map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /**
     * A button of a card pressed on the demo page, as the card's owner presses it in DingTalk:
     * the fake sends the app's HTTP callback, signed; back to that person's inbox.
     */
    @PostMapping(CARDS_PRESS)
    @Operation(summary = "按下互动卡片的按钮（演示）：模拟钉钉以卡片收件人的身份回调本系统")
    ResponseEntity<Void> press(@RequestParam String outTrackId, @RequestParam String action,
            @RequestParam(required = false) String instruction) {
        FakeDingTalk running = fake.getIfAvailable();
        if (running == null) {
            throw new NotFoundException("未启用模拟钉钉（jiandu.dingtalk.fake.enabled=false）");
        }
        FakeCards.Card card = outTrackId.length() > 128 ? null : running.cards().card(outTrackId);
        if (card == null) {
            throw new InvalidInputException("outTrackId", "没有这张互动卡片");
        }
        if (!action.matches("[a-z]{1,20}")) {
            throw new InvalidInputException("action", "按钮应为 sign、instruct 或 read");
        }
        if (instruction != null && instruction.length() > 1000) {
            throw new InvalidInputException("instruction", "批示内容最长1000字");
        }
        running.cards().press(outTrackId, card.userId(), action,
                instruction == null ? Map.of() : Map.of("instruction", instruction));
        return ResponseEntity.status(303).header("Location", PATH + "?to="
                + java.net.URLEncoder.encode(card.userId(), StandardCharsets.UTF_8) + "#cards").build();
    }

    /**
     * "在钉钉中打开" of the demo inbox: the fake, playing the DingTalk container, issues the
     * person's 免登 code (as dd.requestAuthCode would inside DingTalk) and the browser opens the
     * app's 免登 page with it in the fragment ({@code #authCode=…}), which posts it as a page
     * inside DingTalk posts its own. Only the app's own 免登 page is opened; the code is good
     * only at the fake, with which the demo's app exchanges it. No fake running: 404.
     */
    @PostMapping(path = OPEN, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    @Operation(summary = "在钉钉中打开（演示）：模拟钉钉为该人签发免登授权码，并打开本系统的钉钉免登页面")
    ResponseEntity<Void> open(@RequestParam(required = false) String userid, @RequestParam(required = false) String url) {
        FakeDingTalk running = fake.getIfAvailable();
        if (running == null) {
            throw new NotFoundException("未启用模拟钉钉（jiandu.dingtalk.fake.enabled=false）");
        }
        if (userid == null || userid.isBlank() || userid.length() > 64 || !userid.matches(PlainText.SINGLE_LINE)) {
            throw new InvalidInputException("userid", "钉钉用户ID不能为空，最长64位");
        }
        String redirect = loginRedirect(url);
        if (redirect == null) {
            throw new InvalidInputException("url", "只能打开本系统的钉钉免登页面（/dingtalk/login?redirect=…）");
        }
        String code = running.issueAuthCode(userid);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(LOGIN + "?redirect="
                + URLEncoder.encode(redirect, StandardCharsets.UTF_8) + "#authCode=" + code)).build();
    }

    /** The redirect of a link to the app's 免登 page (absolute or a path); null for anything else. */
    static String loginRedirect(String url) {
        if (url == null || url.length() > 4000) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return null;
        }
        if (!LOGIN.equals(uri.getRawPath()) || uri.getRawQuery() == null) {
            return null;
        }
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith("redirect=")) {
                return URLDecoder.decode(pair.substring("redirect=".length()), StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static FakeInboxPage.Opener opener(HttpServletRequest request) {
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        return new FakeInboxPage.Opener(request.getContextPath() + OPEN, csrf == null ? "" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken());
    }
}
