package cn.jiandu.page;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.organisation.UnitKind;
import cn.jiandu.security.Role;

class PeopleTest {

    private final OrganisationService organisation = mock(OrganisationService.class);

    private People people() {
        when(organisation.findOfficer(anyString())).thenReturn(Optional.empty());
        when(organisation.findOfficer("300001")).thenReturn(Optional.of(
                new Officer("300001", "孙所长", "CGPCS", Set.of(Role.UNIT_HEAD), null, null, true)));
        when(organisation.findOfficer("300002")).thenReturn(Optional.of(
                new Officer("300002", "周民警", "CGPCS", Set.of(Role.OFFICER), null, null, true)));
        when(organisation.findUnit("CGPCS")).thenReturn(Optional.of(
                new Unit("CGPCS", "城关派出所", "SFFJ", UnitKind.STATION)));
        return new People(organisation);
    }

    @Test
    void shouldNameThePeopleASentenceQuotesAndLeaveOtherWordsAlone() {
        People people = people();
        assertThat(people.names("钉钉签收提醒：300001、300002")).isEqualTo("钉钉签收提醒：孙所长、周民警");
        assertThat(people.names("待办「签收」指派给 300001")).isEqualTo("待办「签收」指派给 孙所长");
        assertThat(people.names("执法建议书 示分法建字〔2026〕第001号，ABC-1 2026年10月13日"))
                .isEqualTo("执法建议书 示分法建字〔2026〕第001号，ABC-1 2026年10月13日");
        assertThat(people.names("编号3000011不是警号")).isEqualTo("编号3000011不是警号");
        assertThat(people.names(null)).isEmpty();
    }

    @Test
    void shouldWriteWhoWithTheUnitAndLookEachIdUpOnce() {
        People people = people();
        assertThat(people.withUnit("300001")).isEqualTo("孙所长（城关派出所）");
        assertThat(people.withUnit("300001")).isEqualTo("孙所长（城关派出所）");
        assertThat(people.withUnit("system")).isEqualTo("系统");
        assertThat(people.withUnit("admin")).isEqualTo("admin");
        assertThat(people.withUnit(null)).isEmpty();
        verify(organisation, times(1)).findOfficer("300001");
    }

    @Test
    void shouldSayTimeLeftAsAPersonReadsIt() {
        assertThat(ProblemPage.span(Duration.ofHours(76).plusMinutes(5))).isEqualTo("3天4小时");
        assertThat(ProblemPage.span(Duration.ofDays(2))).isEqualTo("2天");
        assertThat(ProblemPage.span(Duration.ofMinutes(320))).isEqualTo("5小时20分钟");
        assertThat(ProblemPage.span(Duration.ofMinutes(7))).isEqualTo("7分钟");
        assertThat(ProblemPage.span(Duration.ofSeconds(20))).isEqualTo("不足1分钟");
    }
}
