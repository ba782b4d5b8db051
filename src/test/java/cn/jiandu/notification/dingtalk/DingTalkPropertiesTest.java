package cn.jiandu.notification.dingtalk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/** The settings as application.yaml and the environment give them, bound without starting Spring. */
class DingTalkPropertiesTest {

    private static DingTalkProperties bind(Map<String, Object> environment) throws Exception {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addFirst(new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        List<PropertySource<?>> yaml = new YamlPropertySourceLoader().load("application.yaml",
                new ClassPathResource("application.yaml"));
        yaml.forEach(sources::addLast);
        return new Binder(ConfigurationPropertySources.from(sources)).bind("jiandu.dingtalk", DingTalkProperties.class)
                .get();
    }

    @Test
    void shouldDefaultToDingTalkWithNothingConfigured() throws Exception {
        DingTalkProperties properties = bind(Map.of());

        assertThat(properties.oapiBaseUrl()).isEqualTo("https://oapi.dingtalk.com");
        assertThat(properties.apiBaseUrl()).isEqualTo("https://api.dingtalk.com");
        assertThat(properties.appKey()).isEmpty();
        assertThat(properties.agentId()).isNull();
        assertThat(properties.robots()).isEmpty();
        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(properties.tokenRenewBefore()).isEqualTo(Duration.ofMinutes(5));
        assertThat(properties.fake().enabled()).isFalse();
        assertThat(properties.fake().port()).isZero();
        assertThat(properties.appConfigured()).isFalse();
    }

    @Test
    void shouldTakeEverySettingFromEnvironmentVariables() throws Exception {
        DingTalkProperties properties = bind(Map.of(
                "JIANDU_DINGTALK_APP_KEY", "key",
                "JIANDU_DINGTALK_APP_SECRET", "secret",
                "JIANDU_DINGTALK_AGENT_ID", "123456",
                "JIANDU_DINGTALK_ROBOTS_BUREAU_TOKEN", "robot-token",
                "JIANDU_DINGTALK_ROBOTS_BUREAU_SECRET", "SECrobot",
                "JIANDU_DINGTALK_TIMEOUT", "PT3S",
                "JIANDU_DINGTALK_FAKE_ENABLED", "true"));

        assertThat(properties.appConfigured()).isTrue();
        assertThat(properties.agentId()).isEqualTo(123456L);
        assertThat(properties.robots()).containsEntry(DingTalkProperties.BUREAU_ROBOT,
                new DingTalkProperties.Robot("robot-token", "SECrobot"));
        assertThat(properties.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(properties.fake().enabled()).isTrue();
    }
}
