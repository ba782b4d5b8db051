package cn.jiandu.notification;

import java.util.List;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A red message's read check (已读检查, READ_CHECK): asks DingTalk who read it; who did is
 * stored and the unread's follow-up queued in the transaction that marks the check done.
 */
@Component
@Order(4)
class ReadCheckSender implements ChannelSender {

    private final ReadFollowUp followUp;

    ReadCheckSender(ReadFollowUp followUp) {
        this.followUp = followUp;
    }

    @Override
    public Set<String> channels() {
        return Set.of(OutboxMessage.READ_CHECK);
    }

    @Override
    public Outcome send(List<OutboxMessage> group) {
        OutboxMessage check = group.get(0);
        ReadFollowUp.ReadState state = followUp.fetch(check);
        return Outcome.sent(check.recipient(), () -> followUp.record(check, state));
    }
}
