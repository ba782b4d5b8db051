package cn.jiandu.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps each group robot under DingTalk's 20 messages a minute, across every node: the
 * robot's row is locked while its sends of the last minute (plus a margin for the time a
 * send takes to arrive) are counted, and a send is logged before it is made.
 */
@Component
class RobotThrottle {

    private final OutboxMapper mapper;
    private final NotificationProperties properties;
    private final Clock clock;

    RobotThrottle(OutboxMapper mapper, NotificationProperties properties, Clock clock) {
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    /** Empty when the robot may send now (and the send is counted); else when to try again. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Instant> acquire(String robot) {
        mapper.ensureRobot(robot);
        mapper.lockRobot(robot);
        Instant now = clock.instant();
        Duration window = Duration.ofMinutes(1).plus(properties.robotWindowMargin());
        Instant since = now.minus(window);
        if (mapper.robotSendsSince(robot, since, now) >= properties.robotPerMinute()) {
            Instant oldest = mapper.oldestRobotSendSince(robot, since, now);
            return Optional.of((oldest == null ? now : oldest).plus(window).plusMillis(1));
        }
        mapper.logRobotSend(robot, now);
        return Optional.empty();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void prune() {
        mapper.pruneRobotSends(clock.instant().minus(Duration.ofHours(1)));
    }
}
