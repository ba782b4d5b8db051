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

    @Test
    void shouldMaskPhonesAndIdNumbersInsideAComplaintsText() {
        assertThat(Masking.scrub("我叫张三，电话13812345678，身份证110101199003071234，座机0571-88776655，请回电"))
                .isEqualTo("我叫张三，电话138****5678，身份证1101**********1234，座机0571-****6655，请回电");
        assertThat(Masking.scrub("手机 138 1234 5678 联系")).isEqualTo("手机 138****5678 联系");
        // case numbers and dates stay as they are
        assertThat(Masking.scrub("案件编号A3301002026000123，2026年11月3日")).isEqualTo("案件编号A3301002026000123，2026年11月3日");
        assertThat(Masking.scrub(null)).isNull();
    }
}
