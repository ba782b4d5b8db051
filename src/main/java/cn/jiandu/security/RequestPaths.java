package cn.jiandu.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/** The decoded, normalised path of a request inside the app, for the advisory guards. */
final class RequestPaths {

    private RequestPaths() {
    }

    static String of(HttpServletRequest request) {
        String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
        String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
        String path = servletPath + pathInfo;
        if (path.isEmpty()) {
            path = request.getRequestURI().substring(request.getContextPath().length());
        }
        return path.replaceAll("/+", "/").replace("/./", "/");
    }

    static String lowerCaseOf(HttpServletRequest request) {
        return of(request).toLowerCase(Locale.ROOT);
    }
}
