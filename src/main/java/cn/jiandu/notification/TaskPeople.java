package cn.jiandu.notification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.security.Role;

/**
 * Who may act on a user task (办理人), for its to-do (钉钉待办) and its cards (互动卡片): the
 * officers named by its assignee, its candidate users and the members of its candidate groups
 * (the Camunda groups of CamundaIdentity: head_UNIT, unit_UNIT or a role), read from the
 * organisation.
 */
@Component
class TaskPeople {

    private static final String HEAD_PREFIX = Unit.headGroupIdOf("");
    private static final String UNIT_PREFIX = Unit.groupIdOf("");

    private final OrganisationService organisation;

    TaskPeople(OrganisationService organisation) {
        this.organisation = organisation;
    }

    /**
     * The officers named, each once, in this order: the assignee, the candidate users, the
     * members of the candidate groups. An unknown officer or group adds no one; inactive
     * officers are kept (see {@link #onDingTalk}).
     */
    List<Officer> of(String assignee, List<String> candidateUsers, List<String> candidateGroups) {
        Map<String, Officer> people = new LinkedHashMap<>();
        if (assignee != null) {
            organisation.findOfficer(assignee).ifPresent(o -> people.putIfAbsent(o.officerNo(), o));
        }
        for (String user : candidateUsers == null ? List.<String>of() : candidateUsers) {
            organisation.findOfficer(user).ifPresent(o -> people.putIfAbsent(o.officerNo(), o));
        }
        for (String group : candidateGroups == null ? List.<String>of() : candidateGroups) {
            members(group).forEach(o -> people.putIfAbsent(o.officerNo(), o));
        }
        return List.copyOf(people.values());
    }

    /** Whether DingTalk can reach the officer: active, with a DingTalk userId. */
    static boolean onDingTalk(Officer officer) {
        return officer.active() && officer.dingtalkUserId() != null && !officer.dingtalkUserId().isBlank();
    }

    private List<Officer> members(String group) {
        if (group.startsWith(HEAD_PREFIX)) {
            return organisation.officers(group.substring(HEAD_PREFIX.length()), Role.UNIT_HEAD);
        }
        if (group.startsWith(UNIT_PREFIX)) {
            return organisation.officers(group.substring(UNIT_PREFIX.length()), null);
        }
        try {
            return organisation.officers(null, Role.valueOf(group));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
