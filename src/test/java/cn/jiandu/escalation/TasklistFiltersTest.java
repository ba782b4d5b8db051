package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;

import cn.jiandu.security.Role;

class TasklistFiltersTest {

    private final TasklistFilters filters = new TasklistFilters(mock(FilterService.class), mock(TaskService.class),
            mock(AuthorizationService.class), Clock.systemUTC());

    @Test
    void shouldGiveTheUnitsFilterToUnitHeadsOnlyAndNoFilterToRolesWithoutTasks() {
        Map<String, List<Role>> readers = filters.readers();

        assertThat(readers.get("to-sign")).containsExactly(Role.UNIT_HEAD);
        assertThat(readers.values()).allSatisfy(roles -> assertThat(roles).isNotEmpty()
                .doesNotContain(Role.ADMIN, Role.COMMITTEE, Role.INTAKE));
        assertThat(readers.entrySet().stream().filter(e -> e.getValue().contains(Role.DEPUTY_LEADER))
                .map(Map.Entry::getKey)).containsExactlyInAnyOrder("mine-deputy", "due-today");
        assertThat(readers.entrySet().stream().filter(e -> e.getValue().contains(Role.CHIEF)).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("mine-chief", "due-today", "red");
        assertThat(readers.entrySet().stream().filter(e -> e.getValue().contains(Role.OFFICER)).map(Map.Entry::getKey))
                .containsExactlyInAnyOrder("mine-unit", "due-today", "overdue", "reminders");
    }

    @Test
    void shouldLabelTheCardsLinesInChinese() {
        assertThat(TasklistFilters.CARD_VARIABLES).extracting(v -> v.get("name") + "=" + v.get("label"))
                .containsExactly("cardLevel=预警等级", "cardUnit=责任单位", "cardDue=办理期限");
    }
}
