package cn.jiandu.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.jiandu.notification.dingtalk.DingTalkClient;

/**
 * Red is read, or somebody knows (红色预警已读跟踪): a red work notification, once sent, gets a
 * read check {@code ding-after} later (an outbox row of channel READ_CHECK, so it survives
 * restarts and only one node runs it). The check asks DingTalk who read it (getsendresult),
 * stores it per recipient (notification_read) and follows up the unread once: a DING when
 * {@code jiandu.dingtalk.ding.enabled} (paid editions), else a second work notification marked
 * 【紧急】, with its own key and wording so that neither the outbox nor DingTalk drops it.
 * The follow-ups themselves are never checked again.
 */
@Component
class ReadFollowUp {

    private static final Logger log = LoggerFactory.getLogger(ReadFollowUp.class);
    static final String URGENT_PREFIX = "urgent:";
    static final String DING_PREFIX = "ding:";
    static final String URGENT = "【紧急】";

    /** Who read a work notification and who did not, as DingTalk says. */
    record ReadState(Set<String> read, Set<String> unread) {
    }

    private final OutboxMapper mapper;
    private final DingTalkClient dingtalk;
    private final DingTalkFollowUpProperties properties;
    private final Clock clock;

    ReadFollowUp(OutboxMapper mapper, DingTalkClient dingtalk, DingTalkFollowUpProperties properties, Clock clock) {
        this.mapper = mapper;
        this.dingtalk = dingtalk;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether a sent work notification is followed up: red, and not a follow-up itself. */
    static boolean followedUp(OutboxMessage message) {
        return OutboxMessage.WORK.equals(message.channel()) && "RED".equals(message.level())
                && !message.messageKey().startsWith(URGENT_PREFIX);
    }

    /** In the transaction that marks the group sent: its read check, due ding-after later. */
    void scheduleCheck(List<OutboxMessage> group, String task) {
        OutboxMessage first = group.get(0);
        if (!followedUp(first) || task == null) {
            return;
        }
        String idem = "read:" + first.messageKey() + ":" + task;
        if (mapper.exists(idem) > 0) {
            return;
        }
        Instant now = clock.instant();
        mapper.insert(new OutboxMapper.NewMessage(idem, first.messageKey(), OutboxMessage.READ_CHECK, task, "已读检查",
                first.problemId(), first.step(), first.level(), first.title(), "-", first.link(), null,
                now.plus(properties.dingAfter()), now));
    }

    /** Asks DingTalk who read the check's work notification (not metered). */
    ReadState fetch(OutboxMessage check) {
        Map<String, Object> result = dingtalk.sendResult(check.recipient());
        return new ReadState(ids(result.get("read_user_id_list")), ids(result.get("unread_user_id_list")));
    }

    /** In the transaction that marks the check done: the read state per recipient and the follow-up of the unread. */
    void record(OutboxMessage check, ReadState state) {
        Instant now = clock.instant();
        List<String> unread = new ArrayList<>();
        for (OutboxMessage sent : mapper.sentWithTask(check.recipient(), check.messageKey())) {
            boolean read = state.read().contains(sent.recipient());
            if (mapper.readRecorded(sent.id()) == 0) {
                mapper.insertRead(sent.id(), sent.messageKey(), sent.problemId(), sent.recipient(), read, now);
            }
            if (read) {
                continue;
            }
            unread.add(sent.recipientName());
            if (properties.ding().enabled()) {
                insertOnce(DING_PREFIX + sent.messageKey() + ":" + sent.recipient(), DING_PREFIX + sent.messageKey(),
                        OutboxMessage.DING, sent, sent.title(), URGENT + "请立即查看红色预警：" + sent.title(), now);
            } else {
                insertOnce(URGENT_PREFIX + sent.messageKey() + ":" + sent.recipient(),
                        URGENT_PREFIX + sent.messageKey(), OutboxMessage.WORK, sent, URGENT + sent.title(),
                        "### <font color=\"#D9001B\">" + URGENT + "您尚未阅读这条红色预警，请立即查看并办理</font>\n\n"
                                + sent.body(), now);
            }
        }
        if (!unread.isEmpty()) {
            log.info("Red message {} (task {}) unread by {} after {}: {}", check.messageKey(), check.recipient(),
                    unread.size(), properties.dingAfter(), properties.ding().enabled() ? "DING" : "urgent notification");
        }
    }

    private void insertOnce(String idem, String messageKey, String channel, OutboxMessage sent, String title,
            String body, Instant now) {
        if (mapper.exists(idem) > 0) {
            return;
        }
        mapper.insert(new OutboxMapper.NewMessage(idem, messageKey, channel, sent.recipient(), sent.recipientName(),
                sent.problemId(), sent.step(), sent.level(), title.length() <= 200 ? title : title.substring(0, 199) + "…",
                body, sent.link(), null, now, now));
    }

    /** Sends a DING to a group of DING rows (one message); returns DingTalk's openDingId. */
    String ding(List<OutboxMessage> group) {
        return dingtalk.sendDing(properties.effectiveRobotCode(), group.stream().map(OutboxMessage::recipient).toList(),
                group.get(0).body());
    }

    private static Set<String> ids(Object list) {
        Set<String> ids = new LinkedHashSet<>();
        if (list instanceof List<?> values) {
            values.forEach(v -> ids.add(String.valueOf(v)));
        }
        return ids;
    }
}
