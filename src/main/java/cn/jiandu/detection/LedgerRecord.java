package cn.jiandu.detection;

import java.time.Instant;

/** A valid row of a ledger upload, with the line it came from. */
sealed interface LedgerRecord permits LedgerRecord.Incident, LedgerRecord.CaseRecord, LedgerRecord.Measure {

    int line();

    /** The natural key: incident, case or measure number. */
    String key();

    /** 警情. */
    record Incident(int line, String incidentNo, String unitCode, IncidentCategory category, Instant receivedAt,
            Instant divertedAt, String summary) implements LedgerRecord {
        @Override
        public String key() {
            return incidentNo;
        }
    }

    /** 案件 and the dates of its documents. */
    record CaseRecord(int line, String caseNo, String incidentNo, String unitCode, String officerNo,
            CaseCategory category, Instant acceptedAt, Instant receiptAt, Instant filedAt, Instant filingNoticeAt,
            Instant notFiledAt, Instant closedAt) implements LedgerRecord {
        @Override
        public String key() {
            return caseNo;
        }
    }

    /** 强制措施. */
    record Measure(int line, String measureNo, String caseNo, MeasureType type, Instant startAt, Instant endAt,
            Instant releasedAt) implements LedgerRecord {
        @Override
        public String key() {
            return measureNo;
        }
    }
}
