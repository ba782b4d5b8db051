package cn.jiandu.detection;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.escalation.RectificationProcess;
import cn.jiandu.level.Level;
import cn.jiandu.problem.Channel;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ProblemStatus;
import cn.jiandu.problem.Registration;
import cn.jiandu.web.ConflictException;

/**
 * What a run does to one finding, each in a transaction of its own so that one failure
 * costs one finding, not the run: open its problem (and process) together with the finding
 * row, or raise its problem to the level the finding reached.
 */
@Service
class FindingActions {

    private static final Logger log = LoggerFactory.getLogger(FindingActions.class);

    static final String SOURCE = Channel.RULE_WARNING;
    static final String REGISTERED_BY = "system";
    static final String RAISED_BY = "rule";

    private final ProblemService problems;
    private final RectificationProcess process;
    private final DetectionMapper mapper;

    FindingActions(ProblemService problems, RectificationProcess process, DetectionMapper mapper) {
        this.problems = problems;
        this.process = process;
        this.mapper = mapper;
    }

    /** Registers the problem and stores the finding with it: both or neither. */
    @Transactional
    Finding open(Rule rule, Candidate record, Thresholds.Evaluation evaluation, String officerNo, String title,
            String description, Instant now) {
        Problem problem = problems.register(new Registration(SOURCE, rule.category(), record.unitCode(), officerNo,
                title, description, record.startAt(), false, evaluation.level(), rule.findingKey(record.recordKey()),
                REGISTERED_BY));
        Finding finding = new Finding(rule.name(), record.recordKey(), record.unitCode(), officerNo,
                evaluation.level(), evaluation.outstanding() ? Finding.OPEN : Finding.RECTIFIED, problem.id(), now, now,
                evaluation.outstanding() ? null : now);
        mapper.insertFinding(finding);
        return finding;
    }

    /**
     * Raises the finding's problem one level at a time until it is at {@code target}, by the
     * process's message (as a leader's raise does). Returns whether the problem rose. When
     * the process cannot take the message now (e.g. between steps, or another transaction
     * moves it), the finding keeps its old level and the next run tries again; a closed
     * problem is left as it is.
     */
    boolean raise(Finding finding, Level target, String reason) {
        Problem problem = finding.problemId() == null ? null : problems.find(finding.problemId()).orElse(null);
        if (problem == null || problem.status() == ProblemStatus.CLOSED || problem.level() == null) {
            mapper.updateLevel(finding.rule(), finding.recordKey(), target);
            return false;
        }
        Level current = problem.level();
        boolean raised = false;
        try {
            while (current.compareTo(target) < 0) {
                Level next = process.raise(problem.id(), RAISED_BY, reason);
                if (next == current) {
                    break;
                }
                current = next;
                raised = true;
            }
        } catch (ConflictException e) {
            log.info("Problem {} of finding {}:{} not raised to {} now ({}); the next run tries again",
                    problem.id(), finding.rule(), finding.recordKey(), target, e.getMessage());
            return raised;
        } catch (RuntimeException e) {
            // e.g. the job executor moved the same process at this moment (optimistic locking)
            log.warn("Problem {} of finding {}:{} not raised to {} now; the next run tries again: {}",
                    problem.id(), finding.rule(), finding.recordKey(), target, e.toString());
            return raised;
        }
        mapper.updateLevel(finding.rule(), finding.recordKey(), target);
        return raised;
    }
}
