package cn.jiandu.problem;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.jiandu.level.Level;

@Mapper
interface ProblemMapper {

    /** Every channel, inactive ones too, in their order. */
    List<Channel> sources();

    /** One channel, null when there is no such code. */
    Channel source(@Param("code") String code);

    /** Locks a channel's row for the rest of the transaction; null when there is none. */
    Channel sourceForUpdate(@Param("code") String code);

    int insertSource(@Param("c") Channel channel);

    int updateSource(@Param("c") Channel channel);

    List<ReferenceItem> categories();

    /** The name of a source, null when there is no such source. */
    String sourceName(@Param("code") String code);

    /** The name of a category, null when there is no such category. */
    String categoryName(@Param("code") String code);

    int insert(NewProblem problem);

    Problem find(@Param("id") long id);

    Problem findForUpdate(@Param("id") long id);

    List<Problem> page(@Param("unitCode") String unitCode, @Param("level") Level level,
            @Param("status") ProblemStatus status, @Param("text") String text, @Param("offset") long offset,
            @Param("limit") int limit);

    List<Problem> openAfter(@Param("afterId") long afterId, @Param("limit") int limit);

    long count(@Param("unitCode") String unitCode, @Param("level") Level level, @Param("status") ProblemStatus status,
            @Param("text") String text);

    List<UnitProblemCount> openCountsByUnit(@Param("now") Instant now);

    int attachProcess(@Param("id") long id, @Param("processInstanceId") String processInstanceId);

    int updateLevel(@Param("id") long id, @Param("level") Level level);

    int updateDeadlines(@Param("id") long id, @Param("signDeadline") Instant signDeadline,
            @Param("deadline") Instant deadline);

    int updateStatus(@Param("id") long id, @Param("status") ProblemStatus status);

    int markSigned(@Param("id") long id, @Param("at") Instant at);

    int markReported(@Param("id") long id, @Param("at") Instant at);

    int incrementRepeat(@Param("id") long id);

    int markUrged(@Param("id") long id, @Param("at") Instant at);

    /** Voids a problem still open: 1 when it was, 0 when it was closed or void already. */
    int markVoid(@Param("id") long id, @Param("at") Instant at, @Param("by") String by,
            @Param("reason") String reason);

    int updateUnit(@Param("id") long id, @Param("unitCode") String unitCode);

    int close(@Param("id") long id, @Param("at") Instant at, @Param("onTime") boolean onTime);

    /** A closed problem back to 整改 (counted as a repeat); 0 when it was not closed. */
    int reopen(@Param("id") long id);

    int insertEvent(NewEvent event);

    int completeEvent(@Param("id") long id, @Param("placeholder") String placeholder, @Param("text") String text);

    List<ProblemEvent> events(@Param("problemId") long problemId);

    /** The insert of a problem; MyBatis writes the generated id back. */
    final class NewProblem {
        public Long id;
        public String source;
        public String category;
        public String unitCode;
        public String officerNo;
        public String title;
        public String description;
        public Instant occurredAt;
        public boolean sensitive;
        public ProblemStatus status;
        public String findingKey;
        public String registeredBy;
        public Instant createdAt;
    }

    /** The insert of a timeline entry. */
    final class NewEvent {
        public Long id;
        public long problemId;
        public Instant at;
        public EventKind kind;
        public String actor;
        public Level level;
        public String detail;
        public String ref;
    }
}
