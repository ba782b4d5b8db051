package cn.jiandu.engine;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

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
 * problem (several each) to find the few that are due.</li>
 * </ul>
 */
@Component
class EngineTuning extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(EngineTuning.class);
    static final String DUE_DATE_INDEX = "JD_IDX_JOB_DUEDATE";

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomHistoryLevels() == null) {
            configuration.setCustomHistoryLevels(new java.util.ArrayList<>());
        }
        configuration.getCustomHistoryLevels().add(JianduHistoryLevel.INSTANCE);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        DataSource dataSource = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDataSource();
        try (Connection connection = dataSource.getConnection()) {
            if (hasIndex(connection, DUE_DATE_INDEX)) {
                return;
            }
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE INDEX " + DUE_DATE_INDEX + " ON ACT_RU_JOB (DUEDATE_)");
                log.info("Created index {} on ACT_RU_JOB (DUEDATE_) for the job executor's acquisition", DUE_DATE_INDEX);
            } catch (SQLException e) {
                // another node starting at the same moment created it first
                if (!hasIndex(connection, DUE_DATE_INDEX)) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create index " + DUE_DATE_INDEX + " on ACT_RU_JOB", e);
        }
    }

    private static boolean hasIndex(Connection connection, String name) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String table : new String[] {"ACT_RU_JOB", "act_ru_job"}) {
            try (ResultSet indexes = meta.getIndexInfo(connection.getCatalog(), null, table, false, false)) {
                while (indexes.next()) {
                    if (name.equalsIgnoreCase(indexes.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
