package cn.jiandu.fakedingtalk;

import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

import cn.jiandu.notification.dingtalk.DingTalkCardProperties;
import cn.jiandu.notification.dingtalk.DingTalkEndpoints;
import cn.jiandu.notification.dingtalk.DingTalkProperties;

/**
 * Demo and test runs (jiandu.dingtalk.fake.enabled=true): starts the fake DingTalk with the
 * app's own key, secret, agent id and robots, and points DingTalkClient at it instead of
 * DingTalk. The fake reads the app's clock, so moving the demo's time moves its token
 * expiry, robot windows and days too; a robot's signed timestamp it checks against the real
 * time, as DingTalk does. Stopped when the app stops.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "jiandu.dingtalk.fake", name = "enabled", havingValue = "true")
class FakeDingTalkLauncher {

    @Bean(destroyMethod = "stop")
    FakeDingTalk fakeDingTalk(DingTalkProperties properties, Clock clock) {
        return new FakeDingTalk(FakeDingTalk.Config.from(properties).withClock(clock)
                .withRobotClock(Clock.systemUTC())).start();
    }

    /**
     * The fake's card platform publishes the app's configured templates and calls the app's
     * HTTP callback (its port known once its web server runs) with the app's token and aes key.
     */
    @Bean
    ApplicationListener<WebServerInitializedEvent> fakeCardCallbacks(FakeDingTalk fake, DingTalkCardProperties cards) {
        Set<String> templates = new LinkedHashSet<>();
        cards.cards().values().forEach(card -> {
            if (card.templateId() != null && !card.templateId().isBlank()) {
                templates.add(card.templateId());
            }
        });
        fake.cards().configure(templates, cards.effectiveRobotCode(), null, cards.callback().token(),
                cards.callback().aesKey(), cards.appKey());
        return event -> {
            if (!"management".equals(event.getApplicationContext().getServerNamespace())) {
                fake.cards().callbackUrl("http://127.0.0.1:" + event.getWebServer().getPort()
                        + "/api/dingtalk/callback");
            }
        };
    }

    @Bean
    @Primary
    DingTalkEndpoints fakeDingTalkEndpoints(FakeDingTalk fake) {
        return new DingTalkEndpoints(fake.baseUrl(), fake.baseUrl());
    }
}
