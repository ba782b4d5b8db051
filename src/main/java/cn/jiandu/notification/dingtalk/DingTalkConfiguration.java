package cn.jiandu.notification.dingtalk;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * DingTalk's own hosts; the fake's launcher (cn.jiandu.fakedingtalk) overrides them with the
 * fake's (a @Primary bean).
 */
@Configuration(proxyBeanMethods = false)
class DingTalkConfiguration {

    @Bean
    DingTalkEndpoints dingTalkEndpoints(DingTalkProperties properties) {
        return new DingTalkEndpoints(properties.oapiBaseUrl(), properties.apiBaseUrl());
    }
}
