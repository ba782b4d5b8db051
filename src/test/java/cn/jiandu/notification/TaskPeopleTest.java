package cn.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.security.Role;

class TaskPeopleTest {

    private final OrganisationService organisation = mock(OrganisationService.class);
    private final TaskPeople people = new TaskPeople(organisation);

    private final Officer head = officer("H1", "U1", "dt-h1", true);
    private final Officer clerk = officer("C1", "U1", null, true);
    private final Officer leader = officer("L1", "U0", "dt-l1", true);
    private final Officer gone = officer("G1", "U1", "dt-g1", false);

    private static Officer officer(String no, String unit, String dingtalk, boolean active) {
        return new Officer(no, "民警" + no, unit, Set.of(), dingtalk, null, active);
    }

    @Test
    void shouldNameAssigneeThenCandidateUsersThenGroupMembersEachOnce() {
        when(organisation.findOfficer("L1")).thenReturn(Optional.of(leader));
        when(organisation.findOfficer("H1")).thenReturn(Optional.of(head));
        when(organisation.findOfficer("nobody")).thenReturn(Optional.empty());
        when(organisation.officers("U1", Role.UNIT_HEAD)).thenReturn(List.of(head, gone));
        when(organisation.officers("U1", null)).thenReturn(List.of(clerk, head, gone));

        List<Officer> found = people.of("L1", List.of("H1", "nobody", "L1"),
                List.of(Unit.headGroupIdOf("U1"), Unit.groupIdOf("U1"), "no-such-group"));

        assertThat(found).containsExactly(leader, head, gone, clerk);
    }

    @Test
    void shouldReadRoleGroupsAcrossUnits() {
        when(organisation.officers(null, Role.UNIT_HEAD)).thenReturn(List.of(leader, head));

        assertThat(people.of(null, null, List.of(Role.UNIT_HEAD.groupId()))).containsExactly(leader, head);
    }

    @Test
    void shouldReachOnlyActiveOfficersWithADingTalkId() {
        assertThat(TaskPeople.onDingTalk(head)).isTrue();
        assertThat(TaskPeople.onDingTalk(clerk)).isFalse();
        assertThat(TaskPeople.onDingTalk(gone)).isFalse();
        assertThat(TaskPeople.onDingTalk(officer("B1", "U1", " ", true))).isFalse();
    }
}
