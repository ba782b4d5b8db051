package cn.jiandu.detection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jiandu.ItSupport;

/**
 * Several nodes fire the same schedule: one claims the slot and runs it; a run never
 * overlaps another (the lease in detection_lock), manual or scheduled.
 */
class DetectionScheduleIT extends ItSupport {

    @Autowired
    DetectionRuns runs;
    @Autowired
    DetectionMapper mapper;

    private final String holder = "other-node-" + UUID.randomUUID();

    @AfterEach
    void release() {
        mapper.releaseLock(DetectionRuns.LOCK, holder);
        clock.reset();
    }

    @Test
    void shouldRunASlotOnceWhicheverNodesFireIt() {
        String slot = "IT-" + UUID.randomUUID().toString().substring(0, 8) + "T08:00";
        Optional<DetectionRuns.Result> first = runs.runSlot(slot, Duration.ZERO, d -> { });
        Optional<DetectionRuns.Result> second = runs.runSlot(slot, Duration.ZERO, d -> { });
        assertThat(first).isPresent();
        assertThat(second).as("the slot was claimed").isEmpty();
        DetectionRun run = runs.find(first.get().runId()).orElseThrow();
        assertThat(run.slotKey()).isEqualTo(slot);
        assertThat(run.status()).isEqualTo(DetectionRun.DONE);
        assertThat(run.startedBy()).isEqualTo("schedule");
    }

    @Test
    void shouldNotOverlapARunHeldByAnotherNode() {
        Instant now = clock.instant();
        assertThat(mapper.acquireLock(DetectionRuns.LOCK, holder, now.plus(Duration.ofMinutes(30)), now)).isEqualTo(1);

        assertThat(admin().postJson("/api/detection/runs", Map.of()).status()).as("a manual run").isEqualTo(409);

        // a scheduled run waits for the lock, then gives its slot up
        List<Duration> waits = new ArrayList<>();
        String slot = "IT-" + UUID.randomUUID().toString().substring(0, 8) + "T16:00";
        assertThat(runs.runSlot(slot, Duration.ofMillis(1), waits::add)).isEmpty();
        DetectionRun skipped = runs.recent(5).stream().filter(r -> slot.equals(r.slotKey())).findFirst().orElseThrow();
        assertThat(skipped.status()).isEqualTo(DetectionRun.FAILED);

        // the other node's lease runs out: the lock is free again
        clock.setNow(now.plus(Duration.ofMinutes(31)));
        assertThat(admin().postJson("/api/detection/runs", Map.of()).status()).isEqualTo(200);
    }
}
