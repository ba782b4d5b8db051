package cn.jiandu.security;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * The one login, against Camunda's identity store, the one place passwords live: HTTP Basic
 * for API clients and the login page ({@link LoginPage}) for people; a login through the
 * webapps' own form is given the same authorities ({@link WebappSessionBridge}).
 * Authorities: ROLE_x per role group, UNIT_x for the officer's unit, GROUP_x for every
 * Camunda group.
 */
@Component
class CamundaAuthenticationProvider implements AuthenticationProvider {

    private static final String UNIT_GROUP_PREFIX = "unit_";

    private final IdentityService identity;

    CamundaAuthenticationProvider(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String user = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (user == null || user.isBlank() || credentials == null
                || !identity.checkPassword(user, credentials.toString())) {
            throw new BadCredentialsException("用户名或密码错误");
        }
        return authenticated(user);
    }

    /** The user, whose password was checked, with his authorities. */
    Authentication authenticated(String user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        for (Group group : identity.createGroupQuery().groupMember(user).list()) {
            String id = group.getId();
            authorities.add(new SimpleGrantedAuthority(CurrentUser.GROUP_PREFIX + id));
            if (Groups.CAMUNDA_ADMIN.equals(id)) {
                authorities.add(new SimpleGrantedAuthority(CurrentUser.ROLE_PREFIX + "ADMIN"));
            } else if (id.startsWith(UNIT_GROUP_PREFIX)) {
                authorities.add(new SimpleGrantedAuthority(CurrentUser.UNIT_PREFIX + id.substring(UNIT_GROUP_PREFIX.length())));
            } else if ("ROLE".equals(group.getType())) {
                authorities.add(new SimpleGrantedAuthority(CurrentUser.ROLE_PREFIX + id));
            }
        }
        return UsernamePasswordAuthenticationToken.authenticated(user, null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
