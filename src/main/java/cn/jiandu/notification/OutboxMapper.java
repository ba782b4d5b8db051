package cn.jiandu.notification;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface OutboxMapper {

    int exists(@Param("idemKey") String idemKey);

    int insert(@Param("m") NewMessage message);

    List<Long> dueIds(@Param("now") Instant now, @Param("limit") int limit);

    int claim(@Param("ids") List<Long> ids, @Param("token") String token, @Param("until") Instant until);

    List<OutboxMessage> claimed(@Param("token") String token);

    int releaseExpired(@Param("now") Instant now);

    int markSent(@Param("ids") List<Long> ids, @Param("at") Instant at, @Param("task") String task);

    int reschedule(@Param("ids") List<Long> ids, @Param("at") Instant at, @Param("error") String error,
            @Param("countAttempt") boolean countAttempt);

    int markFailed(@Param("ids") List<Long> ids, @Param("error") String error);

    int retry(@Param("id") long id, @Param("now") Instant now);

    OutboxMessage find(@Param("id") long id);

    List<OutboxMessage> list(@Param("status") String status, @Param("problemId") Long problemId,
            @Param("limit") int limit);

    int ensureRobot(@Param("name") String name);

    String lockRobot(@Param("name") String name);

    int robotSendsSince(@Param("robot") String robot, @Param("since") Instant since, @Param("now") Instant now);

    Instant oldestRobotSendSince(@Param("robot") String robot, @Param("since") Instant since, @Param("now") Instant now);

    int logRobotSend(@Param("robot") String robot, @Param("at") Instant at);

    int pruneRobotSends(@Param("before") Instant before);

    /** The work notification rows of a message sent with one DingTalk task. */
    List<OutboxMessage> sentWithTask(@Param("task") String task, @Param("messageKey") String messageKey);

    int readRecorded(@Param("outboxId") long outboxId);

    int insertRead(@Param("outboxId") long outboxId, @Param("messageKey") String messageKey,
            @Param("problemId") Long problemId, @Param("userId") String userId, @Param("read") boolean read,
            @Param("at") Instant at);

    List<MessageReadState> readStates(@Param("problemId") long problemId);

    /** An insert into the outbox. */
    record NewMessage(String idemKey, String messageKey, String channel, String recipient, String recipientName,
            Long problemId, String step, String level, String title, String body, String link, String atMobiles,
            Instant nextAttemptAt, Instant createdAt) {
    }
}
