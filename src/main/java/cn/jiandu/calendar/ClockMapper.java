package cn.jiandu.calendar;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** The one row of app_clock: the adjustable clock's offset (demo and test runs only). */
@Mapper
interface ClockMapper {

    Long findOffset();

    int updateOffset(@Param("offsetMillis") long offsetMillis);

    int insertOffset(@Param("offsetMillis") long offsetMillis);
}
