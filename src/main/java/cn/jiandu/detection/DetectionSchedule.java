package cn.jiandu.detection;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import cn.jiandu.time.Times;

/**
 * The scheduled runs (jiandu.detection.schedule, by default 08:00 and 16:00 China time).
 * Every node fires; the one that claims the slot runs it (DetectionRuns#runSlot).
 */
@Component
class DetectionSchedule {

    private static final Logger log = LoggerFactory.getLogger(DetectionSchedule.class);

    private final DetectionRuns runs;
    private final DetectionProperties properties;
    private final Clock clock;

    DetectionSchedule(DetectionRuns runs, DetectionProperties properties, Clock clock) {
        this.runs = runs;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(cron = "${jiandu.detection.schedule:0 0 8,16 * * *}", zone = Times.ZONE_ID)
    void fire() {
        String slot = DetectionRuns.slotOf(properties.schedule(), ZonedDateTime.now(clock).withZoneSameInstant(Times.CHINA));
        try {
            runs.runSlot(slot, properties.lockWait(), DetectionSchedule::sleep);
        } catch (RuntimeException e) {
            log.error("Scheduled detection run {} failed", slot, e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the detection lock", e);
        }
    }
}
