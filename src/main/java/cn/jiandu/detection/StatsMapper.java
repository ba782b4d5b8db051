package cn.jiandu.detection;

import java.time.Instant;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** Per-unit counts over the ledgers for a period: one grouped query each. */
@Mapper
interface StatsMapper {

    List<IncidentCounts> incidentCounts(@Param("from") Instant from, @Param("to") Instant to,
            @Param("divertSeconds") long divertSeconds);

    List<AcceptedCounts> acceptedCounts(@Param("from") Instant from, @Param("to") Instant to);

    List<FiledCounts> filedCounts(@Param("from") Instant from, @Param("to") Instant to);

    /** Incidents received in the period: diverted in time, administrative accepted, criminal filed or not filed. */
    record IncidentCounts(String unitCode, long incidents, long divertedInTime, long adminIncidents,
            long adminAccepted, long criminalIncidents, long criminalDecided) {
    }

    /** Cases accepted in the period, and of them those with a receipt. */
    record AcceptedCounts(String unitCode, long accepted, long withReceipt) {
    }

    /** Cases filed in the period, and of them those with a filing notice. */
    record FiledCounts(String unitCode, long filed, long withNotice) {
    }
}
