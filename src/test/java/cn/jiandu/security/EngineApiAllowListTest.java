package cn.jiandu.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineApiAllowListTest {

    /** An officer of 城关派出所: no role beyond the everyday ones. */
    private static final List<String> OFFICER = List.of("OFFICER", "unit_CGPCS");

    /** Calls the Tasklist and the Cockpit make for an ordinary user (seen in a browser walk). */
    @ParameterizedTest
    @CsvSource({
            "OPTIONS, filter",
            "OPTIONS, filter/122ac420",
            "GET, case-definition/count",
            "GET, batch/statistics",
            "GET, external-task/count",
            "POST, external-task/count",
            "POST, group",
            "POST, task/42/claim",
            "POST, filter/122ac420/list"})
    void shouldAllowWhatTheWebappsNeed(String method, String path) {
        assertThat(EngineApiAllowList.allows(method, path, OFFICER)).isTrue();
    }

    @ParameterizedTest
    @CsvSource({
            "PUT, task/42",
            "POST, task/42/assignee",
            "OPTIONS, task/42",
            "OPTIONS, process-instance",
            "PUT, process-instance/7/variables/level",
            "DELETE, process-instance/7",
            "POST, external-task/fetchAndLock",
            "POST, external-task/9/complete",
            "PUT, batch/3/suspended",
            "DELETE, batch/3",
            "POST, group/create",
            "GET, case-definition",
            "POST, message",
            "POST, process-definition/key/rectification/start"})
    void shouldRefuseWritesAndWhatNobodyNeeds(String method, String path) {
        assertThat(EngineApiAllowList.allows(method, path, OFFICER)).isFalse();
    }
}
