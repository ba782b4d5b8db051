package cn.jiandu.document;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sequence numbers per document type and year, without gaps and without duplicates,
 * whatever the number of nodes on the database: the caller's transaction locks the
 * type's row of doc_sequence and raises it, and holds the lock until it commits (the
 * number is used) or rolls back (the number is handed back). Issuers of one type queue
 * on that row.
 * <p>
 * The first issuer of a type in a year finds no row. It then locks the guard row (from
 * the V4 migration), looks again and only then inserts the year's row, so that first
 * issuers racing on several nodes queue on the guard rather than collide on the primary
 * key: no statement fails (which H2 and MariaDB treat differently inside a transaction)
 * and no shared lock left by a duplicate-key error can deadlock two of them (InnoDB).
 */
@Component
class DocumentSequence {

    static final String GUARD_TYPE = "*";
    static final int GUARD_YEAR = 0;

    private final DocumentMapper mapper;

    DocumentSequence(DocumentMapper mapper) {
        this.mapper = mapper;
    }

    /** The next sequence number of the type in the year, taken in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    int next(DocumentType type, int year) {
        Integer last = mapper.lockSequence(type.name(), year);
        if (last == null) {
            if (mapper.lockSequence(GUARD_TYPE, GUARD_YEAR) == null) {
                throw new IllegalStateException("The guard row of doc_sequence is missing (see V4__documents.sql)");
            }
            // whoever held the guard before us may have created the row and committed
            last = mapper.lockSequence(type.name(), year);
            if (last == null) {
                mapper.insertSequence(type.name(), year, 1);
                return 1;
            }
        }
        int next = last + 1;
        mapper.updateSequence(type.name(), year, next);
        return next;
    }
}
