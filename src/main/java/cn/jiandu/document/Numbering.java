package cn.jiandu.document;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.util.HtmlUtils;

/**
 * Numbers (文号) the documents a transaction issued, just before it commits.
 * <p>
 * A number is gap-free only if it is taken in the transaction that stores the document:
 * {@link DocumentSequence} locks the type's row until the commit. Taken when the document is
 * issued, in the middle of a registration or an escalation, that lock was held through
 * the rest of the process step and the engine's flush of it, and every registration in the
 * bureau waited for the one before (benchmark B1 in bench/results.md). Taken here, in
 * {@code beforeCommit}, after the engine has written its rows, it is held for the commit
 * alone. A transaction that rolls back never reaches this point and takes no number.
 * <p>
 * The documents of one transaction are numbered in a fixed order (type, then id), so two
 * transactions issuing several types lock the types' rows in the same order and never
 * deadlock.
 */
@Component
class Numbering {

    private static final Logger log = LoggerFactory.getLogger(Numbering.class);

    private final DocumentMapper mapper;
    private final DocumentSequence sequence;
    private final DocumentProperties properties;

    Numbering(DocumentMapper mapper, DocumentSequence sequence, DocumentProperties properties) {
        this.mapper = mapper;
        this.sequence = sequence;
        this.properties = properties;
    }

    /** A stored document waiting for its number: its HTML quotes the placeholder. */
    record Pending(long id, DocumentType type, int year, String placeholder, String html) {
    }

    void add(Pending pending) {
        current().documents.add(pending);
    }

    void whenNumbered(long documentId, Consumer<String> action) {
        current().actions.add(new Action(documentId, action));
    }

    private Batch current() {
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(this);
        if (batch == null) {
            batch = new Batch();
            TransactionSynchronizationManager.bindResource(this, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        return batch;
    }

    private record Action(long documentId, Consumer<String> action) {
    }

    /** The documents and follow-ups of one transaction. */
    private final class Batch implements TransactionSynchronization {

        private final List<Pending> documents = new ArrayList<>();
        private final List<Action> actions = new ArrayList<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            documents.sort(Comparator.comparing((Pending p) -> p.type().name()).thenComparingLong(Pending::id));
            for (Pending pending : documents) {
                int seq = sequence.next(pending.type(), pending.year());
                String number = DocumentNumber.format(properties.bureauAbbreviation(), pending.type(),
                        pending.year(), seq);
                String html = pending.html().replace(pending.placeholder(), HtmlUtils.htmlEscape(number));
                if (mapper.assignNumber(pending.id(), seq, number, html) != 1) {
                    throw new IllegalStateException("Document " + pending.id() + " vanished before its number");
                }
                log.info("Issued {} {} (id {})", pending.type(), number, pending.id());
                for (Action action : actions) {
                    if (action.documentId() == pending.id()) {
                        action.action().accept(number);
                    }
                }
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Numbering.this);
        }
    }
}
