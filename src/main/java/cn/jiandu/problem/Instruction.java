package cn.jiandu.problem;

import java.time.OffsetDateTime;

/**
 * The deputy leader's instruction at 督办 (督办批示), as GET /api/problems/{id} and the problem
 * page give it.
 *
 * @param kind 批示 or 已阅
 * @param text what he instructed (批示内容); null for 已阅
 * @param officerNo his user id (警号)
 * @param officerName his name
 * @param createdAt when he completed the task (China time)
 */
public record Instruction(long id, String kind, String text, String officerNo, String officerName,
        OffsetDateTime createdAt) {

    /** 批示 (with a text), as against 已阅. */
    public boolean instructs() {
        return "批示".equals(kind);
    }
}
