package cn.jiandu.escalation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.springframework.stereotype.Component;

import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.Registration;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/**
 * 登记问题: a problem registered through the API already exists; one registered from the
 * Tasklist's start form is stored here. Either way the forms get the names they show.
 */
@Component("registerProblem")
class RegisterProblemDelegate implements JavaDelegate {

    private final ProblemService problems;
    private final ProblemVariables variables;

    RegisterProblemDelegate(ProblemService problems, ProblemVariables variables) {
        this.problems = problems;
        this.variables = variables;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(Rectification.PROBLEM_ID);
        long problemId;
        if (id == null) {
            problemId = registerFromForm(execution);
            execution.setVariable(Rectification.PROBLEM_ID, problemId);
            execution.setProcessBusinessKey(String.valueOf(problemId));
        } else {
            problemId = ((Number) id).longValue();
        }
        Problem problem = problems.get(problemId);
        variables.write(execution, problem);
        execution.setVariable(Rectification.SIGNED, false);
        execution.setVariable(Rectification.REPEAT_COUNT, 0);
        execution.setVariable(Rectification.RETURN_REASON, "");
        if (execution.getVariable(Rectification.REQUESTED_LEVEL) == null) {
            execution.setVariable(Rectification.REQUESTED_LEVEL, null);
        }
        problems.attachProcess(problemId, execution.getProcessInstanceId());
    }

    /**
     * Stores the start form's problem. Bad input is refused as a form field validation error,
     * so that the Tasklist shows the reason and the engine REST API's submit-form answers 400
     * with it (in Chinese), never 500 with a database's message.
     */
    private long registerFromForm(DelegateExecution execution) {
        List<InputError> errors = new ArrayList<>();
        Registration registration = new Registration(text(execution, Rectification.SOURCE, errors),
                text(execution, Rectification.CATEGORY, errors), text(execution, Rectification.UNIT_CODE, errors),
                text(execution, Rectification.OFFICER_NO, errors), text(execution, Rectification.TITLE, errors),
                text(execution, Rectification.DESCRIPTION, errors),
                instant(execution.getVariable(Rectification.OCCURRED_AT), errors),
                Boolean.TRUE.equals(execution.getVariable(Rectification.SENSITIVE)), null, null,
                text(execution, Rectification.REGISTERED_BY, errors));
        try {
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return problems.registerFromProcess(registration, execution.getProcessInstanceId());
        } catch (InvalidInputException e) {
            throw new FormFieldValidationException(e.errors().get(0).field(), "问题登记有误：" + e.getMessage());
        }
    }

    private static String text(DelegateExecution execution, String name, List<InputError> errors) {
        Object value = execution.getVariable(name);
        if (value == null || value instanceof String) {
            return (String) value;
        }
        errors.add(InputError.of(name, "应为文本"));
        return null;
    }

    /** The start form sends its datetime field as text (2026-03-01T09:30+08:00). */
    private static Instant instant(Object value, List<InputError> errors) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                try {
                    return LocalDateTime.parse(text).atZone(cn.jiandu.time.Times.CHINA).toInstant();
                } catch (DateTimeParseException again) {
                    errors.add(InputError.of(Rectification.OCCURRED_AT,
                            "时间格式无效: " + abbreviate(text) + "（格式如 2026-03-01T09:30+08:00）"));
                    return null;
                }
            }
        }
        if (value != null && !(value instanceof String)) {
            errors.add(InputError.of(Rectification.OCCURRED_AT, "应为时间"));
        }
        return null;
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
