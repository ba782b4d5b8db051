package cn.jiandu.notification.dingtalk;

import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface QuotaMapper {

    int increment(@Param("month") String month, @Param("api") String api);

    int insert(@Param("month") String month, @Param("api") String api);

    List<ApiCalls> month(@Param("month") String month);

    /** The calls of one API in a month. */
    record ApiCalls(String api, long calls) {
    }
}
