package cn.jiandu.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * jiandu.privacy.*: the key of the public's personal data.
 *
 * @param key base64 of 32 random bytes ({@code openssl rand -base64 32}), from
 *            {@code JIANDU_PRIVACY_KEY} in production; never logged. Empty: the app does not
 *            start (see {@link PersonalDataCipher}).
 */
@ConfigurationProperties("jiandu.privacy")
public record PrivacyProperties(@DefaultValue("") String key) {

    @Override
    public String toString() {
        return "PrivacyProperties[key=" + (key == null || key.isBlank() ? "" : "******") + "]";
    }
}
