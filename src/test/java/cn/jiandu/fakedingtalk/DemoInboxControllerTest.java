package cn.jiandu.fakedingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.ResponseEntity;

import cn.jiandu.web.NotFoundException;

class DemoInboxControllerTest {

    @Test
    void shouldAnswer404WhenTheFakeDoesNotRun() {
        DemoInboxController controller = new DemoInboxController(
                new StaticListableBeanFactory().getBeanProvider(FakeDingTalk.class));

        assertThatThrownBy(controller::inbox).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldServeTheFakesInboxPage() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("fake", new FakeDingTalk(FakeDingTalk.Config.of("k", "s", 1L)));

        ResponseEntity<String> page = new DemoInboxController(beans.getBeanProvider(FakeDingTalk.class)).inbox();

        assertThat(page.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
        assertThat(page.getBody()).contains("钉钉消息收件箱（演示）");
    }
}
