package cn.jiandu.notification;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Cards sent (dingtalk_card) and the presses of their buttons (dingtalk_card_action). */
@Mapper
interface CardMapper {

    /** A card of a task for a person. */
    record Card(String outTrackId, String kind, String taskId, Long problemId, String userId, String officerNo,
            Instant createdAt, String doneByName, String doneVerb, Instant doneAt) {
    }

    /** A press of a button, as stored. */
    record Action(long id, String outTrackId, String userId, String actionId, String params, String transport,
            String status, int attempts, String outcome, Instant receivedAt, Instant handledAt) {
    }

    int insertCard(@Param("c") Card card);

    Card card(@Param("outTrackId") String outTrackId);

    List<Card> cardsOfTask(@Param("taskId") String taskId);

    int markTaskDone(@Param("taskId") String taskId, @Param("name") String name, @Param("verb") String verb,
            @Param("at") Instant at);

    /** Inserts a press unless the same (card, user, action) is there: 1 new, 0 known. */
    int insertAction(@Param("outTrackId") String outTrackId, @Param("userId") String userId,
            @Param("actionId") String actionId, @Param("params") String params, @Param("transport") String transport,
            @Param("at") Instant at);

    int actionExists(@Param("outTrackId") String outTrackId, @Param("userId") String userId,
            @Param("actionId") String actionId);

    List<Long> pendingActionIds(@Param("limit") int limit);

    int claimActions(@Param("ids") List<Long> ids, @Param("token") String token, @Param("until") Instant until);

    List<Action> claimedActions(@Param("token") String token);

    int releaseExpiredActions(@Param("now") Instant now);

    int finishAction(@Param("id") long id, @Param("token") String token, @Param("status") String status,
            @Param("outcome") String outcome, @Param("at") Instant at);

    int retryAction(@Param("id") long id, @Param("error") String error, @Param("failed") boolean failed);

    List<Action> actions(@Param("outTrackId") String outTrackId);
}
