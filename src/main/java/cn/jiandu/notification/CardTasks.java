package cn.jiandu.notification;

import java.util.Map;

/**
 * Completes a task for a person who pressed a card's button: implemented by the capability that
 * owns the process (escalation), with the Tasklist's own rules (the person must see the task
 * under Camunda's authorizations, and only the form's fields pass the form's checks).
 */
public interface CardTasks {

    /** What came of a press. */
    enum Outcome {
        /** The task was completed by the person. */
        DONE,
        /** The task is not his (another unit's, or not his role's): nothing changed. */
        REFUSED,
        /** The task is done already (or gone): nothing changed. */
        ALREADY_DONE
    }

    /** The outcome and, for a refusal, why in Chinese. */
    record Result(Outcome outcome, String why) {
    }

    /**
     * Completes {@code taskId} as {@code officerNo} with {@code variables} (form fields only),
     * if he may; in the caller's transaction.
     */
    Result complete(String taskId, String officerNo, Map<String, String> variables);
}
