package cn.jiandu.notification.dingtalk;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface QuotaMapper {

    /** Adds {@code calls} to the month's row of the API; 0 when there is none yet. */
    int add(@Param("month") String month, @Param("api") String api, @Param("calls") long calls);

    int insert(@Param("month") String month, @Param("api") String api, @Param("calls") long calls);

    List<ApiCalls> month(@Param("month") String month);

    /** The calls of one API in a month. */
    record ApiCalls(String api, long calls) {
    }
}
