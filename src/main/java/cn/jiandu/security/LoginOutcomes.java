package cn.jiandu.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfToken;

import cn.jiandu.time.Times;

/**
 * What the login page answers: after a login the page asked for (a path of this app only),
 * after a failed one the page again with the reason in Chinese, and, when Camunda's identity
 * service holds the account back after wrong passwords, until when.
 */
final class LoginOutcomes implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LoginPage page;
    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl engine;

    LoginOutcomes(LoginPage page, ProcessEngine engine) {
        this.page = page;
        this.identity = engine.getIdentityService();
        this.engine = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        // the login changed the CSRF token: the new one goes out with this answer
        CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (csrf != null) {
            csrf.getToken();
        }
        response.sendRedirect(request.getContextPath() + SafeRedirects.target(request.getParameter("redirect")));
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        String password = request.getParameter("password");
        String message;
        if (username == null || username.isBlank() || password == null || password.isEmpty()) {
            message = "请输入用户名和密码。";
        } else {
            String lock = lock(username.strip());
            message = lock.isEmpty() ? "用户名或密码错误，请重新输入。" : "登录未成功：用户名或密码错误，或" + lock;
        }
        page.renderLogin(request, response, HttpServletResponse.SC_UNAUTHORIZED, request.getParameter("redirect"),
                username, message, null);
    }

    /** When the account is held back by Camunda's login throttle: until when, in China time. */
    private String lock(String username) {
        User user = identity.createUserQuery().userId(username).singleResult();
        if (!(user instanceof UserEntity entity)) {
            return "";
        }
        if (entity.getAttempts() >= engine.getLoginMaxAttempts()) {
            return "该账号因连续多次输错密码已被锁定，请联系系统管理员解锁。";
        }
        Date until = entity.getLockExpirationTime();
        Instant now = ClockUtil.getCurrentTime().toInstant();
        if (until == null || !until.toInstant().isAfter(now)) {
            return "";
        }
        long seconds = Math.max(1, Duration.between(now, until.toInstant()).toSeconds());
        return "该账号因连续输错密码暂时锁定（防止密码被猜测）。请于 " + TIME.format(until.toInstant().atZone(Times.CHINA))
                + "（约 " + seconds + " 秒后）再试。";
    }
}
