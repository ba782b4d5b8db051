package cn.jiandu.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * The start-up rule with the app's real configuration files (application.yaml and the
 * profile's file, read by Spring Boot as at a real start) around only the privacy beans: no
 * database, no engine, a fraction of a second.
 */
class PrivacyKeyStartupTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PrivacyProperties.class)
    @Import(PersonalDataCipher.class)
    static class PrivacyOnly {
    }

    private static ConfigurableApplicationContext start(Map<String, Object> environmentVariables, String... profiles) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        environmentVariables));
        return new SpringApplicationBuilder(PrivacyOnly.class).web(WebApplicationType.NONE).environment(environment)
                .profiles(profiles).properties("spring.main.banner-mode=off", "logging.level.root=off").run();
    }

    @Test
    void shouldRefuseToStartWithoutAKeyOutsideTheDemoProfile() {
        for (String[] profiles : new String[][] {{}, {"mysql"}}) {
            assertThatThrownBy(() -> start(Map.of(), profiles)).as(String.join(",", profiles))
                    .hasRootCauseInstanceOf(PrivacyKeyException.class)
                    .rootCause().hasMessageContaining("jiandu.privacy.key")
                    .hasMessageContaining("JIANDU_PRIVACY_KEY").hasMessageContaining("openssl rand -base64 32");
        }
    }

    @Test
    void shouldRefuseToStartWithAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> start(Map.of("JIANDU_PRIVACY_KEY", "dG9vLXNob3J0LXRlc3Qta2V5")))
                .hasRootCauseInstanceOf(PrivacyKeyException.class).rootCause().hasMessageContaining("18 bytes")
                .hasMessageNotContaining("dG9vLXNob3J0LXRlc3Qta2V5");
    }

    @Test
    void shouldStartWithTheDemoProfilesKey() {
        try (ConfigurableApplicationContext context = start(Map.of(), "demo")) {
            PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);

            assertThat(cipher.decrypt(cipher.encrypt("13812345678"))).isEqualTo("13812345678");
        }
    }

    @Test
    void shouldStartWithTheKeyFromTheEnvironment() {
        try (ConfigurableApplicationContext context = start(
                Map.of("JIANDU_PRIVACY_KEY", PersonalDataCipherTest.TEST_KEY), "mysql")) {
            PersonalDataCipher cipher = context.getBean(PersonalDataCipher.class);

            assertThat(cipher.blindIndex("13812345678"))
                    .isEqualTo(new PersonalDataCipher(new PrivacyProperties(PersonalDataCipherTest.TEST_KEY))
                            .blindIndex("13812345678"));
        }
    }

    @Test
    void shouldReportAMissingKeyAsAFailureToStartWithWhatToDo() {
        Throwable failure = null;
        try (ConfigurableApplicationContext context = start(Map.of())) {
            context.getBean(PersonalDataCipher.class);
        } catch (RuntimeException e) {
            failure = e;
        }
        assertThat(failure).isNotNull();

        FailureAnalysis analysis = new PrivacyKeyFailureAnalyzer().analyze(failure);

        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).isEqualTo(
                "No personal-data key: jiandu.privacy.key (JIANDU_PRIVACY_KEY) is not set.");
        assertThat(analysis.getAction()).contains("JIANDU_PRIVACY_KEY", "openssl rand -base64 32", "demo-only");
        // registered in META-INF/spring.factories (analyzers that need arguments are skipped here)
        assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(FailureAnalyzer.class, null,
                (type, implementation, e) -> { })).anyMatch(PrivacyKeyFailureAnalyzer.class::isInstance);
    }
}
