package cn.jiandu.organisation;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.authorization.Groups;
import org.springframework.stereotype.Component;

import cn.jiandu.security.Role;

/**
 * Keeps Camunda's users and groups in step with the organisation: one user per officer,
 * one group per unit ({@code unit_<code>}), one for its heads ({@code head_<code>}) and one
 * per role (the role code), so that BPMN
 * candidate groups and Camunda authorizations mean something. Called inside the
 * transaction that changes the organisation's own tables.
 */
@Component
class CamundaIdentity {

    static final String UNIT_GROUP_TYPE = "UNIT";
    static final String ROLE_GROUP_TYPE = "ROLE";
    static final String UNIT_HEAD_GROUP_TYPE = "UNIT_HEAD";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityService identity;

    CamundaIdentity(IdentityService identity) {
        this.identity = identity;
    }

    void ensureRoleGroups() {
        for (Role role : Role.values()) {
            saveGroup(role.groupId(), role.label(), ROLE_GROUP_TYPE);
        }
        saveGroup(Groups.CAMUNDA_ADMIN, "Camunda 管理员", Groups.GROUP_TYPE_SYSTEM);
    }

    void saveUnit(Unit unit) {
        saveGroup(unit.groupId(), unit.name(), UNIT_GROUP_TYPE);
        saveGroup(Unit.headGroupIdOf(unit.code()), unit.name() + "负责人", UNIT_HEAD_GROUP_TYPE);
    }

    /**
     * Creates or updates the officer's user and memberships. A null password keeps the
     * current one; an inactive officer keeps no membership and an unusable password.
     */
    void saveOfficer(Officer officer, String password) {
        User user = identity.createUserQuery().userId(officer.officerNo()).singleResult();
        boolean isNew = user == null;
        if (isNew) {
            user = identity.newUser(officer.officerNo());
        }
        user.setFirstName(officer.name());
        user.setLastName("");
        if (!officer.active()) {
            user.setPassword(unusablePassword());
        } else if (password != null) {
            user.setPassword(password);
        } else if (isNew) {
            user.setPassword(unusablePassword());
        }
        identity.saveUser(user);
        syncMemberships(officer);
    }

    private void syncMemberships(Officer officer) {
        Set<String> wanted = new HashSet<>();
        if (officer.active()) {
            wanted.add(Unit.groupIdOf(officer.unitCode()));
            for (Role role : officer.roles()) {
                wanted.add(role.groupId());
            }
            if (officer.hasRole(Role.UNIT_HEAD)) {
                wanted.add(Unit.headGroupIdOf(officer.unitCode()));
            }
            if (officer.hasRole(Role.ADMIN)) {
                wanted.add(Groups.CAMUNDA_ADMIN);
            }
        }
        List<Group> current = identity.createGroupQuery().groupMember(officer.officerNo()).list();
        Set<String> have = new HashSet<>();
        for (Group group : current) {
            have.add(group.getId());
            if (!wanted.contains(group.getId())) {
                identity.deleteMembership(officer.officerNo(), group.getId());
            }
        }
        for (String groupId : wanted) {
            if (!have.contains(groupId)) {
                identity.createMembership(officer.officerNo(), groupId);
            }
        }
    }

    private void saveGroup(String id, String name, String type) {
        Group group = identity.createGroupQuery().groupId(id).singleResult();
        if (group == null) {
            group = identity.newGroup(id);
        } else if (name.equals(group.getName()) && type.equals(group.getType())) {
            return;
        }
        group.setName(name);
        group.setType(type);
        identity.saveGroup(group);
    }

    private static String unusablePassword() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }
}
