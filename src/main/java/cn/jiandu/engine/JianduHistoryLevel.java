package cn.jiandu.engine;

import java.util.Set;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;

/**
 * The engine history Jiandu keeps (camunda.bpm.history-level: jiandu): Camunda's "full"
 * without the two kinds of rows that cost most and tell least here.
 * <ul>
 * <li>Every value a variable ever had (ACT_HI_DETAIL, 20-odd rows per registration): what
 * matters of a problem's life (level, deadlines, documents, reviews, messages) is in its
 * timeline (problem_event), with who and when; the variables' last values stay in
 * ACT_HI_VARINST ("audit").</li>
 * <li>The evaluations of notification-recipients.dmn, made for every message (ACT_HI_DECINST
 * and its inputs and outputs): who was told is in the outbox and the timeline. The
 * evaluations that decide a problem's level and deadlines (initial-level, deadlines) are
 * kept.</li>
 * </ul>
 * Everything else "full" writes stays: process, activity and task instances, variables,
 * incidents, the job log (which node ran which timer, and why one failed), identity links
 * and the user operation log.
 * <p>
 * The level is stored in the database when it is created; an existing database made with
 * another level refuses to start with this one (Camunda's check), so a database is created
 * with it from the start.
 */
final class JianduHistoryLevel extends AbstractHistoryLevel {

    static final HistoryLevel INSTANCE = new JianduHistoryLevel();
    static final String NAME = "jiandu";
    /** Camunda's own levels are 0–3; custom levels take another number. */
    static final int ID = 20;

    /** Decisions whose evaluations are not kept in the history. */
    static final Set<String> UNRECORDED_DECISIONS = Set.of("notification-recipients");

    private JianduHistoryLevel() {
    }

    @Override
    public int getId() {
        return ID;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL) {
            return false;
        }
        if (eventType == HistoryEventTypes.DMN_DECISION_EVALUATE && entity instanceof DmnDecision decision) {
            return !UNRECORDED_DECISIONS.contains(decision.getKey());
        }
        return true;
    }
}
