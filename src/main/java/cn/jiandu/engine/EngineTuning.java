package cn.jiandu.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What Jiandu changes in the engine beyond application.yaml (the figures are in
 * bench/results.md):
 * <ul>
 * <li>the history level {@code jiandu} ({@link JianduHistoryLevel});</li>
 * <li>the job executor acquires due jobs in order of their due date, every job has one
 * (generic properties in application.yaml), and ACT_RU_JOB gets the index on DUEDATE_ that
 * such an acquisition needs: without it every acquisition reads every timer of every open
 * problem (several each) to find the few that are due;</li>
 * <li>on H2 only, ACT_RU_VARIABLE gets an index on (EXECUTION_ID_, TASK_ID_): every job loads
 * its execution's variables with {@code EXECUTION_ID_ = ? AND TASK_ID_ IS NULL AND NAME_ IN
 * (…)}, and H2's planner, which has no statistics for the table until it is analysed, takes
 * Camunda's index on TASK_ID_ for it (all process variables have none: a scan of the whole
 * table). With ten thousand open problems an urging job took a quarter of a second instead of
 * a millisecond. MySQL and MariaDB take the EXECUTION_ID_ index by themselves.</li>
 * </ul>
 */
@Component
class EngineTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineTuning.class);

    /** An index Jiandu adds to one of Camunda's tables, on every database or on H2 only. */
    record ExtraIndex(String name, String table, String columns, boolean h2Only) {
    }

    static final List<ExtraIndex> INDEXES = List.of(
            new ExtraIndex("JD_IDX_JOB_DUEDATE", "ACT_RU_JOB", "DUEDATE_", false),
            new ExtraIndex("JD_IDX_VAR_EXEC_TASK", "ACT_RU_VARIABLE", "EXECUTION_ID_, TASK_ID_", true));

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new java.util.ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(JianduHistoryLevel.INSTANCE);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        boolean h2 = "h2".equals(configuration.getDatabaseType());
        DataSource dataSource = configuration.getDataSource();
        for (ExtraIndex index : INDEXES) {
            if (!index.h2Only() || h2) {
                create(dataSource, index);
            }
        }
    }

    private static void create(DataSource dataSource, ExtraIndex index) {
        try (Connection connection = dataSource.getConnection()) {
            if (hasIndex(connection, index)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE INDEX " + index.name() + " ON " + index.table() + " (" + index.columns() + ")");
                log.info("Created index {} on {} ({})", index.name(), index.table(), index.columns());
            } catch (SQLException e) {
                // another node starting at the same moment created it first
                if (!hasIndex(connection, index)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create index " + index.name() + " on " + index.table(), e);
        }
    }

    static boolean hasIndex(Connection connection, ExtraIndex index) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String table : new String[] {index.table(), index.table().toLowerCase(java.util.Locale.ROOT)}) {
            try (ResultSet indexes = meta.getIndexInfo(connection.getCatalog(), null, table, false, false)) {
                while (indexes.next()) {
                    if (index.name().equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
