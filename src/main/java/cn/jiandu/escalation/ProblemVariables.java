package cn.jiandu.escalation;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;

/**
 * What rectification.bpmn's forms and cards show of the problem, written into its process at
 * the start (登记问题) and at a reopening (重新交办整改): the page's link, the title and the
 * description, the unit, the officer, the channel and the category by name.
 */
@Component
class ProblemVariables {

    private final ProblemService problems;
    private final OrganisationService organisation;

    ProblemVariables(ProblemService problems, OrganisationService organisation) {
        this.problems = problems;
        this.organisation = organisation;
    }

    void write(DelegateExecution execution, Problem problem) {
        execution.setVariable(Rectification.PROBLEM_URL, Rectification.problemUrl(problem.id()));
        execution.setVariable(Rectification.PROBLEM_TITLE, problem.title());
        execution.setVariable(Rectification.PROBLEM_DESCRIPTION, problem.description());
        execution.setVariable(Rectification.UNIT_CODE, problem.unitCode());
        execution.setVariable(Rectification.UNIT_NAME,
                organisation.findUnit(problem.unitCode()).map(Unit::name).orElse(""));
        execution.setVariable(Rectification.OFFICER_NAME, problem.officerNo() == null ? ""
                : organisation.findOfficer(problem.officerNo()).map(Officer::name).orElse(problem.officerNo()));
        execution.setVariable(Rectification.SOURCE_NAME, problems.sourceName(problem.source()));
        execution.setVariable(Rectification.CATEGORY_NAME, problems.categoryName(problem.category()));
    }
}
