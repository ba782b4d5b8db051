package cn.jiandu.calendar;

import java.time.LocalDate;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface CalendarMapper {

    /** The listed days from first to last, both inclusive, in date order. */
    List<CalendarDay> findBetween(@Param("first") LocalDate first, @Param("last") LocalDate last);

    CalendarDay find(@Param("day") LocalDate day);

    int insert(@Param("d") CalendarDay day);

    int update(@Param("d") CalendarDay day);

    int delete(@Param("day") LocalDate day);
}
