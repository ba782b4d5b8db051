package cn.jiandu.escalation;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.notification.NotificationStep;
import cn.jiandu.notification.Notifications;

/**
 * 钉钉通知, the step a process owner adds by hand (element template jiandu.notifyDingTalk):
 * inputs {@code step} (REMIND, URGE, SUPERVISE, LEVEL, CUSTOM), optional {@code recipients}
 * (role codes, comma separated; else the routing table) and {@code note}.
 */
@Component("notifyDingTalk")
class NotifyDingTalkDelegate implements JavaDelegate {

    private final Notifications notifications;

    NotifyDingTalkDelegate(Notifications notifications) {
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String step = Variables.text(execution, "step");
        String recipients = Variables.text(execution, "recipients");
        List<String> roles = recipients == null || recipients.isBlank() ? List.of()
                : Arrays.stream(recipients.split("[,，\\s]+")).map(String::strip).filter(r -> !r.isEmpty()).toList();
        notifications.problemStep(Variables.problemId(execution),
                NotificationStep.valueOf(step == null || step.isBlank() ? "CUSTOM" : step),
                execution.getActivityInstanceId(), Variables.text(execution, "note"), roles);
    }
}
