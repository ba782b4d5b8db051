package cn.jiandu.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ChinesePhoneTest {

    @Test
    void shouldAcceptMobilesAsTheirElevenDigits() {
        for (String phone : new String[] {"13812345678", "138 1234 5678", "138-1234-5678", "+8613812345678",
                "008613812345678"}) {
            assertThat(ChinesePhone.isValid(phone)).as(phone).isTrue();
            assertThat(ChinesePhone.canonical(phone)).as(phone).isEqualTo("13812345678");
        }
        assertThat(ChinesePhone.canonical("19912345678")).isEqualTo("19912345678");
    }

    @Test
    void shouldAcceptLandlinesWithTheirAreaCode() {
        assertThat(ChinesePhone.canonical("0571-88776655")).isEqualTo("0571-88776655");
        assertThat(ChinesePhone.canonical("057188776655")).isEqualTo("0571-88776655");
        assertThat(ChinesePhone.canonical("(0571) 8877 6655")).isEqualTo("0571-88776655");
        assertThat(ChinesePhone.canonical("0571-8877665")).isEqualTo("0571-8877665");
        assertThat(ChinesePhone.canonical("010-62345678")).isEqualTo("010-62345678");
        assertThat(ChinesePhone.canonical("02087654321")).isEqualTo("020-87654321");
    }

    @Test
    void shouldRefuseWhatIsNotAPhoneNumberWithAChineseReason() {
        assertThat(ChinesePhone.refusal("12812345678")).get().asString().contains("不是有效的手机号");
        assertThat(ChinesePhone.refusal("1381234567")).get().asString().contains("手机号");
        assertThat(ChinesePhone.refusal("138123456789")).isPresent();
        assertThat(ChinesePhone.refusal("88776655")).get().asString().contains("区号");
        assertThat(ChinesePhone.refusal("0571-08776655")).get().asString().contains("固定电话");
        assertThat(ChinesePhone.refusal("010-8877665")).isPresent();
        assertThat(ChinesePhone.refusal("1381234567a")).get().asString().contains("只能包含数字");
        assertThat(ChinesePhone.refusal("")).contains("电话号码为空");
        assertThat(ChinesePhone.refusal(null)).contains("电话号码为空");
        assertThat(ChinesePhone.isValid("+861381234567")).isFalse();
    }

    @Test
    void shouldNeverRepeatTheNumberInItsReason() {
        assertThat(ChinesePhone.refusal("12812345678")).get().asString().doesNotContain("12812345678");
        assertThatThrownBy(() -> ChinesePhone.canonical("12812345678")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("手机号").hasMessageNotContaining("12812345678");
    }
}
