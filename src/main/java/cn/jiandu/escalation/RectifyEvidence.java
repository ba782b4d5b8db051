package cn.jiandu.escalation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Component;

import cn.jiandu.evidence.EvidenceService;
import cn.jiandu.level.Level;
import cn.jiandu.security.FormSubmissionPolicy.Submitted;

/**
 * 整改 reported done needs its evidence (整改佐证材料): unless the problem's category needs none
 * (deadlines.dmn's {@code evidenceRequired}, locked with the problem's rules), completing
 * Task_Rectify with anything but WAIT is refused while no file is uploaded. Asked before the
 * engine sees the completion, so the person gets the reason in Chinese and the task stays open.
 */
@Component
class RectifyEvidence {

    private final TaskService tasks;
    private final EscalationService escalation;
    private final EvidenceService evidence;

    RectifyEvidence(TaskService tasks, EscalationService escalation, EvidenceService evidence) {
        this.tasks = tasks;
        this.escalation = escalation;
        this.evidence = evidence;
    }

    /** Why this completion of Task_Rectify may not go on, if it may not. */
    Optional<String> refusal(String taskId, Map<String, Submitted> variables) {
        Submitted outcome = variables.get(Rectification.RECTIFY_OUTCOME);
        if (outcome != null && outcome.value() != null && Rectification.OUTCOME_WAIT.equals(outcome.value().asText())) {
            return Optional.empty();
        }
        Map<String, Object> state = tasks.getVariables(taskId, List.of(Rectification.PROBLEM_ID, Rectification.LEVEL,
                Rectification.DEADLINE_RULES));
        if (!(state.get(Rectification.PROBLEM_ID) instanceof Number problemId)
                || !(state.get(Rectification.DEADLINE_RULES) instanceof String rules)
                || !(state.get(Rectification.LEVEL) instanceof String level)) {
            return Optional.empty();
        }
        DeadlineRule rule = escalation.rule(rules, Level.valueOf(level));
        if (rule == null || !rule.needsEvidence() || evidence.hasEvidence(problemId.longValue())) {
            return Optional.empty();
        }
        return Optional.of("整改完成须附佐证材料（照片、文书、视频等）：请先在问题页面上传整改佐证材料，再提交整改报告");
    }
}
