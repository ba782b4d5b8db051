package cn.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class CardCallbacksTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void shouldReadThePressFromContentAsAJsonString() throws Exception {
        String callback = "{\"type\":\"actionCallback\",\"outTrackId\":\"jd-t1-dt1\",\"corpId\":\"ding1\","
                + "\"userId\":\"dt1\",\"content\":\"{\\\"cardPrivateData\\\":{\\\"actionIds\\\":[\\\"instruct\\\"],"
                + "\\\"params\\\":{\\\"instruction\\\":\\\"请尽快整改\\\",\\\"n\\\":1,\\\"o\\\":{}}}}\"}";

        CardCallbacks.Press press = CardCallbacks.parse(json.readTree(callback), json).orElseThrow();

        assertThat(press.outTrackId()).isEqualTo("jd-t1-dt1");
        assertThat(press.userId()).isEqualTo("dt1");
        assertThat(press.actionId()).isEqualTo("instruct");
        assertThat(press.params()).isEqualTo(Map.of("instruction", "请尽快整改", "n", "1"));
    }

    @Test
    void shouldReadContentGivenAsAnObject() throws Exception {
        String callback = "{\"outTrackId\":\"jd-t1-dt1\",\"userId\":\"dt1\",\"content\":"
                + "{\"cardPrivateData\":{\"actionIds\":[\"sign\"]}}}";

        assertThat(CardCallbacks.parse(json.readTree(callback), json)).hasValueSatisfying(
                press -> assertThat(press.actionId()).isEqualTo("sign"));
    }

    @Test
    void shouldDropACallbackWithoutCardUserOrAction() throws Exception {
        assertThat(CardCallbacks.parse(json.readTree("{\"userId\":\"dt1\",\"content\":"
                + "{\"cardPrivateData\":{\"actionIds\":[\"sign\"]}}}"), json)).isEmpty();
        assertThat(CardCallbacks.parse(json.readTree("{\"outTrackId\":\"x\",\"content\":"
                + "{\"cardPrivateData\":{\"actionIds\":[\"sign\"]}}}"), json)).isEmpty();
        assertThat(CardCallbacks.parse(json.readTree("{\"outTrackId\":\"x\",\"userId\":\"dt1\",\"content\":"
                + "\"not json\"}"), json)).isEmpty();
        assertThat(CardCallbacks.parse(json.readTree("[]"), json)).isEmpty();
        assertThat(CardCallbacks.parse(null, json)).isEmpty();
    }

    @Test
    void shouldTurnButtonsIntoTheFormsVariables() {
        assertThat(CardKind.SIGN.buttons().get("sign").variables()).isEqualTo(Map.of("signOutcome", "SIGN"));
        assertThat(CardKind.INSTRUCTION.buttons().get("instruct").variables())
                .isEqualTo(Map.of("instructionKind", "批示"));
        assertThat(CardKind.INSTRUCTION.buttons().get("instruct").textParam()).isEqualTo("instruction");
        assertThat(CardKind.INSTRUCTION.buttons().get("read").variables()).isEqualTo(Map.of("instructionKind", "已阅"));
        assertThat(CardKind.ofTask("Task_SuperviseInstruction")).contains(CardKind.INSTRUCTION);
        assertThat(CardKind.SIGN.verbOf(Map.of("signOutcome", "SIGN"))).isEqualTo("签收");
        assertThat(Cards.limit("长".repeat(600)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(1000);
    }
}
