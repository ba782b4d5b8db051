package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.level.Level;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;

/**
 * 重新整改 (rectification.bpmn's message start ReopenProblem): a closed problem whose
 * complainant was dissatisfied goes back to its unit, one level higher (red stays red), as a
 * repeat, with the deadline rules of today; the new process instance carries everything the
 * steps after it read, as a registration would, the unit's signature included (it signed
 * before).
 */
@Component("reopenProblem")
class ReopenProblemDelegate implements JavaDelegate {

    private final ProblemService problems;
    private final ProblemVariables variables;
    private final EscalationService escalation;

    ReopenProblemDelegate(ProblemService problems, ProblemVariables variables, EscalationService escalation) {
        this.problems = problems;
        this.variables = variables;
        this.escalation = escalation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long problemId = Variables.problemId(execution);
        String actor = Variables.text(execution, Rectification.RAISED_BY);
        String reason = Variables.text(execution, Rectification.RAISE_REASON);
        problems.reopen(problemId, actor == null ? EscalationService.SYSTEM : actor, reason);
        Problem problem = problems.get(problemId);
        Level level = problem.level() == null ? Level.BLUE : problem.level();
        Level next = switch (level) {
            case BLUE -> Level.YELLOW;
            case YELLOW, RED -> Level.RED;
        };
        execution.setProcessBusinessKey(String.valueOf(problemId));
        execution.setVariable(Rectification.LEVEL, next.name());
        execution.setVariable(Rectification.LEVEL_TRIGGER, Rectification.TRIGGER_REPEAT);
        execution.setVariable(Rectification.SOURCE, problem.source());
        execution.setVariable(Rectification.CATEGORY, problem.category());
        execution.setVariable(Rectification.SENSITIVE, problem.sensitive());
        execution.setVariable(Rectification.OFFICER_NO, problem.officerNo());
        execution.setVariable(Rectification.REGISTERED_BY, problem.registeredBy());
        execution.setVariable(Rectification.REQUESTED_LEVEL, null);
        variables.write(execution, problem);
        execution.setVariable(Rectification.SIGNED, true);
        execution.setVariable(Rectification.REPEAT_COUNT, problem.repeatCount());
        execution.setVariable(Rectification.RETURN_REASON, reason == null ? "" : reason);
        execution.setVariable(Rectification.DEADLINE_RULES, escalation.fixRules(problem.category()));
        problems.attachProcess(problemId, execution.getProcessInstanceId());
    }
}
