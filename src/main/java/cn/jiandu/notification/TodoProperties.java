package cn.jiandu.notification;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * jiandu.dingtalk.todo.*: which user tasks become DingTalk to-dos (钉钉待办).
 *
 * @param taskKinds the task definition keys of the models (Task_Sign …) whose tasks are kept
 *        as to-dos; {@code "*"} every user task of every model. Each to-do costs at least two
 *        metered calls (create, done) of the month's quota, so production syncs the few steps
 *        a person must act on in time.
 */
@ConfigurationProperties("jiandu.dingtalk.todo")
public record TodoProperties(
        @DefaultValue({"Task_Sign", "Task_Rectify", "Task_Review", "Task_SuperviseInstruction"}) List<String> taskKinds) {

    public static final String ALL = "*";

    public TodoProperties {
        taskKinds = taskKinds == null ? List.of() : List.copyOf(taskKinds);
    }

    /** Whether tasks of this definition key become to-dos. */
    public boolean syncs(String taskKey) {
        return taskKinds.contains(ALL) || taskKinds.contains(taskKey);
    }
}
