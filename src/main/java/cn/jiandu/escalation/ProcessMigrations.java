package cn.jiandu.escalation;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingActivityInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigratingTransitionInstanceValidationReport;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.TransitionInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.problem.EventKind;
import cn.jiandu.problem.Problem;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.TimelineText;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;

/**
 * New versions, safely (流程版本迁移): running problems keep the version they started with
 * until a process owner (流程管理员) moves them. A migration plan maps equal activity ids
 * (Camunda's {@code mapEqualActivities}); its timers keep their due dates (the event triggers
 * are not updated, so a moved problem keeps its deadlines). A dry run tries every instance in
 * a transaction that is rolled back and says which can move and why the others cannot; a real
 * one moves those that can as a Camunda batch, run by the job executor. Each moved problem's
 * timeline gets one entry once it is seen on the new version ({@link #settle}, safe to run
 * twice and on every node). Versions whose running problems wait in activities the latest
 * version no longer has are reported, not silently stranded.
 */
@Service
public class ProcessMigrations {

    private static final Logger log = LoggerFactory.getLogger(ProcessMigrations.class);
    private static final int SETTLE_BATCH = 500;
    private static final int DETAIL_MAX = 2000;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final HistoryService history;
    private final IdentityService identity;
    private final ProblemService problems;
    private final ProcessMigrationMapper mapper;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ProcessMigrations(RepositoryService repository, RuntimeService runtime, ManagementService management,
            HistoryService history, IdentityService identity, ProblemService problems, ProcessMigrationMapper mapper,
            PlatformTransactionManager transactionManager, Clock clock) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.history = history;
        this.identity = identity;
        this.problems = problems;
        this.mapper = mapper;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** What a process owner asks: move the instances of one version of a process to another. */
    public record Request(String processKey, Integer fromVersion, Integer toVersion, boolean dryRun) {
    }

    /** One running instance: whether it can move, and why not (Chinese, naming the activities). */
    public record InstanceVerdict(Long problemId, String businessKey, String processInstanceId, boolean canMove,
            List<String> reasons) {
    }

    /** An activity running instances wait in that another version no longer has: they cannot move there. */
    public record Stranded(String activityId, String activityName, int instances, List<Long> problemIds) {
    }

    /** The answer to a migration: per instance and in total; the batch when instances were moved. */
    public record Answer(String processKey, int fromVersion, int toVersion, boolean dryRun, int total, int movable,
            int notMovable, String batchId, List<String> planErrors, List<Stranded> stranded,
            List<InstanceVerdict> instances) {
    }

    /** One version of a process, its running instances, and where they are stranded against the latest. */
    public record Version(int version, String definitionId, String deploymentId, Instant deployedAt, boolean latest,
            long runningInstances, List<Stranded> stranded) {
    }

    /** A latest version reported when it was found: how many running instances cannot move to it. */
    public record Notice(String definitionId, int version, int stranded, String detail, Instant reportedAt) {
    }

    /** Every version of a process, newest first, with the notices of versions that stranded instances. */
    public record Versions(String processKey, List<Version> versions, List<Notice> notices) {
    }

    // ---- versions -------------------------------------------------------------------------

    /** The versions of {@code processKey}, newest first; 404 for a process never deployed. */
    public Versions versions(String processKey) {
        List<ProcessDefinition> definitions = definitions(processKey);
        if (definitions.isEmpty()) {
            throw new NotFoundException("流程不存在: " + processKey);
        }
        ProcessDefinition latest = definitions.get(0);
        Map<String, Instant> deployedAt = new HashMap<>();
        for (ProcessDefinition definition : definitions) {
            deployedAt.computeIfAbsent(definition.getDeploymentId(), id -> repository.createDeploymentQuery()
                    .deploymentId(id).singleResult().getDeploymentTime().toInstant());
        }
        List<Version> versions = new ArrayList<>();
        for (ProcessDefinition definition : definitions) {
            long running = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
            boolean isLatest = definition.getId().equals(latest.getId());
            List<Stranded> stranded = isLatest || running == 0 ? List.of() : stranded(definition, latest);
            versions.add(new Version(definition.getVersion(), definition.getId(), definition.getDeploymentId(),
                    deployedAt.get(definition.getDeploymentId()), isLatest, running, stranded));
        }
        List<Notice> notices = mapper.findNotices(processKey).stream()
                .map(n -> new Notice(n.definitionId(), n.version(), n.stranded(), n.detail(), n.createdAt())).toList();
        return new Versions(processKey, versions, notices);
    }

    private List<ProcessDefinition> definitions(String processKey) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(processKey).withoutTenantId()
                .orderByProcessDefinitionVersion().desc().list();
    }

    /** The activities instances of {@code source} wait in that {@code target} has no activity of the same id for. */
    private List<Stranded> stranded(ProcessDefinition source, ProcessDefinition target) {
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(source.getId());
        BpmnModelInstance targetModel = repository.getBpmnModelInstance(target.getId());
        List<Stranded> out = new ArrayList<>();
        for (ActivityStatistics statistics : management.createActivityStatisticsQuery(source.getId()).list()) {
            if (statistics.getInstances() == 0 || targetModel.getModelElementById(statistics.getId()) != null) {
                continue;
            }
            List<Long> problemIds = new ArrayList<>();
            for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(source.getId())
                    .activityIdIn(statistics.getId()).list()) {
                Long problemId = problemId(instance.getId(), instance.getBusinessKey());
                if (problemId != null) {
                    problemIds.add(problemId);
                }
            }
            out.add(new Stranded(statistics.getId(), name(sourceModel, statistics.getId()), statistics.getInstances(),
                    problemIds.stream().sorted().toList()));
        }
        out.sort(Comparator.comparing(Stranded::activityId));
        return out;
    }

    private static String name(BpmnModelInstance model, String activityId) {
        ModelElementInstance element = model.getModelElementById(activityId);
        String name = element instanceof FlowElement flow ? flow.getName() : null;
        return name == null || name.isBlank() ? activityId : name.strip();
    }

    /** The problem an instance belongs to (its business key is the problem's id), or null. */
    private Long problemId(String processInstanceId, String businessKey) {
        if (businessKey == null || !businessKey.matches("\\d{1,18}")) {
            return null;
        }
        return problems.find(Long.parseLong(businessKey))
                .filter(p -> processInstanceId.equals(p.processInstanceId())).map(Problem::id).orElse(null);
    }

    // ---- migration ------------------------------------------------------------------------

    /**
     * Validates the request (400 naming the field), tries every running instance of the source
     * version against the plan, and unless it is a dry run moves those that can as a batch.
     */
    public Answer migrate(Request request, String actor) {
        ProcessDefinition[] pair = validate(request);
        ProcessDefinition from = pair[0];
        ProcessDefinition to = pair[1];
        List<String> planErrors = new ArrayList<>();
        MigrationPlan plan = null;
        try {
            plan = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities().build();
        } catch (MigrationPlanValidationException e) {
            planErrors.addAll(describe(e, from, to));
        }
        BpmnModelInstance sourceModel = repository.getBpmnModelInstance(from.getId());
        BpmnModelInstance targetModel = repository.getBpmnModelInstance(to.getId());
        List<InstanceVerdict> verdicts = new ArrayList<>();
        List<String> movable = new ArrayList<>();
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processDefinitionId(from.getId())
                .orderByProcessInstanceId().asc().list()) {
            List<String> reasons = plan == null ? List.of("迁移方案未通过校验，见 planErrors")
                    : tryMigration(plan, instance.getId(), sourceModel, targetModel);
            if (reasons.isEmpty()) {
                movable.add(instance.getId());
            }
            verdicts.add(new InstanceVerdict(problemId(instance.getId(), instance.getBusinessKey()),
                    instance.getBusinessKey(), instance.getId(), reasons.isEmpty(), reasons));
        }
        String batchId = null;
        if (!request.dryRun() && !movable.isEmpty()) {
            batchId = start(plan, from, to, movable, verdicts, actor);
        }
        return new Answer(from.getKey(), from.getVersion(), to.getVersion(), request.dryRun(), verdicts.size(),
                movable.size(), verdicts.size() - movable.size(), batchId, planErrors, stranded(from, to), verdicts);
    }

    private ProcessDefinition[] validate(Request request) {
        List<InputError> errors = new ArrayList<>();
        String key = request.processKey() == null ? null : request.processKey().strip();
        List<ProcessDefinition> definitions = List.of();
        if (key == null || key.isEmpty()) {
            errors.add(InputError.of("processKey", "请填写流程标识（如 rectification）"));
        } else {
            definitions = definitions(key);
            if (definitions.isEmpty()) {
                errors.add(InputError.of("processKey", "流程不存在: " + key));
            }
        }
        ProcessDefinition from = version(definitions, key, request.fromVersion(), "fromVersion", "原版本", errors);
        ProcessDefinition to = version(definitions, key, request.toVersion(), "toVersion", "目标版本", errors);
        if (request.fromVersion() != null && request.fromVersion().equals(request.toVersion())) {
            errors.add(InputError.of("toVersion", "目标版本不能与原版本相同"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new ProcessDefinition[] {from, to};
    }

    private static ProcessDefinition version(List<ProcessDefinition> definitions, String key, Integer version,
            String field, String what, List<InputError> errors) {
        if (version == null) {
            errors.add(InputError.of(field, "请填写" + what + "号"));
            return null;
        }
        if (definitions.isEmpty()) {
            return null;
        }
        return definitions.stream().filter(d -> d.getVersion() == version).findFirst().orElseGet(() -> {
            errors.add(InputError.of(field, "流程 " + key + " 没有版本 " + version + "（现有版本 1–"
                    + definitions.get(0).getVersion() + "）"));
            return null;
        });
    }

    /**
     * Migrates the one instance in a transaction that is always rolled back: the engine's own
     * validation of the instance against the plan, nothing changed. The reasons it cannot move,
     * or none.
     */
    private List<String> tryMigration(MigrationPlan plan, String processInstanceId, BpmnModelInstance sourceModel,
            BpmnModelInstance targetModel) {
        // the common case first, without asking the engine (which logs every refusal as an error):
        // the instance waits in an activity the target has not
        List<String> missing = new ArrayList<>();
        for (String activityId : activeActivities(processInstanceId)) {
            if (targetModel.getModelElementById(activityId) == null) {
                missing.add(reason(activityId, List.of(), sourceModel, targetModel));
            }
        }
        if (!missing.isEmpty()) {
            return missing;
        }
        return transactions.execute(status -> {
            status.setRollbackOnly();
            try {
                runtime.newMigration(plan).processInstanceIds(processInstanceId).skipCustomListeners().skipIoMappings()
                        .execute();
                return List.of();
            } catch (MigratingProcessInstanceValidationException e) {
                return describe(e.getValidationReport(), sourceModel, targetModel);
            } catch (ProcessEngineException e) {
                return List.of("引擎拒绝迁移：" + e.getMessage());
            }
        });
    }

    /** The activities the instance is in (and those it is entering or leaving), in tree order. */
    private Set<String> activeActivities(String processInstanceId) {
        Set<String> ids = new LinkedHashSet<>();
        ActivityInstance root = runtime.getActivityInstance(processInstanceId);
        if (root != null) {
            collect(root, ids);
        }
        return ids;
    }

    private static void collect(ActivityInstance instance, Set<String> ids) {
        for (ActivityInstance child : instance.getChildActivityInstances()) {
            ids.add(child.getActivityId());
            collect(child, ids);
        }
        for (TransitionInstance transition : instance.getChildTransitionInstances()) {
            ids.add(transition.getActivityId());
        }
    }

    private static List<String> describe(MigratingProcessInstanceValidationReport report, BpmnModelInstance source,
            BpmnModelInstance target) {
        Set<String> reasons = new LinkedHashSet<>();
        for (MigratingActivityInstanceValidationReport activity : report.getActivityInstanceReports()) {
            reasons.add(reason(activity.getSourceScopeId(), activity.getFailures(), source, target));
        }
        for (MigratingTransitionInstanceValidationReport transition : report.getTransitionInstanceReports()) {
            reasons.add(reason(transition.getSourceScopeId(), transition.getFailures(), source, target));
        }
        for (String failure : report.getFailures()) {
            reasons.add("流程实例无法迁移：" + failure);
        }
        return List.copyOf(reasons);
    }

    private static String reason(String activityId, List<String> failures, BpmnModelInstance source,
            BpmnModelInstance target) {
        String where = "「" + name(source, activityId) + "」（" + activityId + "）";
        if (target.getModelElementById(activityId) == null) {
            return "停留在" + where + "，目标版本没有该活动，无法迁移；将在原版本上办结";
        }
        return "停留在" + where + "，无法迁移：" + String.join("；", failures);
    }

    private static List<String> describe(MigrationPlanValidationException e, ProcessDefinition from,
            ProcessDefinition to) {
        List<String> errors = new ArrayList<>();
        for (MigrationInstructionValidationReport report : e.getValidationReport().getInstructionReports()) {
            errors.add("活动 " + report.getMigrationInstruction().getSourceActivityId() + " → "
                    + report.getMigrationInstruction().getTargetActivityId() + "：" + String.join("；", report.getFailures()));
        }
        e.getValidationReport().getVariableReports().forEach((name, report) ->
                errors.add("变量 " + name + "：" + String.join("；", report.getFailures())));
        if (errors.isEmpty()) {
            errors.add("v" + from.getVersion() + " → v" + to.getVersion() + " 的迁移方案无效：" + e.getMessage());
        }
        return errors;
    }

    /** Starts the batch and records which instances it moves, in one transaction. */
    private String start(MigrationPlan plan, ProcessDefinition from, ProcessDefinition to, List<String> movable,
            List<InstanceVerdict> verdicts, String actor) {
        Map<String, Long> problemOf = new HashMap<>();
        verdicts.forEach(v -> problemOf.put(v.processInstanceId(), v.problemId()));
        String actorName = actorName(actor);
        return transactions.execute(status -> {
            Batch batch = runtime.newMigration(plan).processInstanceIds(movable).skipCustomListeners().skipIoMappings()
                    .executeAsync();
            ProcessMigrationMapper.NewMigration migration = new ProcessMigrationMapper.NewMigration();
            migration.batchId = batch.getId();
            migration.processKey = from.getKey();
            migration.fromDefinition = from.getId();
            migration.fromVersion = from.getVersion();
            migration.toDefinition = to.getId();
            migration.toVersion = to.getVersion();
            migration.actor = actor;
            migration.actorName = actorName;
            migration.createdAt = clock.instant();
            mapper.insertMigration(migration);
            for (String instance : movable) {
                mapper.insertInstance(migration.id, instance, problemOf.get(instance));
            }
            log.info("Migration of {} instances of {} v{} to v{} started by {} (batch {})", movable.size(),
                    from.getKey(), from.getVersion(), to.getVersion(), actor, batch.getId());
            return batch.getId();
        });
    }

    /** "赵静（200002）", or the login alone when the engine knows no name. */
    private String actorName(String actor) {
        User user = identity.createUserQuery().userId(actor).singleResult();
        String name = user == null || user.getFirstName() == null ? "" : user.getFirstName().strip();
        return name.isEmpty() || name.equals(actor) ? actor : name + "（" + actor + "）";
    }

    // ---- after the batch: the timeline and the notices -----------------------------------------

    @Scheduled(fixedDelayString = "${jiandu.escalation.migration-check-interval:PT1M}",
            initialDelayString = "${jiandu.escalation.migration-check-interval:PT1M}")
    void scheduled() {
        settle();
        reportStrandedVersions();
    }

    /**
     * Writes the timeline entry of every migrated instance now on its new version (once: the
     * row is settled in the same transaction, and only by whoever settles it first); an
     * instance whose batch is gone and that is not on the new version is settled without one.
     * How many entries were written.
     */
    public int settle() {
        List<ProcessMigrationMapper.Pending> pending = mapper.findPending(SETTLE_BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        // the batches still running, read before the instances: a batch gone now has done all it will
        Set<String> running = new java.util.HashSet<>();
        for (String batchId : pending.stream().map(ProcessMigrationMapper.Pending::batchId).distinct().toList()) {
            if (management.createBatchQuery().batchId(batchId).count() > 0) {
                running.add(batchId);
            }
        }
        String[] ids = pending.stream().map(ProcessMigrationMapper.Pending::processInstanceId).toArray(String[]::new);
        Map<String, String> definitionOf = new HashMap<>();
        for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery().processInstanceIds(
                Set.of(ids)).list()) {
            definitionOf.put(instance.getId(), instance.getProcessDefinitionId());
        }
        for (ProcessInstance instance : runtime.createProcessInstanceQuery().processInstanceIds(Set.of(ids)).list()) {
            definitionOf.put(instance.getId(), instance.getProcessDefinitionId());
        }
        int written = 0;
        for (ProcessMigrationMapper.Pending p : pending) {
            boolean moved = p.toDefinition().equals(definitionOf.get(p.processInstanceId()));
            if (moved) {
                Boolean wrote = transactions.execute(status -> {
                    if (mapper.settle(p.id(), "MIGRATED", clock.instant()) == 0) {
                        return false;
                    }
                    if (p.problemId() != null) {
                        problems.record(p.problemId(), EventKind.MIGRATED, p.actor(), null,
                                TimelineText.text("timeline.migrated", p.fromVersion(), p.toVersion(), p.actorName()),
                                p.batchId());
                    }
                    return true;
                });
                written += Boolean.TRUE.equals(wrote) ? 1 : 0;
            } else if (!running.contains(p.batchId())) {
                mapper.settle(p.id(), "NOT_MIGRATED", clock.instant());
                log.warn("Process instance {} was not moved by migration batch {}", p.processInstanceId(), p.batchId());
            }
        }
        return written;
    }

    /**
     * Looks at every process's latest version once: when running instances of older versions
     * wait in activities it no longer has, logs a warning and keeps a notice (shown with the
     * versions). The notices written.
     */
    public List<Notice> reportStrandedVersions() {
        List<Notice> written = new ArrayList<>();
        for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion().withoutTenantId()
                .list()) {
            if (mapper.noticeExists(latest.getId())) {
                continue;
            }
            Map<Integer, List<Stranded>> byVersion = new LinkedHashMap<>();
            for (ProcessDefinition older : definitions(latest.getKey())) {
                if (older.getVersion() < latest.getVersion()
                        && runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count() > 0) {
                    List<Stranded> stranded = stranded(older, latest);
                    if (!stranded.isEmpty()) {
                        byVersion.put(older.getVersion(), stranded);
                    }
                }
            }
            int count = byVersion.values().stream().flatMap(List::stream).mapToInt(Stranded::instances).sum();
            String detail = detail(byVersion, latest.getVersion());
            try {
                mapper.insertNotice(latest.getId(), latest.getKey(), latest.getVersion(), count, detail, clock.instant());
            } catch (DuplicateKeyException e) {
                continue; // another node reported it first
            }
            if (count > 0) {
                log.warn("Process {} v{}: {} running instances of older versions cannot move to it: {}",
                        latest.getKey(), latest.getVersion(), count, detail);
                written.add(new Notice(latest.getId(), latest.getVersion(), count, detail, clock.instant()));
            }
        }
        return written;
    }

    private static String detail(Map<Integer, List<Stranded>> byVersion, int latest) {
        if (byVersion.isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        byVersion.forEach((version, stranded) -> parts.add("v" + version + "：" + String.join("、", stranded.stream()
                .map(s -> "「" + s.activityName() + "」（" + s.activityId() + "）" + s.instances() + " 件").toList())));
        String text = "v" + latest + " 已没有这些活动，停留其中的运行中实例无法迁移，将在原版本上办结：" + String.join("；", parts);
        return text.length() <= DETAIL_MAX ? text : text.substring(0, DETAIL_MAX - 1) + "…";
    }
}
