package cn.jiandu.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.level.Level;
import cn.jiandu.notification.dingtalk.DingTalkCardProperties;
import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.text.ChineseDates;
import cn.jiandu.time.Times;
import cn.jiandu.web.PublicLinks;

/**
 * Interactive cards (互动卡片) of tasks: when a task of a card kind ({@link CardKind}) is
 * created, everyone who may act on it and has a DingTalk userId gets a card with its buttons;
 * when it is completed (by a button or in the Tasklist), every card of it says who did what
 * and when. Both go through the outbox (channels CARD and CARD_UPD), in the caller's
 * transaction; written twice (a retried job), they add nothing.
 */
@Service
public class Cards {

    private static final Logger log = LoggerFactory.getLogger(Cards.class);
    static final String STEP = "CARD";
    static final String PARAM_STATUS = "status";
    static final String PARAM_DONE = "done";

    private final OutboxMapper outbox;
    private final CardMapper cards;
    private final OrganisationService organisation;
    private final TaskPeople people;
    private final DingTalkCardProperties properties;
    private final PublicLinks links;
    private final Clock clock;
    private final ObjectMapper json;

    Cards(OutboxMapper outbox, CardMapper cards, OrganisationService organisation, TaskPeople people,
            DingTalkCardProperties properties, PublicLinks links, Clock clock, ObjectMapper json) {
        this.outbox = outbox;
        this.cards = cards;
        this.organisation = organisation;
        this.people = people;
        this.properties = properties;
        this.links = links;
        this.clock = clock;
        this.json = json;
    }

    /**
     * A task the engine created, with who may act on it: its assignee and its candidates (all
     * of them get a card).
     *
     * @param title the problem's title
     * @param due the task's due time as the card shows it
     * @param assignee the officer number it is assigned to, null if unassigned
     * @param candidateUsers officer numbers that may claim it
     * @param candidateGroups groups that may claim it: head_UNIT, unit_UNIT, role names
     */
    public record CardTask(String taskId, String taskKey, long problemId, Level level, String title, String unit,
            String due, String assignee, List<String> candidateUsers, List<String> candidateGroups) {
    }

    /** Whether tasks of this definition key get cards (a kind exists and its template is configured). */
    public boolean hasCards(String taskKey) {
        return CardKind.ofTask(taskKey).map(kind -> properties.templateId(kind.name()) != null).orElse(false);
    }

    /** The form fields whose values {@link #taskCompleted} needs for the card's text. */
    public List<String> outcomeFields(String taskKey) {
        return CardKind.ofTask(taskKey).map(CardKind::outcomeFields).orElse(List.of());
    }

    /** Queues a card for each person who may act on the task; returns their names. */
    @Transactional
    public List<String> taskCreated(CardTask task) {
        Optional<CardKind> kind = CardKind.ofTask(task.taskKey());
        if (kind.isEmpty() || properties.templateId(kind.get().name()) == null) {
            return List.of();
        }
        Instant now = clock.instant();
        List<String> names = new ArrayList<>();
        for (Officer officer : people.of(task.assignee(), task.candidateUsers(), task.candidateGroups())) {
            if (!TaskPeople.onDingTalk(officer)) {
                log.info("Officer {} has no DingTalk userId: no card of task {}", officer.officerNo(), task.taskId());
                continue;
            }
            String outTrackId = outTrackId(task.taskId(), officer.dingtalkUserId());
            cards.insertCard(new CardMapper.Card(outTrackId, kind.get().name(), task.taskId(), task.problemId(),
                    officer.dingtalkUserId(), officer.officerNo(), now, null, null, null));
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("kind", kind.get().name());
            body.put("params", params(task, kind.get()));
            String title = "【" + task.level().label() + "预警】" + kind.get().taskName() + "：" + task.title();
            if (insert("card:" + outTrackId, outTrackId, OutboxMessage.CARD, officer.dingtalkUserId(), officer.name(),
                    task.problemId(), task.level(), title, body, now)) {
                names.add(officer.name());
            }
        }
        return names;
    }

    /**
     * A task of a card kind was completed by {@code officerNo} (whoever, wherever): every card
     * of it shows 「已由 X 于 … 签收」 and no more buttons.
     *
     * @param values the values of the kind's outcome fields ({@link #outcomeFields})
     */
    @Transactional
    public void taskCompleted(String taskId, String taskKey, String officerNo, Map<String, Object> values) {
        Optional<CardKind> kind = CardKind.ofTask(taskKey);
        List<CardMapper.Card> ofTask = cards.cardsOfTask(taskId);
        if (kind.isEmpty() || ofTask.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String name = organisation.findOfficer(officerNo).map(Officer::name).orElse(officerNo);
        String verb = kind.get().verbOf(values);
        cards.markTaskDone(taskId, name, verb, now);
        for (CardMapper.Card card : ofTask) {
            queueUpdate(card, "done", done(name, verb, now), null, null, now);
        }
    }

    /** The card's text once its task is done. */
    static String done(String name, String verb, Instant at) {
        return "已由 " + name + " 于 " + ChineseDates.dateTime(at.atZone(Times.CHINA)) + " " + verb;
    }

    static String outTrackId(String taskId, String userId) {
        return "jd-" + taskId + "-" + userId;
    }

    /**
     * Queues an update of one card: its shared status (everyone's view) or, with
     * {@code privateUserId}, what only that person sees. {@code key} tells this update from others.
     */
    void queueUpdate(CardMapper.Card card, String key, String status, String privateUserId, String privateStatus,
            Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (status != null) {
            body.put("params", Map.of(PARAM_STATUS, status, PARAM_DONE, "true"));
        }
        if (privateUserId != null) {
            body.put("privateUserId", privateUserId);
            body.put("privateParams", Map.of(PARAM_STATUS, privateStatus, PARAM_DONE, "true"));
        }
        insert("cardupd:" + card.outTrackId() + ":" + key, card.outTrackId(), OutboxMessage.CARD_UPDATE,
                card.userId(), card.officerNo(), card.problemId(), null, "互动卡片更新", body, now);
    }

    private Map<String, String> params(CardTask task, CardKind kind) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("title", limit("【" + task.level().label() + "预警】" + kind.taskName() + "：" + task.title()));
        params.put("level", task.level().label());
        params.put("unit", limit(task.unit() == null ? "" : task.unit()));
        params.put("due", task.due() == null ? "无" : task.due());
        params.put("problemUrl", limit(links.inDingTalk("/problems/" + task.problemId())));
        params.put(PARAM_STATUS, kind.pending());
        params.put(PARAM_DONE, "false");
        return params;
    }

    /** A card's value is at most 1 KB (UTF-8). */
    static String limit(String value) {
        String text = value;
        while (text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 1000) {
            text = text.substring(0, text.length() - 2) + "…";
        }
        return text;
    }

    private boolean insert(String idemKey, String messageKey, String channel, String recipient, String name,
            Long problemId, Level level, String title, Map<String, Object> body, Instant now) {
        if (outbox.exists(idemKey) > 0) {
            return false;
        }
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        outbox.insert(new OutboxMapper.NewMessage(idemKey, messageKey, channel, recipient, name, problemId, STEP,
                level == null ? null : level.name(), title.length() <= 200 ? title : title.substring(0, 199) + "…",
                text, null, null, now, now));
        return true;
    }
}
