package cn.jiandu.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;

/**
 * 流程与问题一致性检查: for every open problem, the process's level, deadlines and repeat count
 * must equal the problem's (both are written by the same engine step in one transaction;
 * nobody else may write them). Every difference is logged (WARN) and counted
 * ({@code jiandu_process_state_mismatches_total}); the administrator can run it at
 * {@code GET /api/admin/consistency}. Read-only: safe on every node at once.
 */
@Service
public class ProcessConsistency {

    private static final Logger log = LoggerFactory.getLogger(ProcessConsistency.class);
    private static final int BATCH = 200;
    private static final long TOLERANCE_MILLIS = 1000; // MariaDB keeps whole seconds

    private final ProblemService problems;
    private final RuntimeService runtime;
    private final Clock clock;
    private final Counter mismatches;

    ProcessConsistency(ProblemService problems, RuntimeService runtime, Clock clock, MeterRegistry meters) {
        this.problems = problems;
        this.runtime = runtime;
        this.clock = clock;
        this.mismatches = Counter.builder("jiandu.process.state.mismatches")
                .description("Open problems whose process disagrees with the problem (level, deadlines, repeats)")
                .register(meters);
    }

    /** One difference: which problem, which value, and the two sides. */
    public record Mismatch(long problemId, String field, String problem, String process) {
    }

    /** A run: when, how many open problems were compared, and what differed. */
    public record Report(Instant checkedAt, int checked, List<Mismatch> mismatches) {
    }

    @Scheduled(fixedDelayString = "${jiandu.escalation.consistency-check-interval:PT1H}",
            initialDelayString = "${jiandu.escalation.consistency-check-interval:PT1H}")
    void scheduled() {
        Report report = check();
        if (!report.mismatches().isEmpty()) {
            log.warn("Consistency check: {} of {} open problems differ from their process", report.mismatches().stream()
                    .map(Mismatch::problemId).distinct().count(), report.checked());
        }
    }

    /** Compares every open problem with its process; a difference is checked twice before it counts. */
    public Report check() {
        Instant at = clock.instant();
        int checked = 0;
        List<Mismatch> found = new ArrayList<>();
        long after = 0;
        List<Problem> batch;
        do {
            batch = problems.openAfter(after, BATCH);
            checked += batch.size();
            List<Mismatch> suspects = compare(batch);
            if (!suspects.isEmpty()) {
                // a step may have committed between the two reads: read both sides again
                Set<Long> ids = new HashSet<>();
                suspects.forEach(m -> ids.add(m.problemId()));
                List<Problem> again = ids.stream().map(problems::get).toList();
                found.addAll(compare(again));
            }
            if (!batch.isEmpty()) {
                after = batch.get(batch.size() - 1).id();
            }
        } while (batch.size() == BATCH);
        for (Mismatch m : found) {
            mismatches.increment();
            log.warn("Problem {} and its process differ in {}: problem {}, process {}", m.problemId(), m.field(),
                    m.problem(), m.process());
        }
        return new Report(at, checked, List.copyOf(found));
    }

    private List<Mismatch> compare(List<Problem> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        Map<String, Problem> byProcess = new HashMap<>();
        batch.forEach(p -> byProcess.put(p.processInstanceId(), p));
        String[] ids = byProcess.keySet().toArray(String[]::new);
        Set<String> running = new HashSet<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(Set.of(ids)).list()) {
            running.add(instance.getId());
        }
        Map<String, Map<String, Object>> values = new HashMap<>();
        for (VariableInstance v : runtime.createVariableInstanceQuery().processInstanceIdIn(ids)
                .variableNameIn(Rectification.LEVEL, Rectification.RECTIFY_DUE, Rectification.SIGN_DUE,
                        Rectification.REPEAT_COUNT, Rectification.SIGNED)
                .disableCustomObjectDeserialization().list()) {
            // the process instance's own scope is the one the steps write
            if (v.getExecutionId() != null && v.getExecutionId().equals(v.getProcessInstanceId())) {
                values.computeIfAbsent(v.getProcessInstanceId(), k -> new HashMap<>()).put(v.getName(), v.getValue());
            }
        }
        List<Mismatch> out = new ArrayList<>();
        for (Problem problem : batch) {
            String pid = problem.processInstanceId();
            if (!running.contains(pid)) {
                out.add(new Mismatch(problem.id(), "process", problem.status().name(), "已结束"));
                continue;
            }
            Map<String, Object> vars = values.getOrDefault(pid, Map.of());
            Object level = vars.get(Rectification.LEVEL);
            if (problem.level() != null && !Objects.equals(problem.level().name(), level)) {
                out.add(new Mismatch(problem.id(), Rectification.LEVEL, problem.level().name(), String.valueOf(level)));
            }
            Object repeats = vars.get(Rectification.REPEAT_COUNT);
            int processRepeats = repeats instanceof Number n ? n.intValue() : 0;
            if (problem.repeatCount() != processRepeats) {
                out.add(new Mismatch(problem.id(), Rectification.REPEAT_COUNT, String.valueOf(problem.repeatCount()),
                        String.valueOf(repeats)));
            }
            compareTime(out, problem.id(), Rectification.RECTIFY_DUE, problem.deadline(), vars.get(Rectification.RECTIFY_DUE));
            if (!Boolean.TRUE.equals(vars.get(Rectification.SIGNED)) && problem.signedAt() == null) {
                compareTime(out, problem.id(), Rectification.SIGN_DUE, problem.signDeadline(),
                        vars.get(Rectification.SIGN_DUE));
            }
        }
        return out;
    }

    private static void compareTime(List<Mismatch> out, long problemId, String field, Instant problem, Object process) {
        if (problem == null && process == null) {
            return;
        }
        Instant processTime = process instanceof Date date ? date.toInstant() : null;
        if (problem == null || processTime == null
                || Math.abs(problem.toEpochMilli() - processTime.toEpochMilli()) >= TOLERANCE_MILLIS) {
            out.add(new Mismatch(problemId, field, String.valueOf(problem), String.valueOf(processTime)));
        }
    }

    /** The administrator's look: GET /api/admin/consistency. */
    @RestController
    @Tag(name = "系统管理", description = "流程与问题一致性检查")
    static class Endpoint {
        private final ProcessConsistency consistency;

        Endpoint(ProcessConsistency consistency) {
            this.consistency = consistency;
        }

        @GetMapping("/api/admin/consistency")
        @Operation(summary = "检查每个未闭环问题的流程变量（等级、期限、退回次数）与问题记录是否一致（系统管理员）")
        Report check() {
            return consistency.check();
        }
    }
}
