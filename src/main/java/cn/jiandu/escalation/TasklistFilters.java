package cn.jiandu.escalation;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.level.Level;
import cn.jiandu.security.Role;
import cn.jiandu.time.Times;

/**
 * The Tasklist's filters, in Chinese, each readable by the roles it is for. Expressions in
 * stored queries are switched off (advisory hardening), so no filter uses one: "today" is
 * written into 今日到期 at start and every midnight, "overdue" and "reminded" are variables
 * the follow-up steps set, and which tasks a user sees at all is Camunda's authorization.
 */
@Component
class TasklistFilters {

    static final String KEY_PROPERTY = "jianduFilter";
    /** every role that has tasks of its own in the Tasklist */
    private static final List<Role> WITH_TASKS = List.of(Role.OFFICER, Role.UNIT_HEAD, Role.LEGAL_OFFICER,
            Role.LEGAL_CAPTAIN, Role.DISCIPLINE_INSPECTOR, Role.CHIEF, Role.DEPUTY_LEADER);
    /** the unit's side of a rectification (签收、整改) and the legal officer who follows it */
    private static final List<Role> RECTIFICATION = List.of(Role.OFFICER, Role.UNIT_HEAD, Role.LEGAL_OFFICER);

    /**
     * The variables each task card shows under its name, labelled (the Tasklist's filter
     * property {@code variables}): the level, the unit and the task's deadline, task-local
     * ({@link Rectification#CARD_LEVEL}; the task's name already says the problem),
     * instead of Camunda's unlabelled priority (hidden by user-styles.css).
     */
    static final List<Map<String, String>> CARD_VARIABLES = List.of(
            Map.of("name", Rectification.CARD_LEVEL, "label", "预警等级"),
            Map.of("name", Rectification.CARD_UNIT, "label", "责任单位"),
            Map.of("name", Rectification.CARD_DUE, "label", "办理期限"));

    private final FilterService filters;
    private final TaskService tasks;
    private final AuthorizationService authorizations;
    private final Clock clock;

    TasklistFilters(FilterService filters, TaskService tasks, AuthorizationService authorizations, Clock clock) {
        this.filters = filters;
        this.tasks = tasks;
        this.authorizations = authorizations;
        this.clock = clock;
    }

    private record Spec(String key, String name, String description, int priority, String color, List<Role> roles,
            Supplier<TaskQuery> query) {
    }

    private List<Spec> specs() {
        return List.of(
                new Spec("mine-unit", "我的待办", "本单位需要签收、整改的问题", -10, "#1f6fb2",
                        List.of(Role.OFFICER, Role.UNIT_HEAD),
                        () -> base().taskDefinitionKeyIn(Rectification.TASK_SIGN, Rectification.TASK_RECTIFY,
                                Rectification.TASK_AWAIT_INSTRUCTION)),
                new Spec("mine-legal", "我的待办", "待法制部门审核的整改，群众诉求的分派、回访", -10, "#1f6fb2",
                        List.of(Role.LEGAL_OFFICER),
                        () -> withIntakes().taskCandidateGroup(Role.LEGAL_OFFICER.groupId()).includeAssignedTasks()),
                new Spec("mine-discipline", "我的待办", "黄色预警：纪委督察谈话提醒", -10, "#1f6fb2",
                        List.of(Role.DISCIPLINE_INSPECTOR),
                        () -> base().taskCandidateGroup(Role.DISCIPLINE_INSPECTOR.groupId()).includeAssignedTasks()),
                new Spec("mine-captain", "我的待办", "待法制大队长审批的暂停计时申请、群众诉求的回访复核", -10,
                        "#1f6fb2", List.of(Role.LEGAL_CAPTAIN),
                        () -> withIntakes().taskCandidateGroup(Role.LEGAL_CAPTAIN.groupId()).includeAssignedTasks()),
                new Spec("mine-chief", "我的待办", "红色预警：主要领导约谈", -10, "#1f6fb2", List.of(Role.CHIEF),
                        () -> base().taskCandidateGroup(Role.CHIEF.groupId()).includeAssignedTasks()),
                new Spec("mine-deputy", "我的待办", "督办批示：分管局领导对督办问题的批示", -10, "#1f6fb2",
                        List.of(Role.DEPUTY_LEADER),
                        () -> base().taskCandidateGroup(Role.DEPUTY_LEADER.groupId()).includeAssignedTasks()),
                new Spec("to-sign", "本单位待签收", "下发到单位、尚未签收的问题", 0, "#5b8def", List.of(Role.UNIT_HEAD),
                        () -> base().taskDefinitionKey(Rectification.TASK_SIGN)),
                new Spec("due-today", "今日到期", "今天到期的待办", 10, "#e6a23c", WITH_TASKS, this::dueToday),
                new Spec("overdue", "已超期", "已过整改期限仍未完成", 20, "#d9534f", RECTIFICATION,
                        () -> base().processVariableValueEquals(Rectification.OVERDUE, true)),
                new Spec("reminders", "跟进提醒", "已发出到期前提醒的整改", 30, "#f0ad4e",
                        List.of(Role.OFFICER, Role.UNIT_HEAD),
                        () -> base().processVariableValueEquals(Rectification.REMINDED, true)),
                new Spec("red", "红色督办", "红色预警问题的全部待办", 40, "#c9302c",
                        List.of(Role.UNIT_HEAD, Role.LEGAL_OFFICER, Role.LEGAL_CAPTAIN, Role.CHIEF),
                        () -> base().processVariableValueEquals(Rectification.LEVEL, Level.RED.name())));
    }

    private TaskQuery base() {
        return tasks.createTaskQuery().processDefinitionKey(Rectification.PROCESS_KEY);
    }

    /** The legal department's own tasks include the public's tickets (诉求受理与回访). */
    private TaskQuery withIntakes() {
        return tasks.createTaskQuery().processDefinitionKeyIn(Rectification.PROCESS_KEY, IntakeFlow.PROCESS_KEY);
    }

    private TaskQuery dueToday() {
        LocalDate today = LocalDate.now(clock.withZone(Times.CHINA));
        ZonedDateTime start = today.atStartOfDay(Times.CHINA);
        return base().dueAfter(Date.from(start.minusSeconds(1).toInstant()))
                .dueBefore(Date.from(start.plusDays(1).toInstant()));
    }

    /** Which roles read which filter (by its key), for the README and the tests. */
    Map<String, List<Role>> readers() {
        Map<String, List<Role>> readers = new java.util.LinkedHashMap<>();
        for (Spec spec : specs()) {
            readers.put(spec.key(), spec.roles());
        }
        return readers;
    }

    /**
     * Creates what is missing and brings the rest up to date (name, query, the task cards'
     * variables, who may read it: a role's grant a spec no longer names is taken back);
     * idempotent, so every node may run it at start.
     */
    @EventListener(ApplicationReadyEvent.class)
    @Order(5)
    @Transactional
    public void ensure() {
        for (Spec spec : specs()) {
            Filter filter = find(spec.key());
            if (filter == null) {
                filter = filters.newTaskFilter(spec.name());
                Map<String, Object> properties = new HashMap<>();
                properties.put("description", spec.description());
                properties.put("priority", spec.priority());
                properties.put("color", spec.color());
                properties.put("refresh", true);
                properties.put(KEY_PROPERTY, spec.key());
                filter.setProperties(properties);
            }
            Map<String, Object> properties = new HashMap<>(filter.getProperties());
            properties.put("variables", CARD_VARIABLES);
            filter.setProperties(properties);
            filter.setName(spec.name());
            filter.setQuery(spec.query().get());
            filters.saveFilter(filter);
            for (Role role : Role.values()) {
                if (spec.roles().contains(role)) {
                    grantRead(filter.getId(), role.groupId());
                } else {
                    revokeRead(filter.getId(), role.groupId());
                }
            }
        }
    }

    /** 今日到期 follows the date; every node may do it, the result is the same. */
    @Scheduled(cron = "5 0 0 * * *", zone = Times.ZONE_ID)
    @Transactional
    public void refreshToday() {
        Filter filter = find("due-today");
        if (filter != null) {
            filter.setQuery(dueToday());
            filters.saveFilter(filter);
        }
    }

    private Filter find(String key) {
        for (Filter filter : filters.createTaskFilterQuery().list()) {
            Map<String, Object> properties = filter.getProperties();
            if (properties != null && key.equals(properties.get(KEY_PROPERTY))) {
                return filter;
            }
        }
        return null;
    }

    private void revokeRead(String filterId, String groupId) {
        for (Authorization authorization : authorizations.createAuthorizationQuery().resourceType(Resources.FILTER)
                .resourceId(filterId).groupIdIn(groupId).list()) {
            authorizations.deleteAuthorization(authorization.getId());
        }
    }

    private void grantRead(String filterId, String groupId) {
        boolean exists = authorizations.createAuthorizationQuery().resourceType(Resources.FILTER).resourceId(filterId)
                .groupIdIn(groupId).count() > 0;
        if (!exists) {
            Authorization authorization = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
            authorization.setGroupId(groupId);
            authorization.setResource(Resources.FILTER);
            authorization.setResourceId(filterId);
            authorization.addPermission(Permissions.READ);
            authorizations.saveAuthorization(authorization);
        }
    }
}
