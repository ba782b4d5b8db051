package cn.jiandu.notification;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jiandu.notification.dingtalk.DingTalkClient;
import cn.jiandu.notification.dingtalk.DingTalkQuota;

/** DING (钉一下) to the unread of a red message: one call for up to 200 of one message. */
@Component
@Order(5)
class DingSender implements ChannelSender {

    private final ReadFollowUp followUp;
    private final DingTalkQuota quota;

    DingSender(ReadFollowUp followUp, DingTalkQuota quota) {
        this.followUp = followUp;
        this.quota = quota;
    }

    @Override
    public Set<String> channels() {
        return Set.of(OutboxMessage.DING);
    }

    @Override
    public Collection<List<OutboxMessage>> groups(List<OutboxMessage> rows) {
        List<List<OutboxMessage>> parts = new ArrayList<>();
        for (List<OutboxMessage> message : ChannelSender.byKey(rows, OutboxMessage::messageKey)) {
            for (int from = 0; from < message.size(); from += DingTalkClient.MAX_DING_USERS) {
                parts.add(message.subList(from, Math.min(message.size(), from + DingTalkClient.MAX_DING_USERS)));
            }
        }
        return parts;
    }

    @Override
    public Outcome send(List<OutboxMessage> group) {
        quota.count("ding");
        return Outcome.sent(followUp.ding(group), () -> {
        });
    }
}
