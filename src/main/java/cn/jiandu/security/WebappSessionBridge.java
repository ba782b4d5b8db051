package cn.jiandu.security;

import java.io.IOException;
import java.util.Date;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.camunda.bpm.webapp.impl.util.ServletContextUtil;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * One session for the app and the Camunda webapps (/camunda/**).
 * <ul>
 * <li>Logged in at the login page: the webapps find the same person in the session (their
 * own authentication is created from Spring's), so the Tasklist opens without a second
 * login.</li>
 * <li>Logged in through a webapp's own login form (after its 退出, or when the session ended
 * with the Tasklist open): once Camunda accepted the login, the same person is Spring's login
 * in the new session, so the problem pages, the dashboard and the reports open too.</li>
 * <li>退出 in a webapp: once Camunda logged the person out, the whole session ends on the
 * server, so every surface asks for the login again.</li>
 * </ul>
 * Runs before the engine API guards, which judge the webapps' calls by the webapps' session.
 */
final class WebappSessionBridge extends OncePerRequestFilter {

    private static final Pattern LOGIN = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?$");
    private static final Pattern LOGOUT = Pattern.compile("^/camunda/api/admin/auth/user/[^/]+/logout/?$");

    private final ProcessEngine engine;
    private final CamundaAuthenticationProvider logins;
    private final SecurityContextRepository contexts;

    WebappSessionBridge(ProcessEngine engine, CamundaAuthenticationProvider logins, SecurityContextRepository contexts) {
        this.engine = engine;
        this.logins = logins;
        this.contexts = contexts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !RequestPaths.of(request).startsWith("/camunda/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = RequestPaths.of(request);
        boolean post = "POST".equals(request.getMethod());
        if (post && LOGIN.matcher(path).matches()) {
            chain.doFilter(request, response);
            if (response.getStatus() == HttpServletResponse.SC_OK) {
                loggedInThroughWebapp(request, response);
            }
            return;
        }
        if (post && LOGOUT.matcher(path).matches()) {
            chain.doFilter(request, response);
            if (response.getStatus() == HttpServletResponse.SC_OK) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            }
            return;
        }
        shareLogin(request);
        chain.doFilter(request, response);
    }

    /** The person of Spring's session, given to the webapps if they do not know him yet. */
    private void shareLogin(HttpServletRequest request) {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login == null || !login.isAuthenticated() || login instanceof AnonymousAuthenticationToken) {
            return;
        }
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        Authentications webapps = AuthenticationUtil.getAuthsFromSession(session);
        org.camunda.bpm.webapp.impl.security.auth.Authentication known =
                webapps.getAuthenticationForProcessEngine(engine.getName());
        if (known != null && login.getName().equals(known.getIdentityId())) {
            return;
        }
        UserAuthentication user = AuthenticationUtil.createAuthentication(engine, login.getName(), null, null);
        if (user == null) {
            return; // the user was deleted since he logged in: the webapps do not know him
        }
        Date validUntil = ServletContextUtil.getAuthCacheValidationTime(request.getServletContext());
        if (validUntil != null) {
            user.setCacheValidationTime(validUntil);
        }
        webapps.addOrReplace(user);
        AuthenticationUtil.updateSession(session, webapps);
    }

    /** Camunda accepted a login of its own form (in a new session): the same person logs in to the app. */
    private void loggedInThroughWebapp(HttpServletRequest request, HttpServletResponse response) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return;
        }
        org.camunda.bpm.webapp.impl.security.auth.Authentication user = AuthenticationUtil.getAuthsFromSession(session)
                .getAuthenticationForProcessEngine(engine.getName());
        if (!(user instanceof UserAuthentication)) {
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(logins.authenticated(user.getIdentityId()));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
