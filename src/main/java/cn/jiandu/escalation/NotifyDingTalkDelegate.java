package cn.jiandu.escalation;

import java.util.Arrays;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.jiandu.notification.NotificationStep;

/**
 * 钉钉通知, the step a process owner adds by hand (element template jiandu.notifyDingTalk):
 * inputs {@code step} (REMIND, URGE, SUPERVISE, LEVEL, CUSTOM), optional {@code recipients}
 * (role codes, comma separated; else the routing table) and {@code note}.
 */
@Component("notifyDingTalk")
class NotifyDingTalkDelegate implements JavaDelegate {

    private final ProblemNotices notices;

    NotifyDingTalkDelegate(ProblemNotices notices) {
        this.notices = notices;
    }

    @Override
    public void execute(DelegateExecution execution) {
        String step = Variables.text(execution, Rectification.STEP);
        String recipients = Variables.text(execution, Rectification.RECIPIENTS);
        List<String> roles = recipients == null || recipients.isBlank() ? List.of()
                : Arrays.stream(recipients.split("[,，\\s]+")).map(String::strip).filter(r -> !r.isEmpty()).toList();
        notices.send(Variables.problemId(execution),
                NotificationStep.valueOf(step == null || step.isBlank() ? Rectification.STEP_CUSTOM : step),
                execution.getActivityInstanceId(), Variables.text(execution, Rectification.NOTE), roles);
    }
}
