package cn.jiandu.problem;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface InstructionMapper {

    int insert(@Param("problemId") long problemId, @Param("taskId") String taskId, @Param("kind") String kind,
            @Param("text") String text, @Param("officerNo") String officerNo, @Param("officerName") String officerName,
            @Param("createdAt") Instant createdAt);

    List<Stored> findByProblem(@Param("problemId") long problemId);

    /** A stored instruction, its time as stored. */
    record Stored(long id, String kind, String text, String officerNo, String officerName, Instant createdAt) {
    }
}
