package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jiandu.fakedingtalk.FakeCards;
import cn.jiandu.notification.CardActionWorker;

/**
 * Interactive cards (互动卡片) end to end against the fake DingTalk, callbacks over HTTP
 * (the fake has no Stream): a blue problem's 签收 task puts a card in its unit head's chat; his
 * press of 签收 signs it once, however often DingTalk repeats the callback; a head of another
 * unit is refused and only his view of the card says so; a press on a task signed in the
 * Tasklist changes nothing but the card; a callback not signed as DingTalk signs is refused
 * and stored nowhere; two workers at once complete the task once.
 */
class DingTalkCardIT extends ItSupport {

    @Autowired
    CardActionWorker worker;

    private record Scene(Fixtures fx, String head, String otherHead, long problemId, String title) {
    }

    private Scene problemWithCards(String... moreHeads) {
        Fixtures fx = new Fixtures(this, "card-pass-1");
        String u = unique();
        String station = "CS" + u;
        String other = "CO" + u;
        fx.unit(station, "卡片派出所" + u, "STATION");
        fx.unit(other, "另一派出所" + u, "STATION");
        fx.unit("CL" + u, "卡片法制大队" + u, "LEGAL");
        String head = fx.officerOnDingTalk("CH" + u, station, "UNIT_HEAD");
        for (String more : moreHeads) {
            fx.officerOnDingTalk(more + u, station, "UNIT_HEAD");
        }
        String otherHead = fx.officerOnDingTalk("CX" + u, other, "UNIT_HEAD");
        String officer = fx.officer("CP" + u, station, "OFFICER");
        String legal = fx.officer("CL" + u, "CL" + u, "LEGAL_OFFICER");
        String title = "卡片签收问题" + u;
        long id = fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, title, "群众反映。"))
                .path("id").asLong();
        dispatchAll();
        return new Scene(fx, head, otherHead, id, title);
    }

    private void dispatchAll() {
        for (int i = 0; i < 20 && dispatcher.dispatchOnce() > 0; i++) {
            // until nothing due is left
        }
    }

    private FakeCards.Card cardOf(String officerNo, String title) {
        return dingtalk.cards().cards("dt" + officerNo).stream().filter(c -> c.params().get("title").contains(title))
                .findFirst().orElseThrow(() -> new AssertionError("no card of " + title + " for " + officerNo));
    }

    private long signTasks(long problemId) {
        return tasks.createTaskQuery().processInstanceBusinessKey(String.valueOf(problemId))
                .taskDefinitionKey("Task_Sign").count();
    }

    private List<JsonNode> timeline(Scene s, String kind) {
        JsonNode problem = admin().get("/api/problems/" + s.problemId()).json();
        return StreamSupport.stream(problem.path("timeline").spliterator(), false)
                .filter(e -> kind.equals(e.path("kind").asText())).toList();
    }

    private int storedPresses(String outTrackId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM dingtalk_card_action WHERE out_track_id = ?", Integer.class,
                outTrackId);
    }

    @Test
    void shouldSignOnceWhenTheHeadPressesAndRefuseAnotherUnitsHead() {
        // given: the blue problem's 签收 card in the unit head's chat
        Scene s = problemWithCards();
        FakeCards.Card card = cardOf(s.head(), s.title());
        assertThat(card.params().get("title")).startsWith("【蓝色预警】签收：").contains(s.title());
        assertThat(card.params()).containsEntry("status", "待签收").containsEntry("done", "false")
                .containsEntry("level", "蓝色");
        assertThat(card.params().get("problemUrl")).startsWith("dingtalk://dingtalkclient/page/link?url=")
                .contains("pc_slide=true");
        assertThat(card.templateId()).isEqualTo("it-sign-card.schema");
        assertThat(card.outTrackId()).endsWith("-dt" + s.head());
        assertThat(dingtalk.cards().cards("dt" + s.otherHead())).noneMatch(c -> c.params().get("title").contains(s.title()));

        // when: another unit's head presses 签收 on that card
        assertThat(dingtalk.cards().press(card.outTrackId(), "dt" + s.otherHead(), "sign", Map.of())).isEqualTo(200);
        worker.runOnce();
        dispatchAll();

        // then: refused, the task untouched, only his view of the card says so
        assertThat(signTasks(s.problemId())).isEqualTo(1);
        FakeCards.Card refused = dingtalk.cards().card(card.outTrackId());
        assertThat(refused.seenBy("dt" + s.otherHead(), "status")).isEqualTo("您无权办理此任务（非本单位）");
        assertThat(refused.seenBy("dt" + s.head(), "status")).isEqualTo("待签收");
        assertThat(jdbc.queryForObject("SELECT status FROM dingtalk_card_action WHERE out_track_id = ? AND user_id = ?",
                String.class, card.outTrackId(), "dt" + s.otherHead())).isEqualTo("REFUSED");

        // when: the head presses 签收 and DingTalk sends the callback twice
        assertThat(dingtalk.cards().press(card.outTrackId(), "dt" + s.head(), "sign", Map.of())).isEqualTo(200);
        assertThat(dingtalk.cards().press(card.outTrackId(), "dt" + s.head(), "sign", Map.of())).isEqualTo(200);
        worker.runOnce();
        worker.runOnce();
        dispatchAll();

        // then: signed once, by him; the card says who signed and when
        assertThat(dingtalk.cards().callbacks()).filteredOn(c -> c.outTrackId().equals(card.outTrackId()))
                .allSatisfy(c -> assertThat(c.answeredSuccess()).isTrue());
        assertThat(storedPresses(card.outTrackId())).isEqualTo(2);
        assertThat(signTasks(s.problemId())).isZero();
        List<JsonNode> signed = timeline(s, "SIGNED");
        assertThat(signed).hasSize(1);
        assertThat(signed.get(0).path("actor").asText()).contains(s.head());
        FakeCards.Card done = dingtalk.cards().card(card.outTrackId());
        assertThat(done.params().get("status")).startsWith("已由 民警" + s.head() + " 于 ").endsWith("签收");
        assertThat(done.params()).containsEntry("done", "true");

        // when: the same callback once more, later
        assertThat(dingtalk.cards().press(card.outTrackId(), "dt" + s.head(), "sign", Map.of())).isEqualTo(200);

        // then: nothing more to do, nothing changed
        assertThat(worker.runOnce()).isZero();
        assertThat(timeline(s, "SIGNED")).hasSize(1);
        assertThat(storedPresses(card.outTrackId())).isEqualTo(2);
    }

    @Test
    void shouldOnlyUpdateTheCardWhenTheTaskWasSignedInTheTasklist() {
        // given: the head signed in the Tasklist
        Scene s = problemWithCards();
        FakeCards.Card card = cardOf(s.head(), s.title());
        s.fx().complete(s.head(), s.problemId(), "Task_Sign", Map.of("signOutcome", "SIGN"));
        dispatchAll();
        assertThat(dingtalk.cards().card(card.outTrackId()).params().get("status")).contains("签收")
                .startsWith("已由 民警" + s.head());

        // when: he presses 签收 on the card afterwards
        assertThat(dingtalk.cards().press(card.outTrackId(), "dt" + s.head(), "sign", Map.of())).isEqualTo(200);
        worker.runOnce();
        dispatchAll();

        // then: nothing changed but the card, which says who signed and when
        assertThat(jdbc.queryForObject("SELECT status FROM dingtalk_card_action WHERE out_track_id = ?", String.class,
                card.outTrackId())).isEqualTo("ALREADY_DONE");
        assertThat(timeline(s, "SIGNED")).hasSize(1);
        assertThat(dingtalk.cards().card(card.outTrackId()).params().get("status"))
                .startsWith("已由 民警" + s.head() + " 于 ").endsWith("签收");
        assertThat(dingtalk.cards().updates(card.outTrackId())).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void shouldRefuseACallbackNotSignedAsDingTalkSignsAndStoreNothing() {
        Scene s = problemWithCards();
        FakeCards.Card card = cardOf(s.head(), s.title());

        int wrong = dingtalk.cards().pressWronglySigned(card.outTrackId(), "dt" + s.head(), "sign", Map.of());
        Http.Response unsigned = anonymous().postJson("/api/dingtalk/callback", Map.of("encrypt", "AAAA"));
        Http.Response plain = anonymous().postJson("/api/dingtalk/callback",
                Map.of("outTrackId", card.outTrackId(), "userId", "dt" + s.head(), "content",
                        "{\"cardPrivateData\":{\"actionIds\":[\"sign\"],\"params\":{}}}"));

        assertThat(wrong).isEqualTo(401);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(plain.status()).isEqualTo(401);
        assertThat(storedPresses(card.outTrackId())).isZero();
        assertThat(worker.runOnce()).isZero();
        assertThat(signTasks(s.problemId())).isEqualTo(1);
    }

    @Test
    void shouldSignOnceWhenTwoHeadsPressAndTwoWorkersRunAtOnce() throws Exception {
        // given: two heads of the unit, each with his card, both press 签收
        Scene s = problemWithCards("CJ");
        String second = "CJ" + s.head().substring(2);
        FakeCards.Card first = cardOf(s.head(), s.title());
        FakeCards.Card theirs = cardOf(second, s.title());
        assertThat(first.outTrackId()).isNotEqualTo(theirs.outTrackId());
        dingtalk.cards().press(first.outTrackId(), "dt" + s.head(), "sign", Map.of());
        dingtalk.cards().press(theirs.outTrackId(), "dt" + second, "sign", Map.of());

        // when: two workers (two nodes) at the same moment, then again until nothing is left
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(worker::runOnce);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(worker::runOnce);
        assertThat(a.get() + b.get()).isBetween(1, 2);
        for (int i = 0; i < 10 && worker.runOnce() > 0; i++) {
            // a press that lost a race is tried again
        }
        dispatchAll();

        // then: one completion, one DONE, the other press found it done; both cards say who signed
        assertThat(signTasks(s.problemId())).isZero();
        assertThat(timeline(s, "SIGNED")).hasSize(1);
        List<String> outcomes = jdbc.queryForList("SELECT status FROM dingtalk_card_action WHERE out_track_id IN (?, ?)"
                + " ORDER BY status", String.class, first.outTrackId(), theirs.outTrackId());
        assertThat(outcomes).containsExactly("ALREADY_DONE", "DONE");
        String status = dingtalk.cards().card(first.outTrackId()).params().get("status");
        assertThat(status).startsWith("已由 民警").endsWith("签收");
        assertThat(dingtalk.cards().card(theirs.outTrackId()).params().get("status")).isEqualTo(status);
    }

    /** The demo inbox shows the head's card with its 签收 button, and the button works. */
    @Test
    void shouldShowTheCardInTheDemoInboxWithAWorkingButton() {
        Scene s = problemWithCards();
        FakeCards.Card card = cardOf(s.head(), s.title());

        String inbox = admin().get("/api/demo/dingtalk/inbox?to=dt" + s.head()).body();
        Http.Response pressed = admin().postForm("/api/demo/dingtalk/cards/press",
                Map.of("outTrackId", card.outTrackId(), "action", "sign"));
        worker.runOnce();
        dispatchAll();

        assertThat(inbox).contains("互动卡片", s.title(), "待签收", "name=\"action\" value=\"sign\"", ">签收</button>");
        assertThat(pressed.status()).isEqualTo(303);
        assertThat(signTasks(s.problemId())).isZero();
        assertThat(admin().get("/api/demo/dingtalk/inbox?to=dt" + s.head()).body())
                .contains("已由 民警" + s.head()).doesNotContain(">签收</button>");
    }
}
