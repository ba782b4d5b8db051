package cn.jiandu.notification;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.jiandu.notification.dingtalk.DingTalkClient;

/**
 * Group robot messages (群机器人, ROBOT; the recipient is the robot): one at a time, at most
 * as many a minute per robot as {@link RobotThrottle} lets through; the others wait their turn.
 */
@Component
@Order(3)
class RobotSender implements ChannelSender {

    private final DingTalkClient dingtalk;
    private final RobotThrottle throttle;

    RobotSender(DingTalkClient dingtalk, RobotThrottle throttle) {
        this.dingtalk = dingtalk;
        this.throttle = throttle;
    }

    @Override
    public Set<String> channels() {
        return Set.of(OutboxMessage.ROBOT);
    }

    @Override
    public boolean countedAsSent() {
        return true;
    }

    @Override
    public Outcome send(List<OutboxMessage> group) {
        OutboxMessage message = group.get(0);
        Optional<Instant> wait = throttle.acquire(message.recipient());
        if (wait.isPresent()) {
            return Outcome.waitUntil(wait.get(), null);
        }
        List<String> mobiles = message.atMobiles() == null ? List.of()
                : Arrays.asList(message.atMobiles().split(","));
        dingtalk.sendRobotMarkdown(message.recipient(), message.title(), message.body(), mobiles, List.of());
        return Outcome.sent();
    }

    @Scheduled(fixedDelay = 600_000, initialDelay = 60_000)
    void prune() {
        throttle.prune();
    }
}
