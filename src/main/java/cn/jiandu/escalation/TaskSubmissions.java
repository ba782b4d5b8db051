package cn.jiandu.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import cn.jiandu.security.FormSubmissionPolicy;
import cn.jiandu.text.PlainText;

/**
 * What a person may submit when he completes a task or starts a process (提交表单): only the
 * fields of the deployed form of that task or start event, each of its own type and length,
 * primitive values only, and never a variable the process itself owns (level, deadlines,
 * counts, unit …: {@link Rectification#ENGINE_OWNED}). Every path that completes a task
 * for a person asks here first: the engine REST API, the Tasklist's API, and any later one.
 */
@Service
public class TaskSubmissions implements FormSubmissionPolicy {

    private static final Logger log = LoggerFactory.getLogger(TaskSubmissions.class);

    /** The value types a person may submit: primitive values, never a type he names. */
    private static final Set<String> PRIMITIVE_TYPES = Set.of("string", "boolean", "integer", "long", "short",
            "double", "date", "null");
    private static final Set<String> NUMBER_TYPES = Set.of("integer", "long", "short", "double");
    private static final Pattern DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?)?|\\d{2}:\\d{2}(:\\d{2})?");

    private final FormService forms;
    private final TaskService tasks;
    private final RepositoryService repository;
    private final IdentityService identity;
    private final ObjectMapper json;
    private final Transfers transfers;
    private final RectifyEvidence rectifyEvidence;
    private final RegistrationChoices choices;
    private final IntakeChecks intakeChecks;
    private final int maxTextLength;
    private final Counter refused;

    TaskSubmissions(FormService forms, TaskService tasks, RepositoryService repository, IdentityService identity,
            ObjectMapper json, MeterRegistry meters, Transfers transfers, RectifyEvidence rectifyEvidence,
            RegistrationChoices choices, IntakeChecks intakeChecks,
            @Value("${jiandu.forms.max-text-length:4000}") int maxTextLength) {
        this.intakeChecks = intakeChecks;
        this.choices = choices;
        this.transfers = transfers;
        this.rectifyEvidence = rectifyEvidence;
        this.forms = forms;
        this.tasks = tasks;
        this.repository = repository;
        this.identity = identity;
        this.json = json;
        this.maxTextLength = maxTextLength;
        this.refused = Counter.builder("jiandu.refused.task.variables")
                .description("Task completions and form submissions refused for variables outside the form")
                .register(meters);
    }

    /** A task completion (complete, submit-form, resolve, error or escalation thrown from a task). */
    @Override
    public Verdict checkTask(String taskId, Submitter submitter, Map<String, Submitted> variables) {
        Authentication saved = identity.getCurrentAuthentication();
        try {
            identity.clearAuthentication();
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || !visible(taskId, submitter)) {
                return new Verdict(null, List.of());
            }
            identity.clearAuthentication();
            FormFields fields = taskForm(taskId);
            String form = task.getTaskDefinitionKey();
            boolean intake = isIntake(task);
            if (roleOnly(task) && !holdsRole(taskId, submitter)) {
                Verdict verdict = Verdict.forbidden(form, switch (form) {
                    case IntakeFlow.TASK_CALLBACK_REVIEW -> "群众诉求的回访复核只能由法制大队长办理，任务仍待办理";
                    case Rectification.TASK_SUPERVISE_INSTRUCTION -> "督办批示只能由分管局领导办理，任务仍待办理";
                    default -> "群众诉求的分派和回访只能由法制员办理，任务仍待办理";
                });
                report(verdict, submitter, "task " + taskId + " (" + form + ")");
                return verdict;
            }
            Verdict verdict = judge(form, fields, variables, intake ? IntakeFlow.ENGINE_OWNED : Rectification.ENGINE_OWNED);
            if (verdict.accepted() && intake) {
                verdict = new Verdict(form, intakeChecks.refusals(taskId, form, variables).stream()
                        .map(refusal -> labelled(fields, refusal)).toList());
            }
            if (verdict.accepted() && Rectification.TASK_SUPERVISE_INSTRUCTION.equals(form)) {
                verdict = instruction(taskId, form, fields, variables);
            }
            if (verdict.accepted() && Rectification.TASK_DECIDE_TRANSFER.equals(form)) {
                verdict = transferTarget(taskId, form, variables);
            }
            if (verdict.accepted() && Rectification.TASK_RECTIFY.equals(form)) {
                String formName = form;
                verdict = rectifyEvidence.refusal(taskId, variables)
                        .map(why -> new Verdict(formName, List.of(new Refusal(Rectification.RECTIFY_OUTCOME, why))))
                        .orElse(verdict);
            }
            report(verdict, submitter, "task " + taskId + " (" + form + ")");
            return verdict;
        } finally {
            restore(saved);
        }
    }

    /** A start form (process-definition start or submit-form), by definition id or by key. */
    @Override
    public Verdict checkStart(String definitionIdOrNull, String keyOrNull, Submitter submitter,
            Map<String, Submitted> variables) {
        Authentication saved = identity.getCurrentAuthentication();
        try {
            identity.clearAuthentication();
            ProcessDefinition definition = definitionIdOrNull != null
                    ? repository.createProcessDefinitionQuery().processDefinitionId(definitionIdOrNull).singleResult()
                    : repository.createProcessDefinitionQuery().processDefinitionKey(keyOrNull).withoutTenantId()
                            .latestVersion().singleResult();
            if (definition == null) {
                return new Verdict(null, List.of());
            }
            String form = definition.getKey() + " start";
            if (IntakeFlow.PROCESS_KEY.equals(definition.getKey())) {
                // a ticket enters through the intake API, which stores it and starts its process
                Verdict verdict = new Verdict(form, List.of(new Refusal(IntakeFlow.INTAKE_ID,
                        "群众诉求只能通过受理接口登记（POST /api/intake 或批量导入），不能直接启动诉求流程")));
                report(verdict, submitter, "start of " + definition.getId());
                return verdict;
            }
            FormFields fields = startForm(definition.getId());
            Verdict verdict = judge(form, fields, variables, Rectification.ENGINE_OWNED_AT_START);
            if (verdict.accepted() && Rectification.PROCESS_KEY.equals(definition.getKey())) {
                verdict = registrationChoices(form, fields, variables);
            }
            report(verdict, submitter, "start of " + definition.getId());
            return verdict;
        } finally {
            restore(saved);
        }
    }

    /**
     * A registration's unit, officer, source and category must be among the form's choices:
     * refused here, each as its field's error, so that the engine never throws for a person's
     * mistake (it would log it as an ERROR and answer with its own English text).
     */
    private Verdict registrationChoices(String form, FormFields fields, Map<String, Submitted> variables) {
        Map<String, String> submitted = new java.util.HashMap<>();
        for (String name : List.of(Rectification.UNIT_CODE, Rectification.OFFICER_NO, Rectification.SOURCE,
                Rectification.CATEGORY, Rectification.TITLE, Rectification.DESCRIPTION)) {
            submitted.put(name, submittedText(variables, name));
        }
        return new Verdict(form, choices.refusals(submitted).stream().map(refusal -> labelled(fields, refusal))
                .toList());
    }

    private static Refusal labelled(FormFields fields, Refusal refusal) {
        FormFields.Field field = fields.field(refusal.name());
        return field == null ? refusal : refusal.labelled(field.label());
    }

    /**
     * An approved transfer must name a unit that can take the problem (exists, active, not the
     * current one): refused here, as the form field's error, so the task stays open.
     */
    private Verdict transferTarget(String taskId, String form, Map<String, Submitted> variables) {
        String decision = submittedText(variables, Rectification.TRANSFER_DECISION);
        if (decision == null) {
            decision = (String) tasks.getVariable(taskId, Rectification.TRANSFER_DECISION);
        }
        if (!Rectification.DECISION_APPROVE.equals(decision)) {
            return new Verdict(form, List.of());
        }
        String unitCode = variables.containsKey(Rectification.TRANSFER_UNIT_CODE)
                ? submittedText(variables, Rectification.TRANSFER_UNIT_CODE)
                : (String) tasks.getVariable(taskId, Rectification.TRANSFER_UNIT_CODE);
        String current = (String) tasks.getVariable(taskId, Rectification.UNIT_CODE);
        return new Verdict(form, transfers.refusal(current, unitCode)
                .map(why -> List.of(new Refusal(Rectification.TRANSFER_UNIT_CODE, why))).orElse(List.of()));
    }

    private static String submittedText(Map<String, Submitted> variables, String name) {
        Submitted submitted = variables.get(name);
        return submitted == null || submitted.value() == null || submitted.value().isNull() ? null
                : submitted.value().asText();
    }

    /**
     * A ticket's task goes only to someone of the role its task names (or an administrator):
     * the legal officer's right to assign any task does not hand the triage or the call back
     * to the unit the ticket names, nor the captain's review to a legal officer.
     */
    @Override
    public Verdict checkAssignment(String taskId, String assignee, Submitter submitter) {
        if (assignee == null || assignee.isBlank()) {
            return new Verdict(null, List.of());
        }
        Authentication saved = identity.getCurrentAuthentication();
        try {
            identity.clearAuthentication();
            Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
            if (task == null || !roleOnly(task)) {
                return new Verdict(null, List.of());
            }
            List<String> groups = identity.createGroupQuery().groupMember(assignee).list().stream()
                    .map(org.camunda.bpm.engine.identity.Group::getId).toList();
            if (holdsRole(taskId, new Submitter(assignee, groups))) {
                return new Verdict(task.getTaskDefinitionKey(), List.of());
            }
            Verdict verdict = Verdict.forbidden(task.getTaskDefinitionKey(), switch (task.getTaskDefinitionKey()) {
                case IntakeFlow.TASK_CALLBACK_REVIEW -> "群众诉求的回访复核只能交给法制大队长办理，任务未改变";
                case Rectification.TASK_SUPERVISE_INSTRUCTION -> "督办批示只能交给分管局领导办理，任务未改变";
                default -> "群众诉求的分派和回访只能交给法制员办理，任务未改变";
            });
            report(verdict, submitter, "assignment of task " + taskId + " (" + task.getTaskDefinitionKey() + ")");
            return verdict;
        } finally {
            restore(saved);
        }
    }

    /**
     * A task only its role (candidate group) or an administrator may take or complete: every
     * task of a ticket of the public, and the deputy leader's 督办批示 (no legal officer or
     * unit head decides for him).
     */
    private static boolean roleOnly(Task task) {
        return isIntake(task) || Rectification.TASK_SUPERVISE_INSTRUCTION.equals(task.getTaskDefinitionKey());
    }

    /**
     * 督办批示: 批示 or 已阅 must be chosen; 批示 needs its text (the form's length). Checked here
     * so that the task stays open and the reason names the field.
     */
    private Verdict instruction(String taskId, String form, FormFields fields, Map<String, Submitted> variables) {
        String kind = variables.containsKey(Rectification.INSTRUCTION_KIND)
                ? submittedText(variables, Rectification.INSTRUCTION_KIND)
                : (String) tasks.getVariable(taskId, Rectification.INSTRUCTION_KIND);
        List<Refusal> refusals = new ArrayList<>();
        if (kind == null || kind.isBlank()) {
            refusals.add(new Refusal(Rectification.INSTRUCTION_KIND, "请选择批示或已阅"));
        } else if (!Rectification.KIND_INSTRUCT.equals(kind) && !Rectification.KIND_READ.equals(kind)) {
            refusals.add(new Refusal(Rectification.INSTRUCTION_KIND, "只能是批示或已阅"));
        } else if (Rectification.KIND_INSTRUCT.equals(kind)) {
            String text = variables.containsKey(Rectification.INSTRUCTION)
                    ? submittedText(variables, Rectification.INSTRUCTION)
                    : (String) tasks.getVariable(taskId, Rectification.INSTRUCTION);
            if (text == null || text.isBlank()) {
                refusals.add(new Refusal(Rectification.INSTRUCTION, "批示时须填写批示内容"));
            }
        }
        return new Verdict(form, refusals.stream().map(refusal -> labelled(fields, refusal)).toList());
    }

    /** A task of intake.bpmn (群众诉求), whichever version. */
    private static boolean isIntake(Task task) {
        return task.getProcessDefinitionId() != null
                && task.getProcessDefinitionId().startsWith(IntakeFlow.PROCESS_KEY + ":");
    }

    /**
     * A ticket of the public is decided only by the role its task names (candidate group) or
     * an administrator: the legal officer's right to complete any task on the bureau's behalf,
     * or an assignment to someone else, does not reach the captain's review or bring a unit
     * the ticket names into its triage and call back.
     */
    private boolean holdsRole(String taskId, Submitter submitter) {
        if (submitter == null) {
            return true;
        }
        List<String> groups = submitter.groupIds() == null ? List.of() : submitter.groupIds();
        if (groups.contains(org.camunda.bpm.engine.authorization.Groups.CAMUNDA_ADMIN)
                || groups.contains(cn.jiandu.security.Role.ADMIN.groupId())) {
            return true;
        }
        return tasks.getIdentityLinksForTask(taskId).stream()
                .filter(link -> org.camunda.bpm.engine.task.IdentityLinkType.CANDIDATE.equals(link.getType()))
                .anyMatch(link -> link.getGroupId() != null && groups.contains(link.getGroupId()));
    }

    private boolean visible(String taskId, Submitter submitter) {
        if (submitter == null) {
            return true;
        }
        identity.setAuthentication(submitter.userId(), submitter.groupIds());
        return tasks.createTaskQuery().taskId(taskId).count() == 1;
    }

    private void restore(Authentication saved) {
        if (saved == null) {
            identity.clearAuthentication();
        } else {
            identity.setAuthentication(saved);
        }
    }

    private FormFields taskForm(String taskId) {
        try (InputStream form = forms.getDeployedTaskForm(taskId)) {
            return FormFields.parse(form, json);
        } catch (ProcessEngineException e) {
            return FormFields.NONE; // no deployed form: nothing to submit
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable form of task " + taskId, e);
        }
    }

    private FormFields startForm(String definitionId) {
        try (InputStream form = forms.getDeployedStartForm(definitionId)) {
            return FormFields.parse(form, json);
        } catch (ProcessEngineException e) {
            return FormFields.NONE;
        } catch (IOException e) {
            throw new IllegalStateException("Unreadable start form of " + definitionId, e);
        }
    }

    private void report(Verdict verdict, Submitter submitter, String target) {
        if (!verdict.accepted()) {
            refused.increment();
            log.warn("Refused variables {} submitted by {} to {}",
                    verdict.refusals().stream().map(Refusal::name).toList(),
                    submitter == null ? "?" : submitter.userId(), target);
        }
    }

    Verdict judge(String form, FormFields fields, Map<String, Submitted> variables, Set<String> engineOwned) {
        List<Refusal> refusals = new ArrayList<>();
        for (Map.Entry<String, Submitted> entry : variables.entrySet()) {
            String name = entry.getKey();
            String problem = engineOwned.contains(name) ? "由流程自动维护，不能通过表单提交"
                    : fields.field(name) == null ? "不是本任务表单的字段"
                    : problem(fields.field(name), entry.getValue());
            if (problem != null) {
                FormFields.Field field = engineOwned.contains(name) ? null : fields.field(name);
                refusals.add(new Refusal(PlainText.printable(name), problem, field == null ? null : field.label()));
            }
        }
        return new Verdict(form, List.copyOf(refusals));
    }

    private String problem(FormFields.Field field, Submitted submitted) {
        if (submitted == null) {
            return "缺少取值";
        }
        if (submitted.valueInfo()) {
            return "不接受类型附加信息（valueInfo），只能提交文本、数字、是否或日期";
        }
        JsonNode value = submitted.value() == null ? com.fasterxml.jackson.databind.node.NullNode.getInstance()
                : submitted.value();
        String type = submitted.type() == null ? implicitType(value)
                : submitted.type().toLowerCase(java.util.Locale.ROOT);
        if (type == null || !PRIMITIVE_TYPES.contains(type)) {
            return "类型不被接受（" + (submitted.type() == null ? value.getNodeType().name() : submitted.type())
                    + "），只能提交文本、数字、是否或日期";
        }
        if ("null".equals(type) || value.isNull()) {
            return null;
        }
        return switch (field.kind()) {
            case TEXT -> text(field, type, value, field.maxLength() == null ? maxTextLength : field.maxLength());
            case NUMBER -> NUMBER_TYPES.contains(type) && value.isNumber() ? null : "应为数字";
            case BOOLEAN -> "boolean".equals(type) && value.isBoolean() ? null : "应为是或否（true/false）";
            case CHOICE -> {
                String wrong = text(field, type, value, maxTextLength);
                if (wrong != null) {
                    yield wrong;
                }
                yield field.values() == null || field.values().contains(value.asText()) || value.asText().isEmpty()
                        ? null : "取值不在表单选项内：" + PlainText.printable(value.asText());
            }
            case DATETIME -> "date".equals(type) ? null
                    : "string".equals(type) && value.isTextual() && DATE_TIME.matcher(value.asText()).matches() ? null
                    : "应为日期时间（如 2026-03-10T09:00）";
            case MULTIPLE -> "多选字段不支持，只能提交文本、数字、是否或日期";
        };
    }

    private static String text(FormFields.Field field, String type, JsonNode value, int max) {
        if (!"string".equals(type) || !value.isTextual()) {
            return "应为文本";
        }
        int length = value.asText().codePointCount(0, value.asText().length());
        return length > max ? "过长（" + length + " 字，最多 " + max + " 字）" : null;
    }

    private static String implicitType(JsonNode value) {
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        if (value.isIntegralNumber()) {
            return "long";
        }
        if (value.isNumber()) {
            return "double";
        }
        if (value.isNull() || value.isMissingNode()) {
            return "null";
        }
        return null; // an object or an array
    }

}
