package cn.jiandu.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The timeline's sentences read as the Java that wrote them before they moved to the bundle. */
class TimelineTextTest {

    @Test
    void shouldFillInTheArgumentsAsGiven() {
        assertThat(TimelineText.text("timeline.registered", "12345热线", "受立案", "未出具回执"))
                .isEqualTo("12345热线 · 受立案 · 未出具回执");
        assertThat(TimelineText.text("timeline.level.raised.note", "蓝色", "黄色", "2026年3月20日 17:30", "屡改屡犯"))
                .isEqualTo("预警等级由蓝色提升为黄色（屡改屡犯），整改期限至 2026年3月20日 17:30");
        assertThat(TimelineText.text("timeline.score.officer", 1000, 2))
                .isEqualTo("扣减单位执法质量积分 1000 分、责任民警积分 2 分");
        assertThat(TimelineText.text("timeline.remind", "3月20日", 2))
                .isEqualTo("整改期限将至（3月20日），第2次提醒责任民警与单位负责人");
        assertThat(TimelineText.text("timeline.message.deferred", "催办", "张三、李四", "2026年3月21日 07:00"))
                .isEqualTo("钉钉催办：张三、李四（夜间免打扰，2026年3月21日 07:00 发送）");
    }

    @Test
    void shouldAddThePersonsWordsOnlyWhenThereAreAny() {
        assertThat(TimelineText.withNote("timeline.signed", null)).isEqualTo("签收意见");
        assertThat(TimelineText.withNote("timeline.signed", "  ")).isEqualTo("签收意见");
        assertThat(TimelineText.withNote("timeline.signed", "已签收 {0} 'x'")).isEqualTo("签收意见：已签收 {0} 'x'");
    }

    @Test
    void shouldParseEverySentenceAndRefuseAnUnknownKey() throws Exception {
        Properties sentences = new Properties();
        try (var in = new InputStreamReader(getClass().getClassLoader().getResourceAsStream(TimelineText.RESOURCE),
                StandardCharsets.UTF_8)) {
            sentences.load(in);
        }
        assertThat(sentences).isNotEmpty();
        sentences.forEach((key, pattern) -> assertThat(new MessageFormat((String) pattern).toPattern()).as("%s", key)
                .isNotBlank());
        assertThatThrownBy(() -> TimelineText.text("timeline.nothing")).isInstanceOf(IllegalArgumentException.class);
    }
}
