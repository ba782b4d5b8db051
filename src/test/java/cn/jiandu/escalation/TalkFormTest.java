package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.junit.jupiter.api.Test;

import cn.jiandu.problem.Accountability;
import cn.jiandu.problem.TalkKind;

class TalkFormTest {

    private static Map<String, Object> talk() {
        Map<String, Object> v = new HashMap<>();
        v.put("talkDate", "2026-03-12T15:00+08:00");
        v.put("talkTargets", "  所长郑海涛、民警陈晓 ");
        v.put("talkRecord", "指出问题性质，被谈话人表示立即整改。");
        v.put("talkMeasures", "三日内补开受案回执");
        v.put("accountability", "CIRCULATED_CRITICISM");
        return v;
    }

    private static Map<String, Object> interview() {
        Map<String, Object> v = new HashMap<>();
        v.put("interviewDate", "2026-03-20T10:30:00.000+0800");
        v.put("interviewees", "所长郑海涛");
        v.put("interviewRecord", "听取整改情况汇报。");
        v.put("rectificationMeasures", "一周内完成整改");
        v.put("accountability", "ACCOUNTABILITY");
        return v;
    }

    @Test
    void shouldMapTheDisciplineTalksFields() {
        TalkForm form = TalkForm.read(TalkKind.DISCIPLINE_TALK, talk()::get);

        assertThat(form.kind()).isEqualTo(TalkKind.DISCIPLINE_TALK);
        assertThat(form.heldAt()).isEqualTo(Instant.parse("2026-03-12T07:00:00Z"));
        assertThat(form.participants()).isEqualTo("所长郑海涛、民警陈晓");
        assertThat(form.record()).isEqualTo("指出问题性质，被谈话人表示立即整改。");
        assertThat(form.measures()).isEqualTo("三日内补开受案回执");
        assertThat(form.accountability()).isEqualTo(Accountability.CIRCULATED_CRITICISM);
    }

    @Test
    void shouldMapTheInterviewsFieldsInTheEnginesDateFormat() {
        TalkForm form = TalkForm.read(TalkKind.LEADERSHIP_INTERVIEW, interview()::get);

        assertThat(form.heldAt()).isEqualTo(Instant.parse("2026-03-20T02:30:00Z"));
        assertThat(form.participants()).isEqualTo("所长郑海涛");
        assertThat(form.record()).isEqualTo("听取整改情况汇报。");
        assertThat(form.measures()).isEqualTo("一周内完成整改");
        assertThat(form.accountability()).isEqualTo(Accountability.ACCOUNTABILITY);
    }

    @Test
    void shouldTakeDatesLocalDateTimesAndDaysInChinaTime() {
        Map<String, Object> v = talk();
        v.put("talkDate", Date.from(Instant.parse("2026-03-12T01:00:00Z")));
        assertThat(TalkForm.read(TalkKind.DISCIPLINE_TALK, v::get).heldAt()).isEqualTo("2026-03-12T01:00:00Z");
        v.put("talkDate", "2026-03-12T09:00");
        assertThat(TalkForm.read(TalkKind.DISCIPLINE_TALK, v::get).heldAt()).isEqualTo("2026-03-12T01:00:00Z");
        v.put("talkDate", "2026-03-12");
        assertThat(TalkForm.read(TalkKind.DISCIPLINE_TALK, v::get).heldAt()).isEqualTo("2026-03-11T16:00:00Z");
    }

    @Test
    void shouldLeaveOptionalFieldsEmpty() {
        Map<String, Object> v = talk();
        v.remove("talkMeasures");
        v.put("accountability", "");
        TalkForm form = TalkForm.read(TalkKind.DISCIPLINE_TALK, v::get);

        assertThat(form.measures()).isNull();
        assertThat(form.accountability()).isNull();
    }

    @Test
    void shouldRefuseADateThatIsNone() {
        Map<String, Object> v = talk();
        v.put("talkDate", "下周一");
        assertThatThrownBy(() -> TalkForm.read(TalkKind.DISCIPLINE_TALK, v::get))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("谈话日期")
                .satisfies(e -> assertThat(((FormFieldValidationException) e).<Object>getDetail()).isEqualTo("talkDate"));
        v.put("talkDate", 42L);
        assertThatThrownBy(() -> TalkForm.read(TalkKind.DISCIPLINE_TALK, v::get))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("谈话日期应为日期时间");
        v.put("talkDate", "1900-01-01");
        assertThatThrownBy(() -> TalkForm.read(TalkKind.DISCIPLINE_TALK, v::get))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("超出有效范围");
        Map<String, Object> w = interview();
        w.remove("interviewDate");
        assertThatThrownBy(() -> TalkForm.read(TalkKind.LEADERSHIP_INTERVIEW, w::get))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("约谈日期不能为空");
    }

    @Test
    void shouldRefuseMissingAndTooLongTexts() {
        Map<String, Object> v = talk();
        v.put("talkRecord", " ");
        assertThatThrownBy(() -> TalkForm.read(TalkKind.DISCIPLINE_TALK, v::get))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("谈话记录不能为空");
        v.put("talkRecord", "记".repeat(4001));
        assertThatThrownBy(() -> TalkForm.read(TalkKind.DISCIPLINE_TALK, v::get))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("谈话记录过长（4001 字，最多 4000 字）");
        Map<String, Object> w = interview();
        w.put("interviewees", "人".repeat(201));
        assertThatThrownBy(() -> TalkForm.read(TalkKind.LEADERSHIP_INTERVIEW, w::get))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("约谈对象过长");
        w.put("interviewees", "所长");
        w.put("rectificationMeasures", "措".repeat(2001));
        assertThatThrownBy(() -> TalkForm.read(TalkKind.LEADERSHIP_INTERVIEW, w::get))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("整改措施要求过长");
    }

    @Test
    void shouldRefuseAnOutcomeTheFormDoesNotOffer() {
        Map<String, Object> v = talk();
        v.put("accountability", "FIRE_HIM");
        assertThatThrownBy(() -> TalkForm.read(TalkKind.DISCIPLINE_TALK, v::get))
                .isInstanceOf(FormFieldValidationException.class).hasMessageContaining("处理意见取值无效：FIRE_HIM");
    }

    @Test
    void shouldIssueEachKindItsOwnDocument() {
        assertThat(TalkRecorder.documentType(TalkKind.DISCIPLINE_TALK).name()).isEqualTo("TALK_RECORD");
        assertThat(TalkRecorder.documentType(TalkKind.LEADERSHIP_INTERVIEW).name()).isEqualTo("INTERVIEW_RECORD");
    }
}
