package cn.jiandu.engine;

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
 * <li>The evaluations of the decision tables (ACT_HI_DECINST and its inputs and outputs,
 * a dozen rows per registration and more per message): their results are in the problem —
 * its level, the deadline rules it was given (variable deadlineRules) and the timeline —
 * and in the outbox (who was told). Java calls of the tables are remembered per version
 * and inputs ({@link DecisionTables}), so their history would be incomplete anyway.</li>
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
        return eventType != HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                && eventType != HistoryEventTypes.DMN_DECISION_EVALUATE;
    }
}
