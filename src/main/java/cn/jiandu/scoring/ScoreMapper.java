package cn.jiandu.scoring;

import java.time.Instant;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface ScoreMapper {

    int exists(@Param("problemId") long problemId, @Param("level") String level);

    int insert(@Param("problemId") long problemId, @Param("level") String level, @Param("unitCode") String unitCode,
            @Param("officerNo") String officerNo, @Param("unitPoints") int unitPoints,
            @Param("officerPoints") int officerPoints, @Param("month") String month, @Param("at") Instant at);
}
