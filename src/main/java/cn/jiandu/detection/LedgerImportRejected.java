package cn.jiandu.detection;

import java.util.List;

import cn.jiandu.web.InputError;
import cn.jiandu.web.InvalidInputException;

/** A refused import: every bad row (up to the configured cap) and how many there were in all. */
class LedgerImportRejected extends InvalidInputException {

    private final long importId;
    private final long errorCount;

    LedgerImportRejected(long importId, List<InputError> errors, long errorCount) {
        super(errors);
        this.importId = importId;
        this.errorCount = errorCount;
    }

    long importId() {
        return importId;
    }

    long errorCount() {
        return errorCount;
    }
}
