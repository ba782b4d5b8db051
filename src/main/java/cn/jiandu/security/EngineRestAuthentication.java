package cn.jiandu.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Hands the user Spring Security authenticated to the Camunda engine for the length of an
 * /engine-rest request, so that the engine's authorization checks apply to him.
 */
final class EngineRestAuthentication extends OncePerRequestFilter {

    private final IdentityService identity;

    EngineRestAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    /** The app's own /api checks its callers itself and calls the engine as the system. */
    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.of(request).startsWith("/engine-rest/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()) {
            chain.doFilter(request, response);
            return;
        }
        CurrentUser user = CurrentUser.of(authentication);
        identity.setAuthentication(user.userId(), user.groupIds());
        try {
            chain.doFilter(request, response);
        } finally {
            identity.clearAuthentication();
        }
    }
}
