package cn.jiandu.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import cn.jiandu.time.Times;
import cn.jiandu.text.Templates;

class DocumentRendererTest {

    private final DocumentRenderer renderer = new DocumentRenderer(Templates.configuration());

    private static Map<String, Object> doc(DocumentType type) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("type", type.name());
        doc.put("typeTitle", type.title());
        doc.put("title", DocumentService.titleOf(type, "受案登记表未开具受案回执"));
        doc.put("number", DocumentNumber.format("示分", type, 2026, 7));
        doc.put("year", 2026);
        doc.put("warningLevel", type.warningLevel());
        doc.put("colour", "blue");
        doc.put("bureauName", "示范市公安局示范分局");
        doc.put("issuer", type.issuer());
        doc.put("issuerName", "示范市公安局示范分局" + type.issuer());
        doc.put("issuedAt", ZonedDateTime.of(2026, 3, 10, 9, 30, 0, 0, Times.CHINA));
        doc.put("unitCode", "CGPCS");
        return doc;
    }

    private static Map<String, Object> problem() {
        Map<String, Object> p = new HashMap<>();
        p.put("title", "受案登记表未开具受案回执");
        p.put("description", "2026年3月2日受理的殴打他人案，受案登记表已录入，未向报案人开具受案回执。\n经网上巡查核实。");
        p.put("unitName", "城关派出所");
        p.put("officerName", "陈晓");
        p.put("category", "受立案");
        p.put("source", "网上执法巡查");
        p.put("level", "BLUE");
        p.put("levelLabel", "蓝色");
        // 09:00 UTC is 17:00 in China
        p.put("deadline", OffsetDateTime.of(2026, 3, 17, 9, 0, 0, 0, ZoneOffset.UTC));
        p.put("occurredAt", ZonedDateTime.of(2026, 3, 2, 21, 15, 0, 0, Times.CHINA));
        p.put("repeatCount", 2);
        p.put("reason", "经提醒后仍未补开回执");
        return p;
    }

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, names = {"TALK_RECORD", "INTERVIEW_RECORD"},
            mode = EnumSource.Mode.EXCLUDE)
    void shouldRenderEveryPartOfTheDocument(DocumentType type) {
        String html = renderer.render(type, doc(type), problem());

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"zh-CN\">")
                .contains("@page { size: A4; margin: 25mm 20mm; }")
                .contains("\"SimSun\", \"宋体\", \"Songti SC\"")
                .contains("示范市公安局示范分局</p>")
                .contains("<h1 class=\"doc-title\">" + type.title() + "</h1>")
                .contains("示分" + type.numberWord() + "字〔2026〕第007号")
                .contains("城关派出所：")
                .contains("受案登记表未开具受案回执")
                .contains("2026年3月17日 17:00前")
                .contains("2026年3月2日 21:15")
                .contains(type.warningLevel())
                .contains("示范市公安局示范分局" + type.issuer())
                .contains("2026年3月10日印发")
                .contains("（印章）")
                .contains("回执");
    }

    @Test
    void shouldWriteEachTypeInItsOwnVoice() {
        assertThat(renderer.render(DocumentType.ADVICE, doc(DocumentType.ADVICE), problem()))
                .contains("现向你单位提出如下建议").contains("书面报送法制大队");
        assertThat(renderer.render(DocumentType.CORRECTION_NOTICE, doc(DocumentType.CORRECTION_NOTICE), problem()))
                .contains("同类问题已重复发生2次，属屡改屡犯").contains("谈话提醒").contains("现通知你单位予以纠正");
        Map<String, Object> late = problem();
        late.remove("repeatCount");
        assertThat(renderer.render(DocumentType.CORRECTION_NOTICE, doc(DocumentType.CORRECTION_NOTICE), late))
                .contains("整改迟缓").doesNotContain("屡改屡犯");
        assertThat(renderer.render(DocumentType.SUPERVISION_ORDER, doc(DocumentType.SUPERVISION_ORDER), problem()))
                .contains("挂牌督办").contains("书面报告分局执法监督委员会").contains("约谈");
    }

    @ParameterizedTest
    @EnumSource(DocumentType.class)
    void shouldEscapeWhatUsersTyped(DocumentType type) {
        Map<String, Object> p = problem();
        p.put("title", "<script>alert(1)</script>");
        p.put("description", "<img src=x onerror=alert(2)>");
        p.put("unitName", "城关\"派出所'&");
        p.put("officerName", "<b>陈晓</b>");

        String html = renderer.render(type, doc(type), p);

        assertThat(html).doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>陈晓")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("城关&quot;派出所&#39;&amp;");
    }

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, names = {"TALK_RECORD", "INTERVIEW_RECORD"},
            mode = EnumSource.Mode.EXCLUDE)
    void shouldTolerateAProblemWithoutOptionalFields(DocumentType type) {
        String html = renderer.render(type, doc(type), Map.of());

        assertThat(html).contains("CGPCS：").contains("示分" + type.numberWord() + "字〔2026〕第007号")
                .contains("2026年3月10日").doesNotContain("前前");
    }

    private static Map<String, Object> talk() {
        Map<String, Object> p = problem();
        p.put("heldAt", ZonedDateTime.of(2026, 3, 12, 15, 0, 0, 0, Times.CHINA));
        p.put("participants", "城关派出所所长郑海涛、民警陈晓");
        p.put("record", "指出问题性质。\n被谈话人表示立即整改。");
        p.put("measures", "三日内补开受案回执");
        p.put("accountabilityLabel", "通报批评");
        p.put("recordedByName", "孙正");
        return p;
    }

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, names = {"TALK_RECORD", "INTERVIEW_RECORD"})
    void shouldPrintATalksRecordWithoutAddresseeOrReceipt(DocumentType type) {
        String html = renderer.render(type, doc(type), talk());

        assertThat(html).contains("<h1 class=\"doc-title\">" + type.title() + "</h1>")
                .contains("示分" + type.numberWord() + "字〔2026〕第007号")
                .contains("@page { size: A4; margin: 25mm 20mm; }")
                .contains("2026年3月12日 15:00").contains("城关派出所所长郑海涛、民警陈晓")
                .contains("<p>指出问题性质。</p>").contains("<p>被谈话人表示立即整改。</p>")
                .contains("三日内补开受案回执").contains("通报批评").contains("孙正").contains("陈晓")
                .contains("示范市公安局示范分局" + type.issuer()).contains("（印章）")
                .doesNotContain("城关派出所：").doesNotContain("沿 此 线 剪 下");
        assertThat(renderer.render(DocumentType.TALK_RECORD, doc(DocumentType.TALK_RECORD), talk()))
                .contains("谈话对象").contains("纪委督察室依照有关规定进行谈话提醒");
        assertThat(renderer.render(DocumentType.INTERVIEW_RECORD, doc(DocumentType.INTERVIEW_RECORD), talk()))
                .contains("约谈对象").contains("分局主要领导依照有关规定进行约谈");
    }

    @ParameterizedTest
    @EnumSource(value = DocumentType.class, names = {"TALK_RECORD", "INTERVIEW_RECORD"})
    void shouldEscapeATalksRecordAndTolerateMissingFields(DocumentType type) {
        Map<String, Object> p = talk();
        p.put("participants", "<script>alert(1)</script>");
        p.put("record", "<img src=x onerror=alert(2)>");
        p.put("measures", "a & b");

        assertThat(renderer.render(type, doc(type), p)).doesNotContain("<script>").doesNotContain("<img")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("&lt;img src=x onerror=alert(2)&gt;")
                .contains("a &amp; b");
        assertThat(renderer.render(type, doc(type), Map.of())).contains("未提出")
                .contains("示分" + type.numberWord() + "字〔2026〕第007号");
    }
}
