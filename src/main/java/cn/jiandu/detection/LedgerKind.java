package cn.jiandu.detection;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The three ledgers (台账) imported from the case system, by the name in their path. */
enum LedgerKind {
    INCIDENTS("incidents", "警情", "ledger_incident", "incident_no",
            List.of("incident_no", "unit_code", "category", "received_at")),
    CASES("cases", "案件", "ledger_case", "case_no", List.of("case_no", "unit_code", "category")),
    MEASURES("measures", "强制措施", "ledger_measure", "measure_no", List.of("measure_no", "case_no", "type"));

    private final String path;
    private final String label;
    private final String table;
    private final String keyColumn;
    private final List<String> requiredColumns;

    LedgerKind(String path, String label, String table, String keyColumn, List<String> requiredColumns) {
        this.path = path;
        this.label = label;
        this.table = table;
        this.keyColumn = keyColumn;
        this.requiredColumns = requiredColumns;
    }

    /** The table of the ledger (a constant: safe to put into SQL). */
    String table() {
        return table;
    }

    String path() {
        return path;
    }

    String label() {
        return label;
    }

    String keyColumn() {
        return keyColumn;
    }

    List<String> requiredColumns() {
        return requiredColumns;
    }

    static Optional<LedgerKind> ofPath(String path) {
        String wanted = path == null ? "" : path.toLowerCase(Locale.ROOT);
        for (LedgerKind kind : values()) {
            if (kind.path.equals(wanted)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
