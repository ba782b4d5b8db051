package cn.jiandu.scoring;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.jiandu.level.Level;
import cn.jiandu.problem.Accountability;

@Mapper
interface ScoreMapper {

    int exists(@Param("problemId") long problemId, @Param("level") Level level);

    int insert(@Param("problemId") long problemId, @Param("level") Level level, @Param("unitCode") String unitCode,
            @Param("officerNo") String officerNo, @Param("unitPoints") int unitPoints,
            @Param("officerPoints") int officerPoints, @Param("month") String month, @Param("at") Instant at);

    int accountabilityExists(@Param("talkId") long talkId);

    int insertAccountability(@Param("talkId") long talkId, @Param("problemId") long problemId,
            @Param("outcome") Accountability outcome, @Param("unitCode") String unitCode,
            @Param("officerNo") String officerNo, @Param("points") int points, @Param("month") String month,
            @Param("at") Instant at);
    /** What a problem's deductions not yet reversed come to: unit and officer points (nulls as 0). */
    Outstanding outstanding(@Param("problemId") long problemId);

    /** Marks a problem's deductions reversed (its points given back); returns how many rows. */
    int reverse(@Param("problemId") long problemId, @Param("at") Instant at, @Param("by") String by);

    /**
     * Every unit but the bureau itself, and any unit charged in the month, with the points
     * deducted in the month (before {@code until} when given).
     */
    List<Points> unitPoints(@Param("month") String month, @Param("until") Instant until);

    /** Every active officer outside the bureau unit, and any officer charged in the month. */
    List<Points> officerPoints(@Param("month") String month, @Param("until") Instant until);

    /** The points a problem still costs its unit and its officer. */
    record Outstanding(int unitPoints, int officerPoints) {
    }

    /** What one unit or officer lost in a month. */
    /** The points a unit or officer (code) lost in the month. */
    record Points(String code, int points) {
    }

    record Total(String code, String name, String unitCode, String unitName, int deducted) {
    }
}
