package cn.jiandu.security;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends the CSRF token cookie ({@value SecurityConfig#CSRF_COOKIE}) with every page the app
 * serves, so that a page's script can read it and send it back in the
 * {@value SecurityConfig#CSRF_HEADER} header with its writes. (Spring loads the token only
 * when something asks for it.) Not in the webapps, which have their own.
 */
final class CsrfCookie extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || RequestPaths.of(request).startsWith("/camunda");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CsrfToken token = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
        if (token != null) {
            token.getToken();
        }
        chain.doFilter(request, response);
    }
}
