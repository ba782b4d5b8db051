package cn.jiandu.organisation;

import java.util.Set;

import cn.jiandu.security.Role;

/** An officer (民警): also the Camunda user whose id is the officer number (警号). */
public record Officer(String officerNo, String name, String unitCode, Set<Role> roles,
        String dingtalkUserId, String mobile, boolean active) {

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }
}
