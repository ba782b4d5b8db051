package cn.jiandu.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.authorization.Groups;

/**
 * The part of the engine's REST API a person may call (引擎接口白名单), the same under
 * {@code /engine-rest} and under the webapps' {@code /camunda/api/engine/engine/{name}}:
 * what the Tasklist and the Cockpit need to read, claim and complete tasks and to start the
 * registration form. Everything else (variables, messages, signals, jobs, modification,
 * deployment, users, groups, authorizations, errors thrown from tasks …) is the
 * administrator's alone; creating a deployment is the process owner's too. The engine's own authorizations still decide which tasks and
 * instances each caller sees. The README lists these rows.
 */
final class EngineApiAllowList {

    /**
     * Who a row is for: every logged-in person, the legal officers (who register problems) or
     * the process owners (who deploy new versions of the models).
     */
    enum Audience {
        EVERYONE(null), LEGAL_OFFICER(Role.LEGAL_OFFICER), PROCESS_OWNER(Role.PROCESS_OWNER);

        private final Role role;

        Audience(Role role) {
            this.role = role;
        }

        boolean includes(Collection<String> groupIds) {
            return role == null || groupIds.contains(role.groupId());
        }
    }

    record Row(Set<String> methods, Pattern path, Audience audience, String purpose) {
        boolean matches(String method, String path) {
            return methods.contains(method) && this.path.matcher(path).matches();
        }
    }

    private static final String ID = "[^/]+";
    private static final Set<String> READ = Set.of("GET", "HEAD");
    private static final Set<String> POST = Set.of("POST");
    private static final Set<String> OPTIONS = Set.of("OPTIONS");

    /** Paths relative to the engine's root, without the leading slash. */
    static final List<Row> ROWS = List.of(
            row(READ, "(engine|version)", Audience.EVERYONE, "engine name and version"),
            row(READ, "task(/.*)?", Audience.EVERYONE, "tasks, their forms, variables, comments, counts (Tasklist)"),
            row(READ, "filter(/.*)?", Audience.EVERYONE, "the Tasklist's filters and their lists"),
            row(OPTIONS, "filter(/" + ID + ")?", Audience.EVERYONE,
                    "which filter actions the engine's authorizations permit (the Tasklist asks on every load)"),
            row(READ, "(process-definition|decision-definition|decision-requirements-definition|deployment)(/.*)?",
                    Audience.EVERYONE, "models, diagrams and start forms (Tasklist, Cockpit)"),
            row(READ, "case-definition/count", Audience.EVERYONE,
                    "the Cockpit dashboard's count of case definitions (Jiandu deploys none)"),
            row(READ, "(process-instance|execution|variable-instance|incident|job|job-definition|activity-instance|"
                    + "external-task)(/.*)?", Audience.EVERYONE, "running instances (Cockpit)"),
            row(READ, "batch(/.*)?", Audience.EVERYONE, "the Cockpit's batch page (only the batches one may read)"),
            row(READ, "history(/.*)?", Audience.EVERYONE, "history (Tasklist's task history, Cockpit)"),
            row(READ, "(user|group|identity|authorization)(/.*)?", Audience.EVERYONE,
                    "names of users and groups, own groups, authorization checks"),
            row(POST, "(task|task/count)", Audience.EVERYONE, "task queries"),
            row(POST, "filter/" + ID + "/(list|count|singleResult)", Audience.EVERYONE, "a filter's tasks"),
            row(POST, "(process-instance|execution|variable-instance|job|job-definition|external-task)(/count)?",
                    Audience.EVERYONE, "queries of running instances (Cockpit)"),
            row(POST, "group", Audience.EVERYONE, "group query: the group names of the Cockpit's task dashboard"),
            row(POST, "history/(process-instance|task|activity-instance|variable-instance|incident|job-log|"
                    + "decision-instance|user-operation|identity-link-log|external-task-log)(/count)?",
                    Audience.EVERYONE, "history queries (Cockpit)"),
            row(POST, "task/" + ID + "/(claim|unclaim)", Audience.EVERYONE, "claim a task or give it back (认领)"),
            row(POST, "task/" + ID + "/(complete|submit-form)", Audience.EVERYONE,
                    "complete a task with its form's fields (办理)"),
            row(POST, "task/" + ID + "/comment/create", Audience.EVERYONE, "comment on a task"),
            row(POST, "task/" + ID + "/assignee", Audience.LEGAL_OFFICER,
                    "hand a task to a person (指派; the legal officer runs the process for the bureau)"),
            row(POST, "process-definition/(" + ID + "|key/" + ID + ")/(start|submit-form)", Audience.LEGAL_OFFICER,
                    "register a problem with the start form (登记)"),
            row(POST, "deployment/create", Audience.PROCESS_OWNER,
                    "deploy BPMN, DMN and forms (the Modeler's deploy button; 流程管理员)"));

    private EngineApiAllowList() {
    }

    private static Row row(Set<String> methods, String path, Audience audience, String purpose) {
        return new Row(methods, Pattern.compile(path), audience, purpose);
    }

    /** Administrators (Camunda's camunda-admin or Jiandu's ADMIN) may call every endpoint. */
    static boolean isAdministrator(Collection<String> groupIds) {
        return groupIds.contains(Groups.CAMUNDA_ADMIN) || groupIds.contains(Role.ADMIN.groupId());
    }

    /**
     * Who besides the administrator may call the endpoint (its row's role, "法制员" …), or null
     * when it is the administrator's alone or open to everyone.
     */
    static String reservedFor(String method, String path) {
        for (Row row : ROWS) {
            if (row.matches(method, path) && row.audience().role != null) {
                return row.audience().role.label();
            }
        }
        return null;
    }

    static boolean allows(String method, String path, Collection<String> groupIds) {
        if (groupIds.contains(Role.INTAKE.groupId())) {
            return false; // a machine account (接口账号) reaches /api/intake only
        }
        if (isAdministrator(groupIds)) {
            return true;
        }
        for (Row row : ROWS) {
            if (row.matches(method, path) && row.audience().includes(groupIds)) {
                return true;
            }
        }
        return false;
    }
}
