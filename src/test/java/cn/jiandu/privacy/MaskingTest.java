package cn.jiandu.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void shouldKeepTheFirstCharacterOfAName() {
        assertThat(Masking.name("张三")).isEqualTo("张*");
        assertThat(Masking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(Masking.name("王")).isEqualTo("*");
        assertThat(Masking.name(" 李四 ")).isEqualTo("李*");
        assertThat(Masking.name("𠀀明")).isEqualTo("𠀀*");
    }

    @Test
    void shouldKeepTheFirstThreeAndLastFourDigitsOfAMobile() {
        assertThat(Masking.phone("13812345678")).isEqualTo("138****5678");
        assertThat(Masking.phone("138 1234 5678")).isEqualTo("138****5678");
        assertThat(Masking.phone("+8613812345678")).isEqualTo("138****5678");
    }

    @Test
    void shouldKeepTheAreaCodeAndLastFourDigitsOfALandline() {
        assertThat(Masking.phone("0571-88776655")).isEqualTo("0571-****6655");
        assertThat(Masking.phone("057188776655")).isEqualTo("0571-****6655");
        assertThat(Masking.phone("010-62345678")).isEqualTo("010-****5678");
        assertThat(Masking.phone("0571-8877665")).isEqualTo("0571-***7665");
    }

    @Test
    void shouldMaskWhatIsNotAPhoneNumberAlmostEntirely() {
        assertThat(Masking.phone("12345")).isEqualTo("*****");
        assertThat(Masking.phone("2345678901")).isEqualTo("******8901");
    }

    @Test
    void shouldKeepTheFirstFourAndLastFourCharactersOfAnIdNumber() {
        assertThat(Masking.idNumber("110101199003071234")).isEqualTo("1101**********1234");
        assertThat(Masking.idNumber("11010519491231002X")).isEqualTo("1101**********002X");
        assertThat(Masking.idNumber("123456")).isEqualTo("******");
    }

    @Test
    void shouldGiveEmptyForNothing() {
        for (String nothing : new String[] {null, "", "  "}) {
            assertThat(Masking.name(nothing)).isEmpty();
            assertThat(Masking.phone(nothing)).isEmpty();
            assertThat(Masking.idNumber(nothing)).isEmpty();
        }
    }
}
