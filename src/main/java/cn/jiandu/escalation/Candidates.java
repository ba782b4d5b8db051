package cn.jiandu.escalation;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;

/**
 * A task's candidate links (候选人、候选组) as the notification capability takes them (its
 * to-dos and cards resolve them to people): the users and the groups, in the engine's order.
 */
record Candidates(List<String> users, List<String> groups) {

    static Candidates of(DelegateTask task) {
        List<String> users = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (IdentityLink link : task.getCandidates()) {
            if (!IdentityLinkType.CANDIDATE.equals(link.getType())) {
                continue;
            }
            if (link.getUserId() != null) {
                users.add(link.getUserId());
            }
            if (link.getGroupId() != null) {
                groups.add(link.getGroupId());
            }
        }
        return new Candidates(List.copyOf(users), List.copyOf(groups));
    }
}
