package cn.jiandu.organisation;

import java.util.Set;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.jiandu.security.Role;
import cn.jiandu.text.PlainText;

/** An officer as the API and the CSV import receive it; the password is never returned. */
record OfficerRequest(
        @NotBlank(message = "警号不能为空")
        @Pattern(regexp = "[A-Za-z0-9]{1,32}", message = "警号只能由字母和数字组成，最长32位")
        String officerNo,
        @NotBlank(message = "姓名不能为空")
        @Size(max = 50, message = "姓名最长50字")
        @Pattern(regexp = PlainText.SINGLE_LINE, message = "姓名不能含控制字符或不完整的字符")
        String name,
        @NotBlank(message = "所属单位不能为空")
        String unitCode,
        @NotEmpty(message = "角色不能为空，可选值: OFFICER, UNIT_HEAD, LEGAL_OFFICER, LEGAL_CAPTAIN, DISCIPLINE_INSPECTOR, DEPUTY_LEADER, CHIEF, COMMITTEE, ADMIN")
        Set<Role> roles,
        @Size(max = 64, message = "钉钉用户ID最长64位")
        @Pattern(regexp = "[^\\p{Cntrl}]*", message = "钉钉用户ID含有控制字符")
        String dingtalkUserId,
        @Pattern(regexp = "(1[3-9][0-9]{9})?", message = "手机号应为11位中国大陆手机号")
        String mobile,
        @Size(max = 128, message = "密码最长128位")
        String password,
        Boolean active) {

    Officer toOfficer() {
        return new Officer(officerNo, name.strip(), unitCode.strip(), Set.copyOf(roles),
                UnitRequest.blankToNull(dingtalkUserId), UnitRequest.blankToNull(mobile),
                active == null || active);
    }
}
