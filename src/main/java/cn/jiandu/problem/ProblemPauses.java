package cn.jiandu.problem;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The pauses of problems' rectification clocks (暂停计时): asked, decided, run and ended. */
@Service
public class ProblemPauses {

    private final PauseMapper mapper;

    ProblemPauses(PauseMapper mapper) {
        this.mapper = mapper;
    }

    /** The unit asks for a pause; the pause's id. */
    @Transactional
    public long request(long problemId, Instant at, String by, String reason, String detail) {
        PauseMapper.NewPause pause = new PauseMapper.NewPause();
        pause.problemId = problemId;
        pause.requestedAt = at;
        pause.requestedBy = by;
        pause.reason = reason;
        pause.detail = detail;
        mapper.insert(pause);
        return pause.id;
    }

    /** APPROVED, REJECTED or LAPSED, once. */
    @Transactional
    public void decide(long pauseId, String by, String decision, Instant at) {
        mapper.decide(pauseId, by, decision, at);
    }

    @Transactional
    public void start(long pauseId, Instant from) {
        mapper.start(pauseId, from);
    }

    /** RESUMED or EXPIRED after {@code workingDays} working days, once. */
    @Transactional
    public void end(long pauseId, Instant to, String endedBy, int workingDays) {
        mapper.end(pauseId, to, endedBy, workingDays);
    }

    @Transactional(readOnly = true)
    public ProblemPause get(long pauseId) {
        ProblemPause pause = mapper.find(pauseId);
        if (pause == null) {
            throw new IllegalStateException("No pause " + pauseId);
        }
        return pause;
    }

    @Transactional(readOnly = true)
    public List<ProblemPause> of(long problemId) {
        return mapper.forProblem(problemId);
    }

    /** The working days the problem's ended pauses took in all. */
    @Transactional(readOnly = true)
    public int pausedWorkingDays(long problemId) {
        return mapper.pausedWorkingDays(problemId);
    }
}
