package cn.jiandu.detection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import cn.jiandu.level.Level;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.organisation.UnitKind;

/** What the triage form is told of the ledgers, over mocked mappers: the wording, the limits, the escaping. */
class LedgerLookupTest {

    private final LedgerMapper ledgers = mock(LedgerMapper.class);
    private final DetectionMapper findings = mock(DetectionMapper.class);
    private final OrganisationService organisation = mock(OrganisationService.class);
    private final LedgerLookup lookup = new LedgerLookup(ledgers, findings, organisation);

    private static Instant at(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    private static Finding open(String rule, String key, String firstSeen) {
        return new Finding(rule, key, "S1", "P1", Level.BLUE, Finding.OPEN, 1L, at(firstSeen), at(firstSeen), null);
    }

    @Test
    void shouldAskNothingWhenNeitherNumberIsGiven() {
        assertThat(lookup.describe(null, null)).isEmpty();
        assertThat(lookup.describe("", "   ")).isEmpty();
        assertThat(lookup.describe("\t\n", null)).isEmpty();
        verifyNoInteractions(ledgers, findings, organisation);
    }

    @Test
    void shouldNotLookUpANumberLongerThanTheLedgersKeys() {
        assertThat(lookup.describe("J".repeat(65), "A".repeat(65))).isEmpty();
        verifyNoInteractions(ledgers, findings, organisation);

        assertThat(lookup.describe(" " + "J".repeat(64) + " ", null)).isEmpty();
        verify(ledgers).findIncident("J".repeat(64));
        verify(ledgers, never()).findCase(any());
        verifyNoInteractions(findings);
    }

    @Test
    void shouldDescribeTheIncidentItsCaseAndTheirOpenFindings() {
        when(ledgers.findIncident("J1")).thenReturn(new LedgerMapper.IncidentRow("J1", "S1", "CRIMINAL",
                at("2026-11-01T09:30:00+08:00"), "东关路\n电动车被盗，报警人电话13812345678"));
        when(ledgers.firstCaseOf("J1")).thenReturn(new LedgerMapper.CaseRow("A1", "J1", "S1", "CRIMINAL",
                at("2026-11-01T12:00:00+08:00"), null, at("2026-11-02T10:00:00+08:00"), null));
        when(organisation.findUnit("S1")).thenReturn(Optional.of(new Unit("S1", "东关派出所", null, UnitKind.STATION)));
        when(findings.openFindingsOn(eq("J1"), any(), eq("A1"), any(), anyInt()))
                .thenReturn(List.of(open("ACCEPTANCE_WITHOUT_RECEIPT", "A1", "2026-11-03T08:00:00+08:00")));

        String text = lookup.describe(" J1 ", null).orElseThrow();

        assertThat(text).isEqualTo("""
                **警情 J1**（东关派出所，接警 2026年11月1日 09:30，类别 刑事）：东关路 电动车被盗，报警人电话138\\*\\*\\*\\*5678

                **案件 A1**（东关派出所，类别 刑事，受案 2026年11月1日，不予立案 2026年11月2日，结案 —）

                未处理的预警：
                - 受案未开具受案回执（案件 A1，蓝色预警，发现于 2026年11月3日）""");
        verify(findings).openFindingsOn(eq("J1"), eq(List.of("ADMIN_INCIDENT_NOT_ACCEPTED",
                "CRIMINAL_INCIDENT_NOT_FILED", "INCIDENT_NOT_DIVERTED")), eq("A1"),
                eq(List.of("ACCEPTANCE_WITHOUT_RECEIPT", "FILING_WITHOUT_NOTICE")), eq(11));
    }

    @Test
    void shouldShowACaseWithoutIncidentAndSayThereIsNoOpenFinding() {
        when(ledgers.findCase("A2")).thenReturn(new LedgerMapper.CaseRow("A2", null, "GONE", "ADMINISTRATIVE",
                null, null, null, null));
        when(organisation.findUnit("GONE")).thenReturn(Optional.empty());

        assertThat(lookup.describe(null, "A2")).contains("""
                **案件 A2**（GONE，类别 行政，受案 —，立案 —，结案 —）

                无未处理的预警。""");
        verify(ledgers, never()).findIncident(any());
        verify(findings).openFindingsOn(isNull(), any(), eq("A2"), any(), anyInt());
    }

    @Test
    void shouldListTenFindingsAndSayThereAreMore() {
        when(ledgers.findCase("A3")).thenReturn(new LedgerMapper.CaseRow("A3", null, "S1", "CRIMINAL",
                null, null, null, null));
        when(organisation.findUnit("S1")).thenReturn(Optional.empty());
        List<Finding> many = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            many.add(open("SOME_FUTURE_RULE_" + i, "A3", "2026-11-03T08:00:00+08:00"));
        }
        when(findings.openFindingsOn(any(), any(), any(), any(), anyInt())).thenReturn(many);

        String text = lookup.describe(null, "A3").orElseThrow();

        assertThat(text.lines().filter(l -> l.startsWith("- ")).count()).isEqualTo(11);
        assertThat(text).contains("- SOME\\_FUTURE\\_RULE\\_9（记录 A3，蓝色预警，发现于 2026年11月3日）")
                .doesNotContain("RULE\\_10").endsWith("- ……另有更多，仅列最近 10 条");
    }

    @Test
    void shouldKeepTheLedgersTextFromFormattingTheForm() {
        when(ledgers.findIncident("J4")).thenReturn(new LedgerMapper.IncidentRow("J4", "S1", "PICNIC",
                at("2026-11-01T09:30:00+08:00"), "[点此](http://evil.example) <img src=x> **粗** `code`\r\n# 标题"
                        + "很长".repeat(60)));
        when(organisation.findUnit("S1")).thenReturn(Optional.of(new Unit("S1", "*东关*派出所", null, UnitKind.STATION)));
        when(findings.openFindingsOn(any(), any(), any(), any(), anyInt())).thenReturn(List.of());

        String text = lookup.describe("J4", null).orElseThrow();

        assertThat(text).startsWith("**警情 J4**（\\*东关\\*派出所，接警 2026年11月1日 09:30，类别 PICNIC）："
                + "\\[点此\\]\\(http://evil.example\\) ＜img src=x＞ \\*\\*粗\\*\\* \\`code\\` \\# 标题很长")
                .doesNotContain("<", "](", "\r").contains("…\n\n无未处理的预警。");
        String summary = text.substring(text.indexOf("）：") + 2, text.indexOf("…"));
        assertThat(summary.replace("\\", "")).as("a hundred characters of the summary").hasSize(100);
        assertThat(text.lines().count()).as("the summary stays on its line").isEqualTo(3);
    }

    @Test
    void shouldBeEmptyWhenNeitherNumberIsStored() {
        assertThat(lookup.describe("J9", "A9")).isEmpty();
        verifyNoInteractions(findings);
    }
}
