package cn.jiandu.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import cn.jiandu.web.InputError;

class ChannelRulesTest {

    private static ChannelRequest request(String name, String kind) {
        return new ChannelRequest(name, kind, null, null);
    }

    @Test
    void shouldAcceptAReadableCodeANameAndAKind() {
        assertThat(ChannelRules.errors("HOTLINE_12345", request("12345政务服务热线", "HOTLINE"))).isEmpty();
        assertThat(ChannelRules.errors("A1", request("某渠道", "OTHER"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "A", "hotline", "HOT-LINE", "HOT LINE", "热线", "X'--",
            "ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJA"})
    void shouldRefuseACodeThatIsNotUpperCaseLettersDigitsAndUnderscores(String code) {
        assertThat(ChannelRules.errors(code, request("某渠道", "HOTLINE"))).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("code");
            assertThat(e.message()).contains("渠道代码");
        });
    }

    @Test
    void shouldRefuseABlankTooLongOrControlCharacterNameNamingTheField() {
        assertThat(ChannelRules.errors("X1", request(null, "HOTLINE"))).extracting(InputError::field,
                InputError::message).containsExactly(org.assertj.core.groups.Tuple.tuple("name", "渠道名称不能为空"));
        assertThat(ChannelRules.errors("X1", request("  ", "HOTLINE"))).extracting(InputError::message)
                .containsExactly("渠道名称不能为空");
        assertThat(ChannelRules.errors("X1", request("渠".repeat(101), "HOTLINE"))).extracting(InputError::message)
                .containsExactly("渠道名称最长100字");
        assertThat(ChannelRules.errors("X1", request("渠道\n名称", "HOTLINE"))).extracting(InputError::message)
                .containsExactly("渠道名称不能含换行、控制字符或不完整的字符");
        assertThat(ChannelRules.errors("X1", request("渠道\u202E名称", "HOTLINE"))).extracting(InputError::field)
                .containsExactly("name");
    }

    @Test
    void shouldRefuseAMissingOrUnknownKindListingTheKinds() {
        assertThat(ChannelRules.errors("X1", request("某渠道", null))).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("kind");
            assertThat(e.message()).startsWith("渠道类型不能为空").contains("HOTLINE（热线）", "JUDICIAL（司法监督）");
        });
        assertThat(ChannelRules.errors("X1", request("某渠道", "hotline"))).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("kind");
            assertThat(e.message()).startsWith("渠道类型无效: hotline");
        });
    }

    @Test
    void shouldReportEveryBadFieldAtOnce() {
        assertThat(ChannelRules.errors("x", request("", "NOPE"))).extracting(InputError::field)
                .containsExactly("code", "name", "kind");
        assertThat(ChannelRules.errors("X1", null)).extracting(InputError::field).containsExactly("body");
    }

    @Test
    void shouldDefaultToActiveAndToTheKindsCallbackRule() {
        assertThat(ChannelRules.channel("X1", request(" 群众来信 ", "MAILBOX")))
                .isEqualTo(new Channel("X1", "群众来信", SourceKind.MAILBOX, true, true));
        assertThat(ChannelRules.channel("X2", request("审计", "INTERNAL")))
                .isEqualTo(new Channel("X2", "审计", SourceKind.INTERNAL, true, false));
        assertThat(ChannelRules.channel("X3", new ChannelRequest("法院", "JUDICIAL", false, true)))
                .isEqualTo(new Channel("X3", "法院", SourceKind.JUDICIAL, false, true));
    }

    @Test
    void shouldCallBackThePublicsChannelsAndNotInternalOrJudicialOnes() {
        assertThat(SourceKind.HOTLINE.callsBackByDefault()).isTrue();
        assertThat(SourceKind.MAILBOX.callsBackByDefault()).isTrue();
        assertThat(SourceKind.VISIT.callsBackByDefault()).isTrue();
        assertThat(SourceKind.ONLINE.callsBackByDefault()).isTrue();
        assertThat(SourceKind.MEDIA.callsBackByDefault()).isTrue();
        assertThat(SourceKind.INTERNAL.callsBackByDefault()).isFalse();
        assertThat(SourceKind.JUDICIAL.callsBackByDefault()).isFalse();
        assertThat(SourceKind.OTHER.callsBackByDefault()).isFalse();
    }
}
