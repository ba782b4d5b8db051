package cn.jiandu.problem;

import java.time.Instant;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.time.Times;

/** The deputy leader's instructions at 督办 (督办批示) on a problem. */
@Service
public class ProblemInstructions {

    private final InstructionMapper mapper;

    ProblemInstructions(InstructionMapper mapper) {
        this.mapper = mapper;
    }

    /** Stores one, in the caller's transaction (the task's completion). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void add(long problemId, String taskId, String kind, String text, String officerNo, String officerName,
            Instant at) {
        mapper.insert(problemId, taskId, kind, text, officerNo, officerName, at);
    }

    /** The problem's instructions, oldest first. */
    @Transactional(readOnly = true)
    public List<Instruction> forProblem(long problemId) {
        return mapper.findByProblem(problemId).stream()
                .map(s -> new Instruction(s.id(), s.kind(), s.text(), s.officerNo(), s.officerName(),
                        Times.china(s.createdAt())))
                .toList();
    }

    /** The latest 批示 (not 已阅) of the problem, if any: what a 督办单 issued now prints. */
    @Transactional(readOnly = true)
    public java.util.Optional<Instruction> latestInstruction(long problemId) {
        List<Instruction> all = forProblem(problemId);
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).instructs()) {
                return java.util.Optional.of(all.get(i));
            }
        }
        return java.util.Optional.empty();
    }
}
