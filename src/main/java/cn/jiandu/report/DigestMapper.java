package cn.jiandu.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** What the morning digest (每日早8时推送) reads beyond the dashboard's figures. */
@Mapper
interface DigestMapper {

    /** The open reds and yellows of the units whose deputy leader in charge (分管领导) this officer is. */
    List<ReportMapper.ProblemRow> warningsInCharge(@Param("leader") String leaderOfficerNo, @Param("limit") int limit);

    long reviewingCount();

    /** Problems whose rectification report waits for the legal department's review (审核中). */
    List<ReportMapper.ProblemRow> reviewing(@Param("limit") int limit);

    /**
     * A unit's open problems due before {@code before}: to sign (待签收, the signing deadline) or
     * to rectify (整改中, the rectification deadline).
     */
    List<DueRow> unitDue(@Param("unitCode") String unitCode, @Param("before") Instant before, @Param("limit") int limit);

    int digestDone(@Param("date") LocalDate date);

    int markDigestDone(@Param("date") LocalDate date, @Param("at") Instant at);

    /** A problem a unit must act on, and by when. */
    record DueRow(long id, String title, String level, String status, Instant due) {
    }
}
