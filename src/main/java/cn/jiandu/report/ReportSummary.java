package cn.jiandu.report;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import cn.jiandu.time.Times;

/** A stored report without its bodies, as listed and as answered to its making. */
public record ReportSummary(long id, ReportType type, String typeLabel, LocalDate periodStart, LocalDate periodEnd,
        String periodText, int issueNo, int year, String title, OffsetDateTime createdAt, String createdBy,
        String url) {

    static ReportSummary of(ReportMapper.StoredReport r) {
        return new ReportSummary(r.id(), r.type(), r.type().title(), r.periodStart(), r.periodEnd(),
                new Period(r.type(), r.periodStart(), r.periodEnd()).text(), r.issueNo(), r.year(), r.title(),
                Times.china(r.createdAt()), r.createdBy(), "/api/reports/" + r.id());
    }
}
