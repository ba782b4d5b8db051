package cn.jiandu.notification;

import java.time.Instant;

/** A row of dingtalk_todo: a user task's DingTalk to-do (钉钉待办), wished and as DingTalk has it. */
public record TodoRow(String taskId, String taskKey, Long problemId, String level, String subject,
        String description, Instant dueAt, String detailPath, String executors, String desiredState,
        String actualState, int syncedVersion, String dingtalkId, String creatorUnionId, String lastError, int version,
        Instant createdAt, Instant updatedAt) {

    static final String NONE = "NONE";
    static final String CREATING = "CREATING";
    static final String OPEN = "OPEN";
    static final String DONE = "DONE";
    static final String DELETED = "DELETED";
}
