package cn.jiandu.notification;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface TodoMapper {

    TodoRow find(@Param("taskId") String taskId);

    List<TodoRow> ofProblem(@Param("problemId") long problemId);

    int insert(@Param("t") TodoRow row);

    /** The wish changed: a new version. */
    int updateWish(@Param("t") TodoRow row);

    /**
     * What was done at DingTalk; the actual state only if the wish is still {@code version}
     * (a newer wish has its own outbox row that reconciles it).
     */
    int markActual(@Param("taskId") String taskId, @Param("version") int version, @Param("actual") String actual,
            @Param("dingtalkId") String dingtalkId, @Param("creator") String creatorUnionId,
            @Param("at") Instant at);

    int markCreating(@Param("taskId") String taskId, @Param("at") Instant at);

    int markError(@Param("taskId") String taskId, @Param("error") String error, @Param("at") Instant at);

    String unionId(@Param("userId") String userId);

    int insertUnionId(@Param("userId") String userId, @Param("unionId") String unionId, @Param("at") Instant at);
}
