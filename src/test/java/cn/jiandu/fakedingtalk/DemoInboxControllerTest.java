package cn.jiandu.fakedingtalk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.organisation.UnitKind;
import cn.jiandu.security.Role;
import cn.jiandu.web.InvalidInputException;
import cn.jiandu.web.NotFoundException;

class DemoInboxControllerTest {

    private final OrganisationService organisation = mock(OrganisationService.class);

    @Test
    void shouldAnswer404WhenTheFakeDoesNotRun() {
        DemoInboxController controller = new DemoInboxController(
                new StaticListableBeanFactory().getBeanProvider(FakeDingTalk.class), organisation);

        assertThatThrownBy(() -> controller.inbox(null, 0, new MockHttpServletRequest())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void shouldServeTheFakesInboxPageWithPeopleByNameAndUnit() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("fake", new FakeDingTalk(FakeDingTalk.Config.of("k", "s", 1L)));
        when(organisation.units()).thenReturn(List.of(new Unit("XJDD", "刑侦大队", null, UnitKind.STATION)));
        when(organisation.officers(null, null)).thenReturn(List.of(
                new Officer("400001", "周明", "XJDD", Set.of(Role.UNIT_HEAD), "dt400001", null, true)));
        DemoInboxController controller = new DemoInboxController(beans.getBeanProvider(FakeDingTalk.class), organisation);

        ResponseEntity<String> page = controller.inbox("dt400001", 0, new MockHttpServletRequest());

        assertThat(page.getHeaders().getContentType()).hasToString("text/html;charset=UTF-8");
        assertThat(page.getBody()).contains("钉钉消息收件箱（演示）", "暂无消息");
        assertThatThrownBy(() -> controller.inbox("a\u0000b", 0, new MockHttpServletRequest())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> controller.inbox(null, -1, new MockHttpServletRequest())).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldOpenTheAppsLoginPageWithACodeTheFakeIssuedForThePerson() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        FakeDingTalk fake = new FakeDingTalk(FakeDingTalk.Config.of("k", "s", 1L));
        beans.addBean("fake", fake);
        DemoInboxController controller = new DemoInboxController(beans.getBeanProvider(FakeDingTalk.class), organisation);

        ResponseEntity<Void> opened = controller.open("dt400001",
                "http://localhost:8080/dingtalk/login?redirect=%2Fcamunda%2Fapp%2Ftasklist%2Fdefault%2F%23%2F%3Ftask%3Dt1");

        assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.SEE_OTHER);
        assertThat(opened.getHeaders().getLocation()).asString()
                .startsWith("/dingtalk/login?redirect=%2Fcamunda%2Fapp%2Ftasklist%2Fdefault%2F%23%2F%3Ftask%3Dt1#authCode=")
                .matches(".*#authCode=[0-9a-f]{32}");
        assertThatThrownBy(() -> controller.open("dt400001", "https://evil.example/?redirect=/"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> controller.open("dt400001", "http://localhost:8080/problems/1"))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> controller.open("", "/dingtalk/login?redirect=%2F"))
                .isInstanceOf(InvalidInputException.class);
    }

    @Test
    void shouldIssueNoCodeWhenTheFakeDoesNotRun() {
        DemoInboxController controller = new DemoInboxController(
                new StaticListableBeanFactory().getBeanProvider(FakeDingTalk.class), organisation);

        assertThatThrownBy(() -> controller.open("dt400001", "/dingtalk/login?redirect=%2F"))
                .isInstanceOf(NotFoundException.class);
    }
}
