package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every rule of initial-level.dmn and notification-recipients.dmn, as the process owner wrote
 * them; deadlines.dmn (several tables read as one) in {@link DeadlineTablesTest}.
 */
class DecisionTablesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private static DmnDecision decision(String file, String key) throws IOException {
        try (InputStream in = new FileInputStream("processes/" + file)) {
            return DMN.parseDecision(key, in);
        }
    }

    @ParameterizedTest(name = "{0}/{1}/sensitive={2}/requested={3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            "CASE_FILING,HOTLINE_12345,true,null,RED",
            "CASE_FILING,PETITION,false,null,RED",
            "CONDUCT,MEDIA,false,null,RED",
            "COERCIVE_MEASURE,RULE_WARNING,false,RED,RED",
            "CASE_FILING,RULE_WARNING,false,YELLOW,YELLOW",
            "CASE_FILING,PROCURATORIAL_SUPERVISION,false,null,YELLOW",
            "CASE_REVIEW,REVIEW_LITIGATION,false,null,YELLOW",
            "CASE_FILING,RULE_WARNING,false,BLUE,BLUE",
            "ALARM_HANDLING,HOTLINE_12345,false,null,BLUE",
            "ONLINE_PATROL,ONLINE_VIDEO_PATROL,false,null,BLUE"})
    void shouldDecideTheInitialLevel(String category, String source, boolean sensitive, String requested,
            String level) throws IOException {
        Map<String, Object> vars = new HashMap<>();
        vars.put("category", category);
        vars.put("source", source);
        vars.put("sensitive", sensitive);
        vars.put("requestedLevel", requested);
        DmnDecisionTableResult result = DMN.evaluateDecisionTable(decision("initial-level.dmn", "initial-level"), vars);
        String decided = result.getSingleEntry();
        assertThat(decided).isEqualTo(level);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "LEVEL;BLUE;UNIT_HEAD,OFFICER",
            "REMIND;BLUE;UNIT_HEAD,OFFICER",
            "URGE;BLUE;UNIT_HEAD,OFFICER,LEGAL_CAPTAIN",
            "SUPERVISE;YELLOW;UNIT_HEAD,OFFICER,LEGAL_CAPTAIN,DEPUTY_LEADER",
            "LEVEL;YELLOW;UNIT_HEAD,OFFICER,DISCIPLINE_INSPECTOR",
            "LEVEL;RED;UNIT_HEAD,OFFICER,DISCIPLINE_INSPECTOR,CHIEF,COMMITTEE",
            "REPORT;BLUE;BUREAU_GROUP",
            "PAUSE_EXPIRED;BLUE;UNIT_HEAD,LEGAL_CAPTAIN",
            "REVIEW_OVERDUE;YELLOW;LEGAL_CAPTAIN",
            "REVIEW_CHASE;BLUE;LEGAL_OFFICER",
            "TALK_OVERDUE;RED;DEPUTY_LEADER,COMMITTEE",
            "INSTRUCTION;YELLOW;UNIT_HEAD,OFFICER",
            "INSTRUCTION_OVERDUE;RED;CHIEF"})
    void shouldRouteEveryStepToItsReaders(String step, String level, String recipients) throws IOException {
        java.util.List<Object> routed = DMN.evaluateDecisionTable(
                decision("notification-recipients.dmn", "notification-recipients"),
                Map.of("step", step, "level", level)).collectEntries("recipient");
        assertThat(routed).containsExactlyInAnyOrder((Object[]) recipients.split(","));
    }

    @org.junit.jupiter.api.Test
    void shouldGiveARuleLockedBeforeTheInstructionClockADayForTheInstruction() throws Exception {
        // a problem registered before deadlines.dmn had instructionHours keeps its rules as they were
        String locked = "{\"periodAmount\":5,\"periodUnit\":\"WORKING_DAYS\",\"signHours\":24,\"signGraceHours\":24,"
                + "\"reminderLeadHours\":48,\"reminderIntervalHours\":24,\"graceDays\":2,\"reviewDays\":3,"
                + "\"instructionDays\":5,\"talkDays\":5,\"maxPauseDays\":10,\"evidenceRequired\":true}";
        DeadlineRule rule = new com.fasterxml.jackson.databind.ObjectMapper().readValue(locked, DeadlineRule.class);
        assertThat(rule.instructionHours()).isNull();
        assertThat(rule.hours("instructionHours")).isEqualTo(DeadlineRule.DEFAULT_INSTRUCTION_HOURS).isEqualTo(24);
    }
}
