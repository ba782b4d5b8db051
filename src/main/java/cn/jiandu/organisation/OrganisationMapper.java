package cn.jiandu.organisation;

import java.util.Collection;
import java.util.List;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import cn.jiandu.security.Role;

@Mapper
interface OrganisationMapper {

    List<Unit> findUnits();

    Unit findUnit(@Param("code") String code);

    int insertUnit(@Param("unit") Unit unit);

    int updateUnit(@Param("unit") Unit unit);

    List<OfficerRow> findOfficers(@Param("unitCode") String unitCode, @Param("role") String role);

    OfficerRow findOfficer(@Param("officerNo") String officerNo);

    /** The active officers with this DingTalk user id (免登). */
    List<OfficerRow> findActiveOfficersOnDingTalk(@Param("dingtalkUserId") String dingtalkUserId);

    int insertOfficer(@Param("officer") Officer officer);

    int updateOfficer(@Param("officer") Officer officer);

    int deleteRoles(@Param("officerNo") String officerNo);

    int insertRoles(@Param("officerNo") String officerNo, @Param("roles") Collection<Role> roles);

    /** An officer as stored: roles as one comma-separated string, split by the service. */
    record OfficerRow(String officerNo, String name, String unitCode, String roles,
            String dingtalkUserId, String mobile, boolean active) {
    }
}
