package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TimelineText;

/** 退回重新整改: a rejected review counts as a repeat (屡改屡犯). */
@Component("countRepeat")
class CountRepeatDelegate implements JavaDelegate {

    private final ProblemService problems;

    CountRepeatDelegate(ProblemService problems) {
        this.problems = problems;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String comment = Variables.text(execution, Rectification.REVIEW_COMMENT);
        if (comment == null || comment.isBlank()) {
            // the first step of a return, in the completion's transaction: the task stays open
            throw new FormFieldValidationException(Rectification.REVIEW_COMMENT,
                    "退回重新整改须填写审核意见：逐项写明整改不到位之处和整改要求");
        }
        long problemId = Variables.problemId(execution);
        problems.countRepeat(problemId);
        Problem problem = problems.get(problemId);
        execution.setVariable(Rectification.REPEAT_COUNT, problem.repeatCount());
        execution.setVariable(Rectification.RETURN_REASON, Variables.text(execution, Rectification.REVIEW_COMMENT));
        execution.setVariable(Rectification.RAISE_REASON,
                TimelineText.text("timeline.reason.repeat", problem.repeatCount()));
        execution.setVariable(Rectification.LEVEL_TRIGGER, Rectification.TRIGGER_REPEAT);
        execution.removeVariable(Rectification.REVIEW_DECISION);
        // the next round's review form starts empty, and its decision carries only its own comment
        execution.removeVariable(Rectification.REVIEW_COMMENT);
    }
}
