package cn.jiandu.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DocumentNumberTest {

    @Test
    void shouldFormatTheNumberAsTheBureausWriteIt() {
        assertThat(DocumentNumber.format("示分", DocumentType.ADVICE, 2026, 7)).isEqualTo("示分法建字〔2026〕第007号");
        assertThat(DocumentNumber.format("示分", DocumentType.CORRECTION_NOTICE, 2026, 12))
                .isEqualTo("示分法纠字〔2026〕第012号");
        assertThat(DocumentNumber.format("潍城", DocumentType.SUPERVISION_ORDER, 2027, 1))
                .isEqualTo("潍城法督字〔2027〕第001号");
    }

    @Test
    void shouldUseHexagonalBracketsAroundTheYear() {
        String number = DocumentNumber.format("示分", DocumentType.ADVICE, 2026, 1);
        assertThat(number).contains("\u30142026\u3015").doesNotContain("[").doesNotContain("(").doesNotContain("（");
    }

    @Test
    void shouldPadToThreeDigitsAndGrowBeyond() {
        assertThat(DocumentNumber.format("示分", DocumentType.ADVICE, 2026, 999)).endsWith("第999号");
        assertThat(DocumentNumber.format("示分", DocumentType.ADVICE, 2026, 1000)).endsWith("第1000号");
        assertThat(DocumentNumber.format("示分", DocumentType.ADVICE, 2026, 12345)).endsWith("第12345号");
    }

    @Test
    void shouldRefuseASequenceBelowOne() {
        assertThatThrownBy(() -> DocumentNumber.format("示分", DocumentType.ADVICE, 2026, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldNameEachTypeAsTheBureausDo() {
        assertThat(DocumentType.ADVICE.title()).isEqualTo("执法建议书");
        assertThat(DocumentType.CORRECTION_NOTICE.title()).isEqualTo("纠正违法通知书");
        assertThat(DocumentType.SUPERVISION_ORDER.title()).isEqualTo("执法问题督办单");
        assertThat(DocumentType.SUPERVISION_ORDER.warningLevel()).isEqualTo("红色预警");
    }

    @Test
    void shouldNumberTalkAndInterviewRecordsInTheirOwnSeries() {
        assertThat(DocumentNumber.format("示分", DocumentType.TALK_RECORD, 2026, 1)).isEqualTo("示分纪谈字〔2026〕第001号");
        assertThat(DocumentNumber.format("示分", DocumentType.INTERVIEW_RECORD, 2026, 1))
                .isEqualTo("示分约谈字〔2026〕第001号");
        assertThat(java.util.Arrays.stream(DocumentType.values()).map(DocumentType::numberWord).distinct().count())
                .as("one series per type").isEqualTo(DocumentType.values().length);
        assertThat(DocumentType.TALK_RECORD.title()).isEqualTo("谈话提醒记录");
        assertThat(DocumentType.INTERVIEW_RECORD.title()).isEqualTo("约谈记录");
    }
}
