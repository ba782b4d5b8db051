package cn.jiandu.detection;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/**
 * Imports a ledger: all or nothing, streamed. Rows are read one at a time, checked (units
 * from one query up front, a case's incident and a measure's case a batch at a time) and
 * written a batch at a time (delete the keys already stored, insert the batch: an upsert
 * that is the same on H2 and MySQL), all in one transaction. After the first bad row
 * nothing more is written, but every row is still checked, so that the answer lists every
 * bad row (up to jiandu.detection.max-errors); then the transaction rolls back. Progress
 * goes to the import record in transactions of its own.
 */
@Service
class LedgerImporter {

    private static final Logger log = LoggerFactory.getLogger(LedgerImporter.class);

    private final LedgerMapper mapper;
    private final ImportProgress progress;
    private final OrganisationService organisation;
    private final TransactionTemplate transaction;
    private final DetectionProperties properties;
    private final Clock clock;

    LedgerImporter(LedgerMapper mapper, ImportProgress progress, OrganisationService organisation,
            PlatformTransactionManager transactions, DetectionProperties properties, Clock clock) {
        this.mapper = mapper;
        this.progress = progress;
        this.organisation = organisation;
        this.transaction = new TransactionTemplate(transactions);
        this.properties = properties;
        this.clock = clock;
    }

    /** What a successful import did. */
    record Result(long importId, String kind, String status, long rowsRead, long rowsStored, long created,
            long updated) {
    }

    Result importLedger(LedgerKind kind, Supplier<LedgerInput> input, String startedBy) {
        Set<String> units = organisation.units().stream().map(Unit::code).collect(Collectors.toSet());
        long importId = progress.start(kind, startedBy);
        Run run = new Run(kind, importId, new LedgerRowParser(kind, units));
        try {
            transaction.executeWithoutResult(status -> run.all(input));
        } catch (InvalidInputException e) {
            List<InputError> errors = run.errors.isEmpty() ? e.errors() : run.sortedErrors();
            long count = Math.max(run.errorCount, errors.size());
            progress.finish(importId, LedgerImport.FAILED, run.rowsRead, 0, 0, 0, count,
                    new InvalidInputException(errors).getMessage());
            throw new LedgerImportRejected(importId, errors, count);
        } catch (RuntimeException e) {
            log.error("Import {} of {} failed after {} rows", importId, kind.path(), run.rowsRead, e);
            progress.finish(importId, LedgerImport.FAILED, run.rowsRead, 0, 0, 0, 0, "导入失败（内部错误），未保存任何数据");
            throw e;
        }
        progress.finish(importId, LedgerImport.DONE, run.rowsRead, run.rowsStored, run.created, run.updated, 0, null);
        log.info("Import {} of {}: {} rows read, {} created, {} updated", importId, kind.path(), run.rowsRead,
                run.created, run.updated);
        return new Result(importId, kind.path(), LedgerImport.DONE, run.rowsRead, run.rowsStored, run.created,
                run.updated);
    }

    /** One import's state while its transaction runs. */
    private final class Run {
        private final LedgerKind kind;
        private final long importId;
        private final LedgerRowParser parser;
        private final List<LedgerRecord> batch = new ArrayList<>();
        private final Map<String, Integer> batchLines = new HashMap<>();
        private final List<InputError> errors = new ArrayList<>();
        private long errorCount;
        private long rowsRead;
        private long rowsStored;
        private long created;
        private long updated;

        Run(LedgerKind kind, long importId, LedgerRowParser parser) {
            this.kind = kind;
            this.importId = importId;
            this.parser = parser;
        }

        void all(Supplier<LedgerInput> input) {
            try {
                for (LedgerInput.Row row : input.get()) {
                    rowsRead++;
                    List<InputError> rowErrors = new ArrayList<>();
                    LedgerRecord record = parser.parse(row, rowErrors);
                    rowErrors.forEach(this::error);
                    if (record != null) {
                        add(record);
                    }
                    if (rowsRead % properties.progressEvery() == 0) {
                        progress.progress(importId, rowsRead, rowsStored);
                    }
                }
            } catch (InvalidInputException e) {
                // the reading itself broke (CSV quoting, JSON syntax): no more rows to check
                e.errors().forEach(this::error);
            }
            flush();
            if (errorCount > 0) {
                throw new InvalidInputException(sortedErrors());
            }
        }

        private void add(LedgerRecord record) {
            Integer earlier = batchLines.putIfAbsent(record.key(), record.line());
            if (earlier != null) {
                error(new InputError(record.line(), kind.keyColumn(), "编号重复: " + record.key() + "（第" + earlier + "行）"));
                return;
            }
            batch.add(record);
            if (batch.size() >= properties.batchSize()) {
                flush();
            }
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            List<LedgerRecord> good = new ArrayList<>(batch.size());
            Set<String> missing = missingReferences();
            Map<String, Long> stored = new HashMap<>();
            mapper.stored(kind.table(), kind.keyColumn(), batchLines.keySet())
                    .forEach(s -> stored.put(s.key(), s.importId()));
            for (LedgerRecord record : batch) {
                String reference = reference(record);
                if (reference != null && missing.contains(reference)) {
                    error(new InputError(record.line(), referenceColumn(), referenceLabel() + "不存在: " + reference
                            + "（请先导入" + referenceLabel() + "）"));
                } else if (Objects.equals(stored.get(record.key()), importId)) {
                    error(new InputError(record.line(), kind.keyColumn(), "编号重复: " + record.key() + "（本文件中已出现）"));
                } else {
                    good.add(record);
                }
            }
            if (errorCount == 0) {
                write(good, stored.keySet());
            }
            batch.clear();
            batchLines.clear();
        }

        private void write(List<LedgerRecord> rows, Collection<String> existing) {
            if (!existing.isEmpty()) {
                mapper.delete(kind.table(), kind.keyColumn(), existing);
            }
            var at = clock.instant();
            switch (kind) {
                case INCIDENTS -> mapper.insertIncidents(cast(rows), importId, at);
                case CASES -> mapper.insertCases(cast(rows), importId, at);
                case MEASURES -> mapper.insertMeasures(cast(rows), importId, at);
            }
            rowsStored += rows.size();
            updated += existing.size();
            created += rows.size() - existing.size();
        }

        /** The references of the batch (a case's incident, a measure's case) that are not stored. */
        private Set<String> missingReferences() {
            Set<String> references = new LinkedHashSet<>();
            for (LedgerRecord record : batch) {
                String reference = reference(record);
                if (reference != null) {
                    references.add(reference);
                }
            }
            if (references.isEmpty()) {
                return Set.of();
            }
            LedgerKind target = kind == LedgerKind.CASES ? LedgerKind.INCIDENTS : LedgerKind.CASES;
            Set<String> missing = new HashSet<>(references);
            mapper.existing(target.table(), target.keyColumn(), references).forEach(missing::remove);
            return missing;
        }

        private String reference(LedgerRecord record) {
            if (record instanceof LedgerRecord.CaseRecord c) {
                return c.incidentNo();
            }
            return record instanceof LedgerRecord.Measure m ? m.caseNo() : null;
        }

        private String referenceColumn() {
            return kind == LedgerKind.CASES ? "incident_no" : "case_no";
        }

        private String referenceLabel() {
            return kind == LedgerKind.CASES ? "警情" : "案件";
        }

        private void error(InputError error) {
            errorCount++;
            if (errors.size() < properties.maxErrors()) {
                errors.add(error);
            }
        }

        List<InputError> sortedErrors() {
            List<InputError> sorted = new ArrayList<>(errors);
            sorted.sort(Comparator.comparing(InputError::line, Comparator.nullsFirst(Comparator.naturalOrder())));
            return sorted;
        }

        @SuppressWarnings("unchecked")
        private static <T> List<T> cast(List<LedgerRecord> rows) {
            return (List<T>) (List<?>) rows;
        }
    }
}
