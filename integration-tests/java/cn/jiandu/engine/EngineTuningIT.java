package cn.jiandu.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.jiandu.ItSupport;

/** The indexes Jiandu adds to Camunda's tables exist after start, and H2 uses the one meant for it. */
class EngineTuningIT extends ItSupport {

    @Autowired
    DataSource dataSource;

    @Test
    void shouldCreateTheExtraIndexesOfThisDatabase() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            for (EngineTuning.ExtraIndex index : EngineTuning.INDEXES) {
                assertThat(EngineTuning.hasIndex(connection, index)).as(index.name())
                        .isEqualTo(!index.h2Only() || !isMariaDb());
            }
        }
    }

    @Test
    void shouldReadAnExecutionsVariablesThroughTheExecutionIndexOnH2() {
        if (isMariaDb()) {
            return; // MariaDB's optimizer picks Camunda's EXECUTION_ID_ index by itself
        }
        // the statement Camunda's VariableInstanceManager runs for every job (selectVariablesByExecutionId)
        String plan = String.join("\n", jdbc.queryForList("EXPLAIN SELECT RES.* FROM ACT_RU_VARIABLE RES "
                + "LEFT JOIN ACT_RU_EXECUTION EXECUTION ON RES.EXECUTION_ID_ = EXECUTION.ID_ "
                + "WHERE EXECUTION_ID_ = ? AND TASK_ID_ IS NULL AND NAME_ IN (?, ?)", String.class,
                "e1", "level", "deadline"));
        assertThat(plan).contains("JD_IDX_VAR_EXEC_TASK").doesNotContain("ACT_IDX_VARIABLE_TASK_ID");
    }
}
