package cn.jiandu.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class ChineseIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

    @Test
    void shouldAcceptNumbersWithTheRightCheckCharacter() {
        // GB 11643-1999's own example, check character X
        assertThat(ChineseIdNumber.refusal("11010519491231002X", TODAY)).isEmpty();
        assertThat(ChineseIdNumber.refusal("110101199003071233", TODAY)).isEmpty();
        assertThat(ChineseIdNumber.refusal("320106198504153217", TODAY)).isEmpty();
        // born on a leap day
        assertThat(ChineseIdNumber.refusal("11010120000229123X", TODAY)).isEmpty();
        assertThat(ChineseIdNumber.isValid("11010519491231002X")).isTrue();
    }

    @Test
    void shouldReadALowerCaseXAsX() {
        assertThat(ChineseIdNumber.refusal("11010519491231002x", TODAY)).isEmpty();
        assertThat(ChineseIdNumber.canonical(" 11010519491231002x ")).isEqualTo("11010519491231002X");
    }

    @Test
    void shouldComputeTheCheckCharacter() {
        assertThat(ChineseIdNumber.checkCharacter("11010519491231002")).isEqualTo('X');
        assertThat(ChineseIdNumber.checkCharacter("11010119900307123")).isEqualTo('3');
        assertThat(ChineseIdNumber.checkCharacter("32010619850415321")).isEqualTo('7');
    }

    @Test
    void shouldRefuseAWrongCheckCharacter() {
        assertThat(ChineseIdNumber.refusal("110101199003071234", TODAY)).contains("身份证号的校验位（第 18 位）不正确");
        assertThat(ChineseIdNumber.refusal("110105194912310021", TODAY)).contains("身份证号的校验位（第 18 位）不正确");
        assertThat(ChineseIdNumber.refusal("32010619850415321X", TODAY)).contains("身份证号的校验位（第 18 位）不正确");
    }

    @Test
    void shouldRefuseABirthDateThatIsNotReal() {
        // 1900 was no leap year; month 13
        assertThat(ChineseIdNumber.refusal("110101190002291234", TODAY)).get().asString().contains("不是真实的日期");
        assertThat(ChineseIdNumber.refusal("110101199013071234", TODAY)).get().asString().contains("不是真实的日期");
        // before 1900, after today
        assertThat(ChineseIdNumber.refusal("440524188001010014", TODAY)).get().asString().contains("不在合理范围内");
        String tomorrow = "11010120260311" + "123";
        String born = tomorrow + ChineseIdNumber.checkCharacter(tomorrow);
        assertThat(ChineseIdNumber.refusal(born, TODAY)).get().asString().contains("不在合理范围内");
        assertThat(ChineseIdNumber.refusal(born, TODAY.plusDays(1))).isEmpty();
    }

    @Test
    void shouldRefuseAnUnknownProvince() {
        String first17 = "99010119900307123";
        assertThat(ChineseIdNumber.refusal(first17 + ChineseIdNumber.checkCharacter(first17), TODAY)).get().asString()
                .contains("省级行政区划代码");
    }

    @Test
    void shouldRefuseOldFifteenDigitNumbersWithTheirOwnReason() {
        assertThat(ChineseIdNumber.refusal("110101900307123", TODAY)).get().asString().contains("15 位的旧身份证号");
    }

    @Test
    void shouldRefuseAWrongLengthOrCharacters() {
        assertThat(ChineseIdNumber.refusal("1101011990030712", TODAY)).contains("身份证号应为 18 位（现为 16 位）");
        assertThat(ChineseIdNumber.refusal("11010119900307123Y", TODAY)).get().asString().contains("最后一位为数字或 X");
        assertThat(ChineseIdNumber.refusal("1101011990030X1233", TODAY)).get().asString().contains("前 17 位应为数字");
        assertThat(ChineseIdNumber.refusal("", TODAY)).contains("身份证号为空");
        assertThat(ChineseIdNumber.refusal(null, TODAY)).contains("身份证号为空");
    }

    @Test
    void shouldNeverRepeatTheNumberInItsReason() {
        assertThat(ChineseIdNumber.refusal("110101199003071234", TODAY)).get().asString()
                .doesNotContain("110101199003071234").doesNotContain("19900307");
        assertThatThrownBy(() -> ChineseIdNumber.canonical("110101199003071234"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("110101199003071234");
    }
}
