package cn.jiandu.security;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * Where a login may send the browser afterwards: only a path of this app. Anything else
 * (another host, "//host", "/\host", a scheme, control characters or white space that a
 * browser would drop or turn into a slash) is the app's start page.
 */
final class SafeRedirects {

    static final String START = "/";
    private static final int MAX_LENGTH = 2000;

    private SafeRedirects() {
    }

    static String target(String requested) {
        if (requested == null || requested.isEmpty() || requested.length() > MAX_LENGTH
                || !requested.startsWith("/") || requested.startsWith("//")) {
            return START;
        }
        for (int i = 0; i < requested.length(); i++) {
            char c = requested.charAt(i);
            if (c == '\\' || c <= ' ' || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return START;
            }
        }
        URI uri;
        try {
            uri = new URI(requested);
        } catch (URISyntaxException e) {
            return START;
        }
        if (uri.getScheme() != null || uri.getRawAuthority() != null || uri.getRawPath() == null
                || !uri.getRawPath().startsWith("/")) {
            return START;
        }
        String path = uri.getRawPath();
        if (path.equals(LoginPage.PATH) || path.equals("/logout") || path.equals(DingTalkLogin.PATH)) {
            return START;
        }
        return requested;
    }
}
