package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;

/** 整改完结: the loop is closed (闭环), on time or late. */
@Component("closeProblem")
class CloseProblemDelegate implements JavaDelegate {

    private final ProblemService problems;

    CloseProblemDelegate(ProblemService problems) {
        this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Problem problem = problems.close(Variables.problemId(execution));
        problems.record(problem.id(), EventKind.CLOSED, EscalationService.SYSTEM, problem.level(),
                Boolean.TRUE.equals(problem.closedOnTime()) ? "审核通过，按期整改，闭环" : "审核通过，逾期整改，闭环", null);
        execution.setVariable("closedOnTime", problem.closedOnTime());
    }
}
