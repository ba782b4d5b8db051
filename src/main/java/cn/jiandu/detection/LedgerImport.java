package cn.jiandu.detection;

import java.time.Instant;

/** An import of a ledger as GET /api/ledgers/imports/{id} shows it. */
record LedgerImport(long id, String kind, String status, long rowsRead, long rowsStored, long created, long updated,
        long errorCount, String message, String startedBy, Instant startedAt, Instant heartbeatAt,
        Instant finishedAt) {

    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String FAILED = "FAILED";
}
