package cn.jiandu.security;

import java.util.EnumSet;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What each role may do in Camunda, as authorizations on the role groups, and the first
 * administrator. Idempotent: run at every start, it only adds what is missing.
 * Task visibility per unit comes from the engine itself: a task's candidate group
 * ({@code unit_<code>}) is granted READ and TASK_WORK on that task alone.
 */
@Component
class CamundaAuthorizations {

    private static final Logger log = LoggerFactory.getLogger(CamundaAuthorizations.class);
    private static final String ANY = Authorization.ANY;

    /** Roles whose span is the whole bureau: they read every task and instance. */
    static final Set<Role> LEADERS = EnumSet.of(Role.LEGAL_CAPTAIN, Role.DISCIPLINE_INSPECTOR, Role.DEPUTY_LEADER,
            Role.CHIEF, Role.COMMITTEE);

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final AdminProperties admin;

    CamundaAuthorizations(AuthorizationService authorizations, IdentityService identity, AdminProperties admin) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.admin = admin;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(1)
    @Transactional
    public void apply() {
        for (Resources resource : Resources.values()) {
            grant(Groups.CAMUNDA_ADMIN, resource, ANY, Permissions.ALL);
        }
        for (Role role : Role.values()) {
            if (role == Role.INTAKE) {
                continue; // machine accounts: no webapp, no process, no task
            }
            String group = role.groupId();
            grant(group, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ);
            grant(group, Resources.USER, ANY, Permissions.READ);
            grant(group, Resources.GROUP, ANY, Permissions.READ);
        }
        for (Role role : LEADERS) {
            grantBureauWideRead(role.groupId());
        }
        String legal = Role.LEGAL_OFFICER.groupId();
        grantBureauWideRead(legal);
        grant(legal, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.CREATE_INSTANCE,
                ProcessDefinitionPermissions.UPDATE_TASK, ProcessDefinitionPermissions.UPDATE_INSTANCE);
        grant(legal, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE, ProcessInstancePermissions.UPDATE);
        // the process owner (流程管理员) reads everything of the processes and deploys new versions;
        // moving instances is Jiandu's own endpoint (/api/admin/processes/migrations), which
        // calls the engine itself
        String owner = Role.PROCESS_OWNER.groupId();
        grantBureauWideRead(owner);
        grant(owner, Resources.DEPLOYMENT, ANY, Permissions.CREATE);
        grant(owner, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
        grant(owner, Resources.BATCH, ANY, Permissions.READ);
        createFirstAdmin();
    }

    private void grantBureauWideRead(String group) {
        grant(group, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
        grant(group, Resources.PROCESS_DEFINITION, ANY, Permissions.READ, ProcessDefinitionPermissions.READ_INSTANCE,
                ProcessDefinitionPermissions.READ_TASK, ProcessDefinitionPermissions.READ_HISTORY);
        grant(group, Resources.PROCESS_INSTANCE, ANY, Permissions.READ);
        grant(group, Resources.TASK, ANY, Permissions.READ);
        grant(group, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
        grant(group, Resources.DEPLOYMENT, ANY, Permissions.READ);
    }

    private void createFirstAdmin() {
        if (!admin.configured()) {
            if (identity.createUserQuery().memberOfGroup(Groups.CAMUNDA_ADMIN).count() == 0) {
                log.warn("No administrator: set jiandu.admin.username and jiandu.admin.password "
                        + "(JIANDU_ADMIN_USERNAME / JIANDU_ADMIN_PASSWORD) to create the first one");
            }
            return;
        }
        if (identity.createUserQuery().userId(admin.username()).count() > 0) {
            return;
        }
        User user = identity.newUser(admin.username());
        user.setFirstName("系统管理员");
        user.setLastName("");
        user.setPassword(admin.password());
        identity.saveUser(user);
        identity.createMembership(admin.username(), Groups.CAMUNDA_ADMIN);
        identity.createMembership(admin.username(), Role.ADMIN.groupId());
        log.info("Created the first administrator '{}'", admin.username());
    }

    private void grant(String group, Resource resource, String resourceId, Permission... permissions) {
        Authorization existing = authorizations.createAuthorizationQuery()
                .authorizationType(Authorization.AUTH_TYPE_GRANT)
                .groupIdIn(group).resourceType(resource).resourceId(resourceId).singleResult();
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        boolean changed = existing == null;
        if (existing == null) {
            authorization.setGroupId(group);
            authorization.setResource(resource);
            authorization.setResourceId(resourceId);
        }
        for (Permission permission : permissions) {
            if (!authorization.isPermissionGranted(permission)) {
                authorization.addPermission(permission);
                changed = true;
            }
        }
        if (changed) {
            authorizations.saveAuthorization(authorization);
        }
    }
}
