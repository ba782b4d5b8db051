package cn.jiandu.security;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a person may submit when he completes a task or starts a process: asked by
 * {@link EngineApiGuard} on every completion path, answered by the capability that owns the
 * process (escalation's TaskSubmissions), so that security depends on no capability.
 */
public interface FormSubmissionPolicy {

    /** One variable as submitted: the type the caller named (null: none), the value, and whether he sent valueInfo. */
    record Submitted(String type, JsonNode value, boolean valueInfo) {
    }

    /**
     * A refused variable and why, in Chinese; {@code label} is the form field's label the
     * person sees (null for a variable that is no field of the form).
     */
    record Refusal(String name, String message, String label) {
        public Refusal(String name, String message) {
            this(name, message, null);
        }

        /** The same refusal, named by the label the person sees on the form. */
        public Refusal labelled(String fieldLabel) {
            return new Refusal(name, message, fieldLabel);
        }
    }

    /** Who submits: the user and his groups, for the visibility check. */
    record Submitter(String userId, List<String> groupIds) {
    }

    /**
     * The verdict on a submission: {@code refusals} empty means it may go on to the engine
     * (which still checks the caller's authorizations; an unknown or invisible task is left
     * to the engine to refuse).
     */
    record Verdict(String form, List<Refusal> refusals, boolean forbidden) {
        public Verdict(String form, List<Refusal> refusals) {
            this(form, refusals, false);
        }

        /**
         * Refused for who submits, not for what: the task is not his role's to decide (403
         * with {@code why}, the task left open).
         */
        public static Verdict forbidden(String form, String why) {
            return new Verdict(form, List.of(new Refusal("task", why)), true);
        }

        public boolean accepted() {
            return refusals.isEmpty();
        }

        /**
         * The Chinese message for the person: which fields (by their label where they have
         * one) or variables, and why; a start form's says the process did not start.
         */
        public String message() {
            StringBuilder text = new StringBuilder(form != null && form.endsWith(" start")
                    ? "流程未启动，请按提示修改：" : "提交的内容未被接受，任务仍待办理：");
            for (int i = 0; i < refusals.size(); i++) {
                Refusal r = refusals.get(i);
                text.append(i == 0 ? "" : "；").append(r.label() != null ? r.label() + "：" : r.name() + " ")
                        .append(r.message());
            }
            return text.toString();
        }
    }

    /** A task completion (complete, submit-form, resolve, error or escalation thrown from a task). */
    Verdict checkTask(String taskId, Submitter submitter, Map<String, Submitted> variables);

    /** A start form (process-definition start or submit-form), by definition id or by key. */
    Verdict checkStart(String definitionIdOrNull, String keyOrNull, Submitter submitter,
            Map<String, Submitted> variables);

    /**
     * A task handed to someone (指派 {@code task/{id}/assignee}, 认领 {@code claim}): refused
     * (forbidden) when the task is not for the people the assignee is; an empty verdict lets
     * the engine decide as ever. {@code assignee} may be null (giving the task back).
     */
    default Verdict checkAssignment(String taskId, String assignee, Submitter submitter) {
        return new Verdict(null, List.of());
    }
}
