package cn.jiandu.problem;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface PauseMapper {

    int insert(NewPause pause);

    int decide(@Param("id") long id, @Param("decidedBy") String decidedBy, @Param("decision") String decision,
            @Param("at") Instant at);

    int start(@Param("id") long id, @Param("from") Instant from);

    int end(@Param("id") long id, @Param("to") Instant to, @Param("endedBy") String endedBy,
            @Param("workingDays") int workingDays);

    ProblemPause find(@Param("id") long id);

    List<ProblemPause> forProblem(@Param("problemId") long problemId);

    /** The working days of the problem's ended pauses. */
    int pausedWorkingDays(@Param("problemId") long problemId);

    /** A pause to insert; {@code id} is set by the insert. */
    final class NewPause {
        public Long id;
        public long problemId;
        public Instant requestedAt;
        public String requestedBy;
        public String reason;
        public String detail;
    }
}
