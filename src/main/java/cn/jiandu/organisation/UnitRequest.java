package cn.jiandu.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.jiandu.text.PlainText;

/** A unit as the API and the CSV import receive it. */
record UnitRequest(
        @NotBlank(message = "单位代码不能为空")
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "单位代码只能由字母、数字、下划线和短横线组成，最长32位")
        String code,
        @NotBlank(message = "单位名称不能为空")
        @Size(max = 100, message = "单位名称最长100字")
        @Pattern(regexp = PlainText.SINGLE_LINE, message = "单位名称不能含控制字符或不完整的字符")
        String name,
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "上级单位代码格式不正确")
        String parentCode,
        @NotNull(message = "单位类型不能为空，可选值: BUREAU, LEGAL, DISCIPLINE, CRIMINAL_POLICE, STATION, OTHER")
        UnitKind kind,
        /* the deputy leader in charge (分管领导): an officer with the role DEPUTY_LEADER */
        @Pattern(regexp = "[A-Za-z0-9_-]{1,32}", message = "分管领导警号格式不正确")
        String leaderOfficerNo) {

    UnitRequest(String code, String name, String parentCode, UnitKind kind) {
        this(code, name, parentCode, kind, null);
    }

    Unit toUnit() {
        return new Unit(code, name.strip(), blankToNull(parentCode), kind, blankToNull(leaderOfficerNo));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
