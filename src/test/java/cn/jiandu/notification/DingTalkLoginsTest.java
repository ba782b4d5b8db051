package cn.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.jiandu.notification.dingtalk.DingTalkClient;
import cn.jiandu.notification.dingtalk.DingTalkException;
import cn.jiandu.security.DingTalkSignIn.Reason;

class DingTalkLoginsTest {

    @Test
    void shouldCallAnUnknownOrMalformedCodeTheCodesFault() {
        assertThat(DingTalkLogins.refusal(new DingTalkException("x", DingTalkClient.UNKNOWN_AUTH_CODE, false)).reason())
                .isEqualTo(Reason.INVALID_CODE);
        assertThat(DingTalkLogins.refusal(new DingTalkException("x", 40035, false)).reason())
                .isEqualTo(Reason.INVALID_CODE);
    }

    @Test
    void shouldCallTransportFailuresAndBusyDingTalkUnavailable() {
        assertThat(DingTalkLogins.refusal(new DingTalkException("timed out", null, true)).reason())
                .isEqualTo(Reason.DINGTALK_UNAVAILABLE);
        assertThat(DingTalkLogins.refusal(new DingTalkException("busy", -1, true)).reason())
                .isEqualTo(Reason.DINGTALK_UNAVAILABLE);
    }

    @Test
    void shouldCallAnyOtherRefusalDingTalksRefusalOfTheApp() {
        // e.g. 60011: the app lacks the permission
        assertThat(DingTalkLogins.refusal(new DingTalkException("no permission", 60011, false)).reason())
                .isEqualTo(Reason.DINGTALK_REFUSED);
    }
}
