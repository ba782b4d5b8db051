package cn.jiandu.detection;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.intake.LedgerMatch;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.privacy.Masking;
import cn.jiandu.text.ChineseDates;

/**
 * What the ledgers hold on the incident and case an intake names, for the triage form (诉求分派):
 * the records and the open findings of the rules on them. The numbers are the public's text:
 * they are only ever bound as parameters, and what is shown of the records leaves out the
 * officer; the summary is shortened and its phone and id numbers masked.
 */
@Service
public class LedgerLookup implements LedgerMatch {

    /** No ledger stores a longer number (VARCHAR(64), refused by the import): it cannot match. */
    static final int MAX_NUMBER = LedgerRowParser.MAX_KEY;
    static final int MAX_FINDINGS = 10;
    static final int MAX_SUMMARY = 100;

    private static final List<String> INCIDENT_RULES = rulesOf(LedgerKind.INCIDENTS);
    private static final List<String> CASE_RULES = rulesOf(LedgerKind.CASES);

    private final LedgerMapper ledgers;
    private final DetectionMapper findings;
    private final OrganisationService organisation;

    LedgerLookup(LedgerMapper ledgers, DetectionMapper findings, OrganisationService organisation) {
        this.ledgers = ledgers;
        this.findings = findings;
        this.organisation = organisation;
    }

    /**
     * The ledger records an intake names (its incident and/or case number) and the open findings on them,
     * as a short Chinese markdown text for the triage form; empty when neither number matches anything.
     */
    @Transactional(readOnly = true)
    @Override
    public Optional<String> describe(String incidentNo, String caseNo) {
        String incidentKey = number(incidentNo);
        String caseKey = number(caseNo);
        if (incidentKey == null && caseKey == null) {
            return Optional.empty();
        }
        LedgerMapper.IncidentRow incident = incidentKey == null ? null : ledgers.findIncident(incidentKey);
        LedgerMapper.CaseRow kase = caseKey == null ? null : ledgers.findCase(caseKey);
        if (incident == null && kase == null) {
            return Optional.empty();
        }
        // the other half of the pair, when the intake did not name it (or named one not stored)
        if (incident == null && kase.incidentNo() != null) {
            incident = ledgers.findIncident(kase.incidentNo());
        } else if (kase == null) {
            kase = ledgers.firstCaseOf(incident.incidentNo());
        }
        List<Finding> open = findings.openFindingsOn(incident == null ? null : incident.incidentNo(), INCIDENT_RULES,
                kase == null ? null : kase.caseNo(), CASE_RULES, MAX_FINDINGS + 1);

        List<String> blocks = new ArrayList<>();
        if (incident != null) {
            blocks.add(describe(incident));
        }
        if (kase != null) {
            blocks.add(describe(kase));
        }
        blocks.add(describe(open));
        return Optional.of(String.join("\n\n", blocks));
    }

    private String describe(LedgerMapper.IncidentRow incident) {
        String line = "**警情 " + markdown(incident.incidentNo()) + "**（" + unitName(incident.unitCode()) + "，接警 "
                + minute(incident.receivedAt()) + "，类别 " + label(IncidentCategory.class, incident.category())
                + "）";
        String summary = summary(incident.summary());
        return summary.isEmpty() ? line : line + "：" + summary;
    }

    private String describe(LedgerMapper.CaseRow kase) {
        String filing = kase.filedAt() == null && kase.notFiledAt() != null
                ? "不予立案 " + day(kase.notFiledAt())
                : "立案 " + day(kase.filedAt());
        return "**案件 " + markdown(kase.caseNo()) + "**（" + unitName(kase.unitCode()) + "，类别 "
                + label(CaseCategory.class, kase.category()) + "，受案 " + day(kase.acceptedAt()) + "，" + filing
                + "，结案 " + day(kase.closedAt()) + "）";
    }

    private static String describe(List<Finding> open) {
        if (open.isEmpty()) {
            return "无未处理的预警。";
        }
        StringBuilder text = new StringBuilder("未处理的预警：");
        for (Finding finding : open.subList(0, Math.min(open.size(), MAX_FINDINGS))) {
            Optional<Rule> rule = rule(finding.rule());
            text.append("\n- ").append(rule.map(Rule::label).orElse(markdown(finding.rule()))).append("（")
                    .append(rule.map(r -> r.ledger().label()).orElse("记录")).append(' ')
                    .append(markdown(finding.recordKey()));
            if (finding.level() != null) {
                text.append("，").append(finding.level().label()).append("预警");
            }
            text.append("，发现于 ").append(day(finding.firstSeenAt())).append("）");
        }
        if (open.size() > MAX_FINDINGS) {
            text.append("\n- ……另有更多，仅列最近 ").append(MAX_FINDINGS).append(" 条");
        }
        return text.toString();
    }

    private String unitName(String code) {
        return markdown(organisation.findUnit(code).map(Unit::name).orElse(code));
    }

    /** Trimmed; null when blank or longer than any stored number. */
    static String number(String raw) {
        if (raw == null) {
            return null;
        }
        String trimmed = raw.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_NUMBER) {
            return null;
        }
        return trimmed;
    }

    /** One line, at most MAX_SUMMARY characters, phone and id numbers masked, as markdown text. */
    static String summary(String raw) {
        if (raw == null || raw.isBlank()) {
            return "";
        }
        String line = raw.replaceAll("\\s+", " ").strip();
        String shown = Masking.scrub(line);
        if (shown.codePointCount(0, shown.length()) > MAX_SUMMARY) {
            shown = shown.substring(0, shown.offsetByCodePoints(0, MAX_SUMMARY)) + "…";
        }
        return markdown(shown);
    }

    /**
     * The text as literal markdown, as the DingTalk templates escape it (cn.jiandu.text's
     * Markdown output format): a number or summary can neither format the text nor bring a
     * link, an image or a tag; line breaks fold to spaces.
     */
    static String markdown(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append('＜');
                case '>' -> out.append('＞');
                case '\r', '\n', '\t' -> out.append(' ');
                case '\\', '`', '*', '_', '[', ']', '(', ')', '#', '|', '!', '~' -> out.append('\\').append(c);
                default -> {
                    if (!Character.isISOControl(c)) {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static <E extends Enum<E> & Labelled> String label(Class<E> type, String code) {
        try {
            return Enum.valueOf(type, code).label();
        } catch (IllegalArgumentException | NullPointerException e) {
            return markdown(code);
        }
    }

    private static Optional<Rule> rule(String code) {
        return Arrays.stream(Rule.values()).filter(r -> r.name().equals(code)).findFirst();
    }

    private static String day(Instant instant) {
        return instant == null ? "—" : ChineseDates.date(instant);
    }

    private static String minute(Instant instant) {
        return instant == null ? "—" : ChineseDates.dateTime(instant);
    }

    private static List<String> rulesOf(LedgerKind kind) {
        return Arrays.stream(Rule.values()).filter(r -> r.ledger() == kind).map(Rule::name).toList();
    }
}
