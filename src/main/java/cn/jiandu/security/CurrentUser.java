package cn.jiandu.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * Who is calling the API: the user id (警号 or the administrator), the roles and the unit,
 * read from the authorities that {@link CamundaAuthenticationProvider} granted.
 */
public record CurrentUser(String userId, Set<Role> roles, String unitCode, List<String> groupIds) {

    static final String ROLE_PREFIX = "ROLE_";
    static final String UNIT_PREFIX = "UNIT_";
    static final String GROUP_PREFIX = "GROUP_";

    /** Roles that see every unit of the bureau (their span is the whole bureau). */
    private static final Set<Role> BUREAU_WIDE = EnumSet.of(Role.ADMIN, Role.LEGAL_OFFICER, Role.LEGAL_CAPTAIN,
            Role.DISCIPLINE_INSPECTOR, Role.DEPUTY_LEADER, Role.CHIEF, Role.COMMITTEE);

    public static CurrentUser of(Authentication authentication) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String unit = null;
        List<String> groups = new java.util.ArrayList<>();
        for (GrantedAuthority a : authentication.getAuthorities()) {
            String name = a.getAuthority();
            if (name.startsWith(ROLE_PREFIX)) {
                try {
                    roles.add(Role.valueOf(name.substring(ROLE_PREFIX.length())));
                } catch (IllegalArgumentException ignored) {
                    // an authority that is not one of Jiandu's roles
                }
            } else if (name.startsWith(UNIT_PREFIX)) {
                unit = name.substring(UNIT_PREFIX.length());
            } else if (name.startsWith(GROUP_PREFIX)) {
                groups.add(name.substring(GROUP_PREFIX.length()));
            }
        }
        return new CurrentUser(authentication.getName(), roles, unit, List.copyOf(groups));
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean seesWholeBureau() {
        return roles.stream().anyMatch(BUREAU_WIDE::contains);
    }
}
