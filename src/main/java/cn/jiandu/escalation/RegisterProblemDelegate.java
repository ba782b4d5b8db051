package cn.jiandu.escalation;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.Registration;

/**
 * 登记问题: a problem registered through the API already exists; one registered from the
 * Tasklist's start form is stored here. Either way the forms get the names they show.
 */
@Component("registerProblem")
class RegisterProblemDelegate implements JavaDelegate {

    private final ProblemService problems;
    private final OrganisationService organisation;

    RegisterProblemDelegate(ProblemService problems, OrganisationService organisation) {
        this.problems = problems;
        this.organisation = organisation;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(Rectification.PROBLEM_ID);
        long problemId;
        if (id == null) {
            Instant occurredAt = instant(execution.getVariable("occurredAt"));
            problemId = problems.registerFromProcess(new Registration((String) execution.getVariable("source"),
                    (String) execution.getVariable("category"), (String) execution.getVariable("unitCode"),
                    (String) execution.getVariable("officerNo"), (String) execution.getVariable("title"),
                    (String) execution.getVariable("description"),
                    occurredAt,
                    Boolean.TRUE.equals(execution.getVariable("sensitive")), null, null,
                    (String) execution.getVariable("registeredBy")), execution.getProcessInstanceId());
            execution.setVariable(Rectification.PROBLEM_ID, problemId);
            execution.setProcessBusinessKey(String.valueOf(problemId));
        } else {
            problemId = ((Number) id).longValue();
        }
        Problem problem = problems.get(problemId);
        execution.setVariable("problemTitle", problem.title());
        execution.setVariable("problemDescription", problem.description());
        execution.setVariable("unitCode", problem.unitCode());
        execution.setVariable("unitName", organisation.findUnit(problem.unitCode()).map(Unit::name).orElse(""));
        execution.setVariable("officerName", problem.officerNo() == null ? ""
                : organisation.findOfficer(problem.officerNo()).map(Officer::name).orElse(problem.officerNo()));
        execution.setVariable("sourceName", problems.sourceName(problem.source()));
        execution.setVariable("categoryName", problems.categoryName(problem.category()));
        execution.setVariable(Rectification.SIGNED, false);
        execution.setVariable("repeatCount", 0);
        execution.setVariable(Rectification.RETURN_REASON, "");
        if (execution.getVariable("requestedLevel") == null) {
            execution.setVariable("requestedLevel", null);
        }
        problems.attachProcess(problemId, execution.getProcessInstanceId());
    }

    /** The start form sends its datetime field as text (2026-03-01T09:30+08:00). */
    private static Instant instant(Object value) {
        if (value instanceof Date date) {
            return date.toInstant();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text).atZone(cn.jiandu.web.Times.CHINA).toInstant();
            }
        }
        return null;
    }
}
