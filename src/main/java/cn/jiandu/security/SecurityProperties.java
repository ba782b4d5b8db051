package cn.jiandu.security;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/** jiandu.security.*: password rules for officers set through the API or CSV. */
@Validated
@ConfigurationProperties("jiandu.security")
public record SecurityProperties(@DefaultValue("8") @Min(4) int minPasswordLength) {
}
