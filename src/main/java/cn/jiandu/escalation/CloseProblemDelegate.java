package cn.jiandu.escalation;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemEvent;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TimelineText;

/**
 * 整改完结: the loop is closed (闭环), on time or late — only after the review approved the
 * latest report. Reached any other way (a path of the follow-up ended without that approval),
 * nothing is closed: the timeline records what the last review step was, for the legal
 * department to look into, and the consistency check reports the problem.
 */
@Component("closeProblem")
class CloseProblemDelegate implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CloseProblemDelegate.class);
    private static final Set<EventKind> REVIEW_STEPS = Set.of(EventKind.REPORTED, EventKind.APPROVED,
            EventKind.RETURNED);

    private final ProblemService problems;

    CloseProblemDelegate(ProblemService problems) {
        this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long problemId = Variables.problemId(execution);
        ProblemEvent lastReviewStep = lastReviewStep(problems.timeline(problemId));
        if (lastReviewStep == null || lastReviewStep.kind() != EventKind.APPROVED) {
            Problem problem = problems.get(problemId);
            String what = lastReviewStep == null ? TimelineText.text("timeline.anomaly.noReport")
                    : TimelineText.text("timeline.anomaly.lastStep", lastReviewStep.kind().label(),
                            lastReviewStep.actor());
            log.error("Problem {}: the follow-up ended at {} without an approved review ({}); not closed",
                    problemId, execution.getCurrentActivityId(), lastReviewStep == null ? "none" : lastReviewStep.kind());
            problems.record(problemId, EventKind.ANOMALY, EscalationService.SYSTEM, problem.level(),
                    TimelineText.text("timeline.anomaly", what), null);
            execution.setVariable(Rectification.CLOSED_ON_TIME, null);
            return;
        }
        Problem problem = problems.close(problemId);
        problems.record(problem.id(), EventKind.CLOSED, EscalationService.SYSTEM, problem.level(),
                TimelineText.text(Boolean.TRUE.equals(problem.closedOnTime()) ? "timeline.closed.onTime"
                        : "timeline.closed.late"), null);
        execution.setVariable(Rectification.CLOSED_ON_TIME, problem.closedOnTime());
        // an open 督办批示 is withdrawn (Condition_ProblemClosed)
        execution.setVariable(Rectification.PROBLEM_CLOSED, true);
    }

    private static ProblemEvent lastReviewStep(List<ProblemEvent> timeline) {
        ProblemEvent last = null;
        for (ProblemEvent event : timeline) {
            if (REVIEW_STEPS.contains(event.kind())) {
                last = event;
            }
        }
        return last;
    }
}
