package cn.jiandu.security;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 免登: logging in from inside DingTalk without a password.
 * <ul>
 * <li>{@code GET /dingtalk/login?redirect=<path>} (no login needed): a small Chinese page
 * (templates/login/dingtalk.ftl, static/dingtalk/login.js with the npm package dingtalk-jsapi)
 * that, inside DingTalk, asks dd.requestAuthCode({corpId, clientId}) for a code and posts
 * {@code code} and {@code redirect} back, with the page's CSRF token as the login form does.
 * Outside DingTalk it says so and links to the login page (the redirect kept).</li>
 * <li>{@code POST /dingtalk/login}: the code is exchanged with DingTalk ({@link DingTalkSignIn})
 * for the active officer it belongs to, and he is logged in exactly as by the login form (same
 * authorities, new session id, new CSRF token, the webapps share the session), then sent to
 * {@code redirect} if it is a path of this app ({@link SafeRedirects}), else to the start page.
 * A used, expired or unknown code, a DingTalk account that is no officer's, or DingTalk out of
 * reach: a Chinese page saying what happened and what to do, and no session.</li>
 * </ul>
 */
@Controller
class DingTalkLogin {

    static final String PATH = "/dingtalk/login";
    /** The page's script and the bundled dingtalk-jsapi (built from npm by `npm run build:js`). */
    static final String SCRIPTS = "/dingtalk/*.js";

    private static final Logger log = LoggerFactory.getLogger(DingTalkLogin.class);

    private final DingTalkSignIn signIn;
    private final LoginPage pages;

    DingTalkLogin(DingTalkSignIn signIn, LoginPage pages) {
        this.signIn = signIn;
        this.pages = pages;
    }

    @GetMapping(PATH)
    void show(@RequestParam(name = "redirect", required = false) String redirect, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        String target = SafeRedirects.target(redirect);
        Map<String, Object> model = new HashMap<>();
        model.put("action", request.getContextPath() + PATH);
        model.put("redirect", target);
        model.put("corpId", signIn.corpId());
        model.put("clientId", signIn.clientId());
        model.put("login", loginLink(request, target));
        model.put("scripts", request.getContextPath() + "/dingtalk/");
        pages.renderPage(request, response, HttpServletResponse.SC_OK, "login/dingtalk.ftl", model);
    }

    /** The refusal page: what happened and what to do, in Chinese; no session was started. */
    void refuse(HttpServletRequest request, HttpServletResponse response, DingTalkSignIn.Reason reason)
            throws IOException {
        int status = switch (reason) {
            case MISSING_CODE -> HttpServletResponse.SC_BAD_REQUEST;
            case INVALID_CODE -> HttpServletResponse.SC_UNAUTHORIZED;
            case NOT_AN_OFFICER -> HttpServletResponse.SC_FORBIDDEN;
            case DINGTALK_UNAVAILABLE, DINGTALK_REFUSED, NOT_CONFIGURED -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
        };
        String[] text = switch (reason) {
            case MISSING_CODE -> new String[] {"缺少钉钉登录码（code），未能登录。", "请在钉钉中重新打开消息里的链接。"};
            case INVALID_CODE -> new String[] {"钉钉登录码已使用或已过期，未能登录。",
                    "登录码只能使用一次，5 分钟内有效。请回到钉钉，重新点开消息里的链接；也可以用账号密码登录。"};
            case NOT_AN_OFFICER -> new String[] {"您的钉钉账号没有对应本系统中在职的民警，未能登录。",
                    "请联系系统管理员，在组织机构中为您登记钉钉用户ID；也可以用账号密码登录。"};
            case DINGTALK_UNAVAILABLE -> new String[] {"暂时无法连接钉钉，未能登录。",
                    "请稍后在钉钉中重新点开链接；也可以用账号密码登录。"};
            case DINGTALK_REFUSED -> new String[] {"钉钉拒绝了本系统的免登请求，未能登录。",
                    "请联系系统管理员检查钉钉应用的设置和权限；现在可以用账号密码登录。"};
            case NOT_CONFIGURED -> new String[] {"本系统尚未配置钉钉免登。",
                    "请用账号密码登录，并请系统管理员配置钉钉应用（CorpId、AppKey、AppSecret）。"};
        };
        Map<String, Object> model = new HashMap<>();
        model.put("message", text[0]);
        model.put("advice", text[1]);
        model.put("login", loginLink(request, SafeRedirects.target(request.getParameter("redirect"))));
        pages.renderPage(request, response, status, "login/dingtalk-refused.ftl", model);
    }

    private static String loginLink(HttpServletRequest request, String target) {
        return request.getContextPath() + LoginPage.PATH
                + (SafeRedirects.START.equals(target) ? "" : "?redirect=" + URLEncoder.encode(target, StandardCharsets.UTF_8));
    }

    /**
     * POST /dingtalk/login as an authentication filter of its own, configured by
     * {@link Configurer} with what the form login has: its session strategy (a new session id,
     * a new CSRF token), the session's security context and the form's success handler
     * ({@link LoginOutcomes}).
     */
    static final class Filter extends AbstractAuthenticationProcessingFilter {

        private final DingTalkSignIn signIn;
        private final CamundaAuthenticationProvider logins;

        Filter(DingTalkSignIn signIn, CamundaAuthenticationProvider logins) {
            super(SecurityConfig.path(HttpMethod.POST, PATH), authentication -> {
                throw new InternalAuthenticationServiceException("免登 authenticates by itself");
            });
            this.signIn = signIn;
            this.logins = logins;
        }

        @Override
        public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
            String code = request.getParameter("code");
            if (code == null || code.isBlank()) {
                throw new Failure(new DingTalkSignIn.Refused(DingTalkSignIn.Reason.MISSING_CODE, "no code posted"));
            }
            try {
                return logins.authenticated(signIn.userIdFor(code.strip()));
            } catch (DingTalkSignIn.Refused refused) {
                throw new Failure(refused);
            }
        }
    }

    /** A refused 免登 as Spring Security's failure. */
    static final class Failure extends AuthenticationException {

        private final transient DingTalkSignIn.Refused refused;

        Failure(DingTalkSignIn.Refused refused) {
            super(refused.getMessage(), refused);
            this.refused = refused;
        }

        DingTalkSignIn.Reason reason() {
            return refused.reason();
        }
    }

    /** What the refusal page answers, and the log line (never the code). */
    static AuthenticationFailureHandler failures(DingTalkLogin page) {
        return (request, response, exception) -> {
            DingTalkSignIn.Reason reason = exception instanceof Failure failure ? failure.reason()
                    : DingTalkSignIn.Reason.DINGTALK_UNAVAILABLE;
            if (reason == DingTalkSignIn.Reason.DINGTALK_UNAVAILABLE || reason == DingTalkSignIn.Reason.DINGTALK_REFUSED
                    || reason == DingTalkSignIn.Reason.NOT_CONFIGURED) {
                log.warn("免登 refused ({}): {}", reason, exception.getMessage());
            } else {
                log.info("免登 refused ({}): {}", reason, exception.getMessage());
            }
            page.refuse(request, response, reason);
        };
    }

    /** Adds {@link Filter} to the people's chain with the form login's session strategy. */
    static final class Configurer extends AbstractHttpConfigurer<Configurer, HttpSecurity> {

        private final DingTalkLogin page;
        private final CamundaAuthenticationProvider logins;
        private final SecurityContextRepository contexts;
        private final AuthenticationSuccessHandler success;

        Configurer(DingTalkLogin page, CamundaAuthenticationProvider logins, SecurityContextRepository contexts,
                AuthenticationSuccessHandler success) {
            this.page = page;
            this.logins = logins;
            this.contexts = contexts;
            this.success = success;
        }

        @Override
        public void configure(HttpSecurity http) {
            Filter filter = new Filter(page.signIn, logins);
            SessionAuthenticationStrategy sessions = http.getSharedObject(SessionAuthenticationStrategy.class);
            if (sessions == null) {
                throw new IllegalStateException("免登 needs the form login's session strategy");
            }
            filter.setSessionAuthenticationStrategy(sessions);
            filter.setSecurityContextRepository(contexts);
            filter.setAuthenticationSuccessHandler(success);
            filter.setAuthenticationFailureHandler(failures(page));
            http.addFilterBefore(postProcess(filter), UsernamePasswordAuthenticationFilter.class);
        }
    }
}
