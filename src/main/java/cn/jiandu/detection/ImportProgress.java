package cn.jiandu.detection;

import java.time.Clock;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import record, written in short transactions of its own (REQUIRES_NEW), so that
 * others see an import's progress while its one big transaction is still open.
 */
@Service
class ImportProgress {

    private final LedgerMapper mapper;
    private final Clock clock;

    ImportProgress(LedgerMapper mapper, Clock clock) {
        this.mapper = mapper;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    long start(LedgerKind kind, String startedBy) {
        LedgerMapper.NewImport row = new LedgerMapper.NewImport();
        row.kind = kind.path();
        row.startedBy = startedBy;
        row.startedAt = clock.instant();
        mapper.insertImport(row);
        return row.id;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(long id, long rowsRead, long rowsStored) {
        mapper.updateProgress(id, rowsRead, rowsStored, clock.instant());
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void finish(long id, String status, long rowsRead, long rowsStored, long created, long updated, long errorCount,
            String message) {
        mapper.finishImport(id, status, rowsRead, rowsStored, created, updated, errorCount,
                message == null || message.length() <= 1000 ? message : message.substring(0, 999) + "…",
                clock.instant());
    }
}
