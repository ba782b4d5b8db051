package cn.jiandu.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MessageRendererTest {

    private final MessageRenderer renderer = new MessageRenderer();

    private Map<String, Object> model(String step, String level, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("step", step);
        model.put("stepLabel", "督办");
        model.put("level", level);
        model.put("levelLabel", "红色");
        model.put("levelColor", "#D9001B");
        model.put("title", title);
        model.put("problemId", "42");
        model.put("unitName", "城关派出所");
        model.put("officerName", "陈晓");
        model.put("deadlineText", "2026年3月17日 23:59");
        model.put("timeLeftText", "剩余2天3小时");
        model.put("note", "");
        model.put("noticeTimeText", "2026年3月15日 09:00");
        model.put("link", "http://localhost:8080/problems/7");
        return model;
    }

    @Test
    void shouldSayWhatIsAskedInChineseWithLevelColourAndLink() {
        String text = renderer.render("problem", model("LEVEL", "RED", "办案区视频中断"));
        assertThat(text).contains("<font color=\"#D9001B\">【红色预警】</font>督办", "**办案区视频中断**",
                "城关派出所", "陈晓", "2026年3月17日 23:59", "剩余2天3小时", "执法问题督办单", "局主要领导约谈",
                "[查看问题并办理](http://localhost:8080/problems/7)", "通知时间：2026年3月15日 09:00");
    }

    @Test
    void shouldNeutraliseMarkdownAndHtmlInUserText() {
        String text = renderer.render("problem", model("URGE", "BLUE",
                "<script>alert(1)</script> [点我](http://evil) **粗**\n# 标题"));
        assertThat(text).doesNotContain("<script>", "](http://evil)", "**粗**", "\n# 标题");
        assertThat(text).contains("＜script＞alert\\(1\\)＜/script＞", "\\[点我\\]\\(http://evil\\)");
    }

    @Test
    void shouldWordEveryStepItsOwnWay() {
        Map<String, String> wording = Map.of("REMIND", "整改期限将至", "URGE", "法制大队长催办",
                "SUPERVISE", "超过宽限期仍未整改", "SIGN_URGE", "尚未签收", "SIGN_SUPERVISE", "逾期未签收",
                "MANUAL_URGE", "法制部门人工催办");
        wording.forEach((step, words) -> assertThat(renderer.render("problem", model(step, "YELLOW", "标题")))
                .as(step).contains(words, "请").doesNotContain("${", "请及时处理"));
    }
}
