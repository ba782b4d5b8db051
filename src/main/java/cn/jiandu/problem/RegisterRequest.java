package cn.jiandu.problem;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import cn.jiandu.text.PlainText;

/** POST /api/problems. */
record RegisterRequest(
        @NotBlank(message = "问题来源不能为空") String source,
        @NotBlank(message = "问题类别不能为空") String category,
        @NotBlank(message = "责任单位不能为空") String unitCode,
        @Size(max = 32, message = "警号最长32位") String officerNo,
        @NotBlank(message = "标题不能为空") @Size(max = 200, message = "标题最长200字")
        @Pattern(regexp = PlainText.SINGLE_LINE, message = "标题不能含控制字符或不完整的字符") String title,
        @NotBlank(message = "问题描述不能为空") @Size(max = 4000, message = "问题描述最长4000字")
        @Pattern(regexp = PlainText.MULTI_LINE, message = "问题描述不能含控制字符或不完整的字符") String description,
        OffsetDateTime occurredAt,
        Boolean sensitive) {
}
