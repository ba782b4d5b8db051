package cn.jiandu.notification;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import cn.jiandu.notification.dingtalk.DingTalkClient;
import cn.jiandu.notification.dingtalk.DingTalkQuota;

/**
 * Work notifications (工作通知, WORK): one call for all recipients of a message, side by side on
 * the send threads (a call takes tens of milliseconds; one after another they made at most a
 * few dozen messages a second, B4 in bench/results.md). A red message's read check is
 * scheduled when it is marked sent.
 */
@Component
@Order(1)
class WorkSender implements ChannelSender {

    private final DingTalkClient dingtalk;
    private final DingTalkQuota quota;
    private final ReadFollowUp followUp;

    WorkSender(DingTalkClient dingtalk, DingTalkQuota quota, ReadFollowUp followUp) {
        this.dingtalk = dingtalk;
        this.quota = quota;
        this.followUp = followUp;
    }

    @Override
    public Set<String> channels() {
        return Set.of(OutboxMessage.WORK);
    }

    @Override
    public Collection<List<OutboxMessage>> groups(List<OutboxMessage> rows) {
        return ChannelSender.byKey(rows, OutboxMessage::messageKey);
    }

    @Override
    public boolean parallel() {
        return true;
    }

    @Override
    public boolean countedAsSent() {
        return true;
    }

    @Override
    public Outcome send(List<OutboxMessage> group) {
        OutboxMessage first = group.get(0);
        quota.count("asyncsend_v2");
        String task = dingtalk.sendWorkNotification(group.stream().map(OutboxMessage::recipient).toList(),
                first.title(), first.body(), "查看问题并办理", first.link());
        return Outcome.sent(task, () -> followUp.scheduleCheck(group, task));
    }
}
