package cn.jiandu.security;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;


/**
 * Who may reach what: one login for people, HTTP Basic for API clients.
 * <ul>
 * <li><b>API clients</b> ({@link #apiClients}): a request carrying HTTP Basic credentials,
 * anywhere but the webapps, is authenticated by them alone, statelessly (no session, no
 * cookie a forged cross-site request could ride on, so no CSRF token).</li>
 * <li><b>People</b> ({@link #people}): one session login at the Chinese login page
 * ({@link LoginPage}), or inside DingTalk without a password ({@link DingTalkLogin}, 免登),
 * for every surface: the problem pages, the dashboard, the reports, the
 * API the pages call and the Camunda webapps, which share the session both ways
 * ({@link WebappSessionBridge}). A browser opening a page without a login is sent to the
 * login page and back. Writes with the session carry a CSRF token (cookie
 * {@value #CSRF_COOKIE}, header {@value #CSRF_HEADER} or form field {@code _csrf}); the
 * webapps keep their own (X-XSRF-TOKEN). Logging out (POST /logout, or 退出 in a webapp)
 * ends the session on the server.</li>
 * <li>The same rules on both: only health is open (for load balancers); /api/admin/** and
 * the actuator need ADMIN whatever the method (/api/admin/processes/** PROCESS_OWNER or ADMIN;
 * the forecast: {@link #FORECAST_READERS}, {@link #FORECAST_TRIERS}), writes to /api/org ADMIN too; the engine's
 * REST API, under /engine-rest and the webapps' /camunda/api/engine, only
 * {@link EngineApiAllowList}'s rows for anyone but the administrator, and task completions
 * with their form's fields only ({@link EngineApiGuard}). 401 and 403 are Chinese
 * ({@link Denials}, {@link DenialTranslation}).</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    private static final String ADMIN = "ADMIN";
    /**
     * The forecast (预测) of the follow-up's timers: the administrator, the process owner, and
     * the legal brigade's captain, who urges and so plans his days by it (he reads, he changes nothing).
     */
    static final String[] FORECAST_READERS = {ADMIN, Role.PROCESS_OWNER.name(), Role.LEGAL_CAPTAIN.name()};
    /** Trying a candidate deadlines.dmn against the open problems (nothing is deployed): who deploys it. */
    static final String[] FORECAST_TRIERS = {ADMIN, Role.PROCESS_OWNER.name()};
    static final String CSRF_COOKIE = "JIANDU-CSRF";
    static final String CSRF_HEADER = "X-CSRF-TOKEN";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** DingTalk's HTTP callback of interactive cards (notification's CardCallbackController). */
    static final String DINGTALK_CALLBACK = "/api/dingtalk/callback";

    @Bean
    @Order(1)
    SecurityFilterChain apiClients(HttpSecurity http, IdentityService identity, ObjectMapper json,
            FormSubmissionPolicy submissions, LoginPage pages) throws Exception {
        Denials denials = new Denials(json, pages, true);
        http.securityMatcher(SecurityConfig::isBasicOutsideWebapps)
                .authorizeHttpRequests(SecurityConfig::rules)
                .httpBasic(basic -> basic.realmName(Denials.REALM).authenticationEntryPoint(denials))
                .exceptionHandling(e -> e.authenticationEntryPoint(denials).accessDeniedHandler(denials))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new DenialTranslation(json), SecurityContextHolderFilter.class)
                .addFilterBefore(new QueryExpressionGuard(json), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineRestAuthentication(identity), AuthorizationFilter.class)
                .addFilterAfter(new EngineApiGuard(submissions, json), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain people(HttpSecurity http, ProcessEngine engine, ObjectMapper json,
            FormSubmissionPolicy submissions, LoginPage pages, CamundaAuthenticationProvider logins,
            DingTalkLogin dingTalkLogin) throws Exception {
        Denials denials = new Denials(json, pages, false);
        LoginOutcomes outcomes = new LoginOutcomes(pages, engine);
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        CookieCsrfTokenRepository csrfTokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        csrfTokens.setCookieName(CSRF_COOKIE);
        csrfTokens.setHeaderName(CSRF_HEADER);
        csrfTokens.setCookieCustomizer(cookie -> cookie.sameSite("Strict").path("/"));
        http.authorizeHttpRequests(auth -> {
                    auth.requestMatchers(paths(LoginPage.PATH, "/error", "/favicon.ico")).permitAll()
                            // 免登: its page, its scripts and its post (which logs in by itself)
                            .requestMatchers(paths(DingTalkLogin.PATH, DingTalkLogin.SCRIPTS)).permitAll()
                            // the webapps' start pages are behind the one login ...
                            .requestMatchers(paths("/", "/camunda", "/camunda/", "/camunda/app/",
                                    "/camunda/app/{app}/{engine}/"))
                            .access(notAMachine(AuthenticatedAuthorizationManager.authenticated()))
                            // ... their scripts, styles and API answer for themselves (Camunda's login)
                            .requestMatchers(paths("/camunda/**", "/camunda-welcome", "/camunda-welcome/**")).permitAll();
                    rules(auth);
                })
                .securityContext(context -> context.securityContextRepository(contexts))
                .formLogin(form -> form.loginPage(LoginPage.PATH).loginProcessingUrl(LoginPage.PATH)
                        .usernameParameter("username").passwordParameter("password")
                        .successHandler(outcomes).failureHandler(outcomes).permitAll())
                // 免登 (POST /dingtalk/login): the same session strategy and success as the form
                .with(new DingTalkLogin.Configurer(dingTalkLogin, logins, contexts, outcomes), Customizer.withDefaults())
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl(LoginPage.PATH + "?logout")
                        .invalidateHttpSession(true).clearAuthentication(true).deleteCookies("JSESSIONID"))
                .exceptionHandling(e -> e.authenticationEntryPoint(denials).accessDeniedHandler(denials))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.IF_REQUIRED))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
                        // the raw token, as the pages read it from the cookie or the meta tag
                        .csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())
                        .requireCsrfProtectionMatcher(SecurityConfig::isWriteOfASession)
                        // the webapps check their own token (Camunda's CsrfPreventionFilter)
                        .ignoringRequestMatchers(paths("/camunda/**", DINGTALK_CALLBACK)))
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .addFilterBefore(new DenialTranslation(json), SecurityContextHolderFilter.class)
                .addFilterAfter(new CsrfCookie(), CsrfFilter.class)
                // the webapps' session knows the person before the guards judge the webapps' calls
                .addFilterBefore(new WebappSessionBridge(engine, logins, contexts), AuthorizationFilter.class)
                .addFilterBefore(new AdminSetupGuard(engine.getIdentityService()), AuthorizationFilter.class)
                .addFilterBefore(new QueryExpressionGuard(json), AuthorizationFilter.class)
                .addFilterAfter(new EngineRestAuthentication(engine.getIdentityService()), AuthorizationFilter.class)
                .addFilterAfter(new EngineApiGuard(submissions, json), AuthorizationFilter.class);
        return http.build();
    }

    /**
     * What each role may reach, the same with Basic and with the session. Intake
     * (/api/intake) is the legal department's, the administrator's and the channels' machine
     * accounts'; a machine account (role INTAKE) reaches nothing else, whatever other role
     * it holds.
     */
    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry auth) {
        auth.requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                // DingTalk's card callbacks: no login, verified by DingTalk's signature instead
                .requestMatchers(path(HttpMethod.POST, DINGTALK_CALLBACK)).permitAll()
                .requestMatchers(paths("/api/intake", "/api/intake/**"))
                .hasAnyRole(Role.LEGAL_OFFICER.name(), Role.LEGAL_CAPTAIN.name(), ADMIN, Role.INTAKE.name())
                .requestMatchers(paths("/actuator/**")).access(notAMachine(hasRole(ADMIN)))
                .requestMatchers(path(HttpMethod.GET, "/api/admin/forecast"))
                .access(notAMachine(AuthorityAuthorizationManager.hasAnyRole(FORECAST_READERS)))
                .requestMatchers(path(HttpMethod.POST, "/api/admin/forecast/deadlines"))
                .access(notAMachine(AuthorityAuthorizationManager.hasAnyRole(FORECAST_TRIERS)))
                // the process owner's (流程管理员): versions of the models, migrations of running problems
                .requestMatchers(paths("/api/admin/processes", "/api/admin/processes/**"))
                .access(notAMachine(AuthorityAuthorizationManager.hasAnyRole(Role.PROCESS_OWNER.name(), ADMIN)))
                .requestMatchers(paths("/api/admin/**")).access(notAMachine(hasRole(ADMIN)))
                .requestMatchers(path(HttpMethod.POST, "/api/org/**")).access(notAMachine(hasRole(ADMIN)))
                .requestMatchers(path(HttpMethod.PUT, "/api/org/**")).access(notAMachine(hasRole(ADMIN)))
                .requestMatchers(path(HttpMethod.DELETE, "/api/org/**")).access(notAMachine(hasRole(ADMIN)))
                .anyRequest().access(notAMachine(AuthenticatedAuthorizationManager.authenticated()));
    }

    private static AuthorizationManager<RequestAuthorizationContext> hasRole(String role) {
        return AuthorityAuthorizationManager.hasRole(role);
    }

    /** The rule, for every caller but a machine account (接口账号, role INTAKE), which is refused. */
    static AuthorizationManager<RequestAuthorizationContext> notAMachine(
            AuthorizationManager<RequestAuthorizationContext> rule) {
        AuthorizationManager<RequestAuthorizationContext> notIntake =
                (authentication, context) -> new AuthorizationDecision(!isMachine(authentication.get()));
        return AuthorizationManagers.allOf(notIntake, rule);
    }

    /** Whether the caller holds the INTAKE role (a channel platform's machine account). */
    static boolean isMachine(Authentication authentication) {
        return authentication != null && authentication.getAuthorities().stream()
                .anyMatch(a -> (CurrentUser.ROLE_PREFIX + Role.INTAKE.name()).equals(a.getAuthority()));
    }

    /**
     * An API client: HTTP Basic credentials, outside the webapps (which know only their
     * session) and the error page (a request the firewall refused is answered there, 400).
     */
    static boolean isBasicOutsideWebapps(HttpServletRequest request) {
        String authorization = request.getHeader("Authorization");
        String path = RequestPaths.of(request);
        return authorization != null && authorization.length() >= 6
                && authorization.substring(0, 6).toLowerCase(Locale.ROOT).equals("basic ")
                && !path.startsWith("/camunda") && !path.equals("/error");
    }

    /**
     * A write that needs the CSRF token: any write made with a logged-in session, and the
     * login and logout forms themselves. A write without a session is answered 401 by the
     * login, not 403 by the token check. 免登's post starts a session as the login form does, so
     * it carries the token of its page too.
     */
    static boolean isWriteOfASession(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return false;
        }
        String path = RequestPaths.of(request);
        if (path.equals(LoginPage.PATH) || path.equals("/logout") || path.equals(DingTalkLogin.PATH)) {
            return true;
        }
        HttpSession session = request.getSession(false);
        return session != null
                && session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
    }

    /**
     * Matchers on the path within the application, whatever servlet serves it: the engine
     * REST API and the webapps are Jersey servlets, not Spring MVC.
     */
    static RequestMatcher[] paths(String... patterns) {
        RequestMatcher[] matchers = new RequestMatcher[patterns.length];
        for (int i = 0; i < patterns.length; i++) {
            matchers[i] = PathPatternRequestMatcher.withDefaults().matcher(patterns[i]);
        }
        return matchers;
    }

    static RequestMatcher path(HttpMethod method, String pattern) {
        return PathPatternRequestMatcher.withDefaults().matcher(method, pattern);
    }
}
