package cn.jiandu.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Advisory mitigation for the frozen Camunda 7.24.0 CE: the Admin webapp's first-admin
 * setup ({@code /camunda/api/admin/setup/...}) is refused as soon as the system has any
 * user, whatever the engine itself would decide.
 */
final class AdminSetupGuard extends OncePerRequestFilter {

    static final String SETUP_PATH = "/camunda/api/admin/setup/";

    private final IdentityService identity;

    AdminSetupGuard(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.lowerCaseOf(request).startsWith(SETUP_PATH);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (identity.createUserQuery().count() > 0) {
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            response.getWriter().write("{\"type\":\"AuthorizationException\",\"message\":"
                    + "\"Setup is closed: the system already has users (系统已有用户，初始化入口已关闭)\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
