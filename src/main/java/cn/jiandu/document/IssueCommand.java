package cn.jiandu.document;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What to issue: a document of a type, for a problem, to the unit responsible for it.
 *
 * @param problemId the problem the document is about
 * @param unitCode the unit it is addressed to (主送), a code of the organisation
 * @param type the document, by escalation level
 * @param issuedBy the user id (警号) issuing it, or null when the process issues it
 * @param model the problem's fields for the template, all optional: title, description,
 *            unitName, officerName, category and source (Chinese names), level
 *            (BLUE/YELLOW/RED), levelLabel (蓝色/黄色/红色), deadline and occurredAt
 *            (java.time date-times, java.util.Date or ISO text), repeatCount, reason (why
 *            the document is issued, free text)
 */
public record IssueCommand(long problemId, String unitCode, DocumentType type, String issuedBy,
        Map<String, Object> model) {

    public IssueCommand {
        if (unitCode == null || unitCode.isBlank()) {
            throw new IllegalArgumentException("unitCode is required");
        }
        if (type == null) {
            throw new IllegalArgumentException("type is required");
        }
        // a copy that keeps null values (Map.copyOf would refuse them)
        model = model == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }
}
