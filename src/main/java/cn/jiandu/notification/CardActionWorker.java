package cn.jiandu.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;

/**
 * Does the work of the card presses CardCallbacks stored: claims pending presses by an update
 * only one node wins (a node that dies leaves its claim to expire), and for each, in one
 * transaction, completes the card's task as the person of that DingTalk userId if he may
 * ({@link CardTasks}: the Tasklist's rules), records the outcome (DONE, REFUSED, ALREADY_DONE)
 * and queues the card's update. Run again, it finds nothing to do: a press is handled once, a
 * task completed once (a second press finds it gone: ALREADY_DONE). A press that fails (the
 * database, a concurrent completion) is tried again, at most {@code max-attempts} times.
 */
@Component
public class CardActionWorker {

    private static final Logger log = LoggerFactory.getLogger(CardActionWorker.class);
    /** What a person who may not act on a card's task reads on it. */
    public static final String NOT_YOURS = "您无权办理此任务（非本单位）";
    static final String NOT_AN_OFFICER = "您不是本系统登记的民警，无法办理此任务";
    static final String TASK_ENDED = "此任务已结束，无需办理";
    private static final int BATCH = 20;
    private static final int MAX_ATTEMPTS = 5;

    private final CardMapper cards;
    private final CardTasks tasks;
    private final Cards queue;
    private final OrganisationService organisation;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectMapper json;
    private final boolean enabled;
    private final Duration claimTimeout;

    CardActionWorker(CardMapper cards, CardTasks tasks, Cards queue, OrganisationService organisation,
            TransactionTemplate tx, Clock clock, ObjectMapper json,
            @Value("${jiandu.dingtalk.callback.worker-enabled:true}") boolean enabled,
            @Value("${jiandu.dingtalk.callback.claim-timeout:PT2M}") Duration claimTimeout) {
        this.cards = cards;
        this.tasks = tasks;
        this.queue = queue;
        this.organisation = organisation;
        this.tx = tx;
        this.clock = clock;
        this.json = json;
        this.enabled = enabled;
        this.claimTimeout = claimTimeout;
    }

    @Scheduled(fixedDelayString = "${jiandu.dingtalk.callback.poll-interval:PT1S}", initialDelayString = "PT5S")
    void poll() {
        if (!enabled) {
            return;
        }
        try {
            while (runOnce() >= BATCH) {
                // a full batch: there may be more waiting
            }
        } catch (RuntimeException e) {
            log.warn("Handling card presses failed; will try again: {}", e.toString());
        }
    }

    /** One round: claims pending presses and handles them. Returns how many it claimed. */
    public int runOnce() {
        String token = UUID.randomUUID().toString();
        Instant now = clock.instant();
        List<CardMapper.Action> claimed = tx.execute(status -> {
            cards.releaseExpiredActions(now);
            List<Long> ids = cards.pendingActionIds(BATCH);
            if (ids.isEmpty()) {
                return List.<CardMapper.Action>of();
            }
            cards.claimActions(ids, token, now.plus(claimTimeout));
            return cards.claimedActions(token);
        });
        if (claimed == null) {
            return 0;
        }
        for (CardMapper.Action action : claimed) {
            try {
                tx.executeWithoutResult(status -> handle(action, token));
            } catch (RuntimeException e) {
                boolean last = action.attempts() + 1 >= MAX_ATTEMPTS;
                log.warn("Card press {} attempt {} failed{}: {}", action.id(), action.attempts() + 1,
                        last ? " for the last time" : "", e.toString());
                String error = e.toString();
                tx.executeWithoutResult(status -> cards.retryAction(action.id(),
                        error.length() > 1000 ? error.substring(0, 999) : error, last));
            }
        }
        return claimed.size();
    }

    private void handle(CardMapper.Action action, String token) {
        Instant now = clock.instant();
        CardMapper.Card card = cards.card(action.outTrackId());
        CardKind kind = card == null ? null : CardKind.named(card.kind()).orElse(null);
        CardKind.Button button = kind == null ? null : kind.buttons().get(action.actionId());
        if (button == null) {
            cards.finishAction(action.id(), token, "REFUSED", "unknown card or button", now);
            return;
        }
        Optional<Officer> officer = organisation.officers(null, null).stream()
                .filter(o -> action.userId().equals(o.dingtalkUserId()) && o.active()).findFirst();
        if (officer.isEmpty()) {
            refuse(action, card, token, NOT_AN_OFFICER, now);
            return;
        }
        Map<String, String> variables = new LinkedHashMap<>(button.variables());
        if (button.textParam() != null) {
            String text = params(action).get(button.textParam());
            if (text == null || text.isBlank()) {
                refuse(action, card, token, "请填写" + button.label() + "内容后再提交", now);
                return;
            }
            variables.put(button.textParam(), text.strip());
        }
        CardTasks.Result result = tasks.complete(card.taskId(), officer.get().officerNo(), variables);
        switch (result.outcome()) {
            case DONE -> cards.finishAction(action.id(), token, "DONE", null, now);
            case REFUSED -> refuse(action, card, token, result.why() == null ? NOT_YOURS : result.why(), now);
            case ALREADY_DONE -> {
                cards.finishAction(action.id(), token, "ALREADY_DONE", null, now);
                CardMapper.Card known = cards.card(card.outTrackId());
                String status = known.doneAt() == null ? TASK_ENDED
                        : Cards.done(known.doneByName(), known.doneVerb(), known.doneAt());
                queue.queueUpdate(known, "a" + action.id(), status, null, null, now);
            }
        }
    }

    private void refuse(CardMapper.Action action, CardMapper.Card card, String token, String why, Instant now) {
        cards.finishAction(action.id(), token, "REFUSED", why, now);
        // only the person who pressed sees why: the card's owner keeps his buttons
        queue.queueUpdate(card, "r" + action.id(), null, action.userId(), why, now);
    }

    private Map<String, String> params(CardMapper.Action action) {
        try {
            return action.params() == null ? Map.of()
                    : json.readValue(action.params(), new TypeReference<Map<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }
}
