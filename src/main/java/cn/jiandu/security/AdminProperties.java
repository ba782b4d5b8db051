package cn.jiandu.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * jiandu.admin.*: the first administrator, created at start when both are set and the
 * user does not exist yet. There is no default outside the demo profile.
 */
@ConfigurationProperties("jiandu.admin")
record AdminProperties(String username, String password) {

    boolean configured() {
        return username != null && !username.isBlank() && password != null && !password.isBlank();
    }
}
