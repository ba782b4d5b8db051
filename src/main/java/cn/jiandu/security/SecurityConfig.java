package cn.jiandu.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;


/**
 * Who may reach what.
 * <ul>
 * <li>/api, /engine-rest, the OpenAPI docs, the actuator, the dashboard page with its
 * scripts (/dashboard, /webjars) and the problem pages (/problems): HTTP Basic against Camunda's identity store, stateless,
 * one realm, so the browser that logged into the dashboard sends the same login to
 * /api/dashboard. Only health is open (for load balancers); /api/admin/** (calendar,
 * clock) needs ADMIN whatever the method.</li>
 * <li>/camunda (Tasklist, Cockpit, Admin, Welcome): Camunda's own session login and CSRF
 * protection; Spring only adds the advisory guards in front of it.</li>
 * <li>The engine's REST API, under both: only {@link EngineApiAllowList}'s rows for anyone
 * but the administrator, and task completions with their form's fields only
 * ({@link EngineApiGuard}).</li>
 * </ul>
 */
@Configuration
@EnableWebSecurity
class SecurityConfig {

    private static final String ADMIN = "ADMIN";

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(HttpSecurity http, IdentityService identity, ObjectMapper json,
            FormSubmissionPolicy submissions) throws Exception {
        http.securityMatcher(new OrRequestMatcher(paths("/api/**", "/engine-rest/**", "/v3/api-docs/**", "/swagger-ui/**",
                        "/swagger-ui.html", "/actuator/**", "/dashboard", "/dashboard/**", "/webjars/**",
                        "/problems", "/problems/**")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(paths("/actuator/health", "/actuator/health/**")).permitAll()
                        .requestMatchers(paths("/actuator/**")).hasRole(ADMIN)
                        .requestMatchers(paths("/api/admin/**")).hasRole(ADMIN)
                        .requestMatchers(path(HttpMethod.POST, "/api/org/**")).hasRole(ADMIN)
                        .requestMatchers(path(HttpMethod.PUT, "/api/org/**")).hasRole(ADMIN)
                        .requestMatchers(path(HttpMethod.DELETE, "/api/org/**")).hasRole(ADMIN)
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.realmName("Jiandu"))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // stateless Basic authentication: no cookie a forged cross-site request could ride on
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new QueryExpressionGuard(json), BasicAuthenticationFilter.class)
                .addFilterAfter(new EngineRestAuthentication(identity), AuthorizationFilter.class)
                .addFilterAfter(new EngineApiGuard(submissions, json), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain webappSecurity(HttpSecurity http, IdentityService identity, ObjectMapper json,
            FormSubmissionPolicy submissions) throws Exception {
        http.securityMatcher(new OrRequestMatcher(paths("/camunda/**", "/camunda-welcome", "/camunda-welcome/**", "/", "/error", "/favicon.ico")))
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                // the webapps keep their own session login and CSRF token (Camunda's filters)
                .csrf(csrf -> csrf.disable())
                .headers(headers -> headers.frameOptions(frame -> frame.sameOrigin()))
                .addFilterBefore(new AdminSetupGuard(identity), AuthorizationFilter.class)
                .addFilterBefore(new QueryExpressionGuard(json), AuthorizationFilter.class)
                .addFilterBefore(new EngineApiGuard(submissions, json), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(auth -> auth.anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
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
