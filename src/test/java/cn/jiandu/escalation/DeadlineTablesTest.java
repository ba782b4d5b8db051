package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.jiandu.level.Level;
import cn.jiandu.problem.ReferenceItem;

/**
 * deadlines.dmn split into several tables gives, for every category and level, exactly the
 * rule the one wide table gave (a snapshot taken before the split), and a candidate file that
 * is wrong is refused naming what is wrong.
 */
class DeadlineTablesTest {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private static final Path FILE = Path.of("processes/deadlines.dmn");
    private static final String SNAPSHOT = "/cn/jiandu/escalation/deadlines-before-split.csv";

    private final DeadlineTables tables = new DeadlineTables(new DeadlineTables.DmnRunner() {
        @Override
        public <T> T run(Function<DmnEngine, T> work) {
            return work.apply(DMN);
        }
    }, DeadlineTablesTest::categories, null);

    @Test
    void shouldGiveEveryCategoryAndLevelTheRuleOfTheTableBeforeTheSplit() throws IOException {
        DeadlineTables.Candidate candidate = tables.candidate(Files.readAllBytes(FILE));
        List<String> lines = snapshot();
        String[] header = lines.get(0).substring(lines.get(0).indexOf(':') + 1).trim().split(",");
        int compared = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            Map<String, Object> row = new LinkedHashMap<>();
            for (int i = 2; i < header.length; i++) {
                row.put(header[i], value(header[i], cells[i]));
            }
            DeadlineRule before = DeadlineRule.of(row);
            assertThat(candidate.rules(cells[0]).get(Level.valueOf(cells[1])))
                    .as("%s/%s", cells[0], cells[1]).isEqualTo(before);
            compared++;
        }
        assertThat(compared).as("every category × 3 levels").isEqualTo(categories().size() * Level.values().length);
    }

    @ParameterizedTest(name = "{0}/{1} -> {2} {3}")
    @CsvSource({
            "CASE_FILING,BLUE,5,WORKING_DAYS,24",
            "CONDUCT,RED,2,WORKING_DAYS,2",
            "CASE_FILING,YELLOW,3,WORKING_DAYS,8",
            "CASE_FILING,RED,2,WORKING_DAYS,2",
            "COERCIVE_MEASURE,RED,1,CALENDAR_DAYS,2",
            "COERCIVE_MEASURE,BLUE,2,CALENDAR_DAYS,4"})
    void shouldGiveEveryCategoryAndLevelItsPeriods(String category, String level, int amount, String unit,
            int signHours) throws IOException {
        DeadlineRule rule = tables.candidate(Files.readAllBytes(FILE)).rules(category).get(Level.valueOf(level));
        assertThat(rule.periodAmount()).isEqualTo(amount);
        assertThat(rule.periodUnit()).hasToString(unit);
        assertThat(rule.signHours()).isEqualTo(signHours);
        assertThat(rule.signHours()).as("the signing clock is shorter than the rectification clock")
                .isLessThan(rule.periodAmount() * 24);
        assertThat(rule.reviewDays()).isPositive();
        assertThat(rule.reminderIntervalHours()).isPositive();
        assertThat(rule.maxPauseDays()).as("a pause allowance for every rule").isPositive();
        assertThat(rule.instructionHours()).as("督办批示时限 for every rule").isPositive();
        assertThat(rule.hours("instructionHours")).isEqualTo(rule.instructionHours());
    }

    @Test
    void shouldKeepEveryCategoryOfTheDatabaseInTheSnapshot() throws IOException {
        Set<String> inSnapshot = new LinkedHashSet<>();
        snapshot().stream().skip(1).forEach(line -> inSnapshot.add(line.split(",")[0]));
        assertThat(inSnapshot).containsExactlyElementsOf(categories().stream().map(ReferenceItem::code).toList());
    }

    @Test
    void shouldSplitTheWideTableIntoSeveralKeyedOnCategoryAndLevel() throws IOException {
        var decisions = DMN.parseDecisions(Files.newInputStream(FILE));
        assertThat(decisions).extracting(DmnDecision::getKey).containsExactlyInAnyOrder(
                Rectification.DECISION_DEADLINES, "signDeadlines", "followUpClocks", "leaderDeadlines");
        for (var decision : decisions) {
            var table = decision.getDecisionLogic();
            assertThat(decision.getName()).as(decision.getKey()).isNotBlank();
            assertThat(((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) table).getInputs())
                    .extracting(input -> input.getInputVariable()).as(decision.getKey())
                    .containsExactly(Rectification.CATEGORY, Rectification.LEVEL);
            assertThat(((org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl) table).getOutputs())
                    .as(decision.getKey()).hasSizeLessThanOrEqualTo(4);
        }
    }

    @Test
    void shouldRefuseACandidateWhoseTableGivesNoRuleForALevel() throws IOException {
        String xml = Files.readString(FILE).replace("<text>\"RED\"</text>", "<text>\"PURPLE\"</text>");
        assertThatThrownBy(() -> tables.candidate(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("红色预警（RED）").hasMessageContaining("命中 0 条规则");
    }

    @Test
    void shouldRefuseACandidateLackingAnOutput() throws IOException {
        String xml = Files.readString(FILE).replaceAll("name=\"talkDays\"", "name=\"talkHours\"");
        assertThatThrownBy(() -> tables.candidate(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("缺少输出 talkDays");
    }

    @Test
    void shouldRefuseAnOutputGivenByTwoTables() throws IOException {
        String xml = Files.readString(FILE).replaceAll("name=\"signHours\"", "name=\"periodAmount\"");
        assertThatThrownBy(() -> tables.candidate(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("输出 periodAmount 同时由决策表");
    }

    @Test
    void shouldRefuseAPeriodUnitThatIsNoUnit() throws IOException {
        String xml = Files.readString(FILE).replace("\"CALENDAR_DAYS\"</text></outputEntry>",
                "\"DAYS\"</text></outputEntry>");
        assertThatThrownBy(() -> tables.candidate(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("强制措施（COERCIVE_MEASURE）").hasMessageContaining("periodUnit");
    }

    @Test
    void shouldRefuseAFileWithoutTheTableTheDeploymentIsFoundBy() throws IOException {
        String xml = Files.readString(FILE).replace("<decision id=\"deadlines\"", "<decision id=\"periods\"")
                .replace("dmnElementRef=\"deadlines\"", "dmnElementRef=\"periods\"");
        assertThatThrownBy(() -> tables.candidate(xml.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("须含 id 为 deadlines 的决策表");
    }

    @Test
    void shouldRefuseAFileThatIsNoDmn() {
        assertThatThrownBy(() -> tables.candidate("<definitions/>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("期限规则文件");
    }

    @Test
    void shouldRefuseAnUnknownCategory() throws IOException {
        DeadlineTables.Candidate candidate = tables.candidate(Files.readAllBytes(FILE));
        assertThatThrownBy(() -> candidate.rules("NO_SUCH_CATEGORY")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO_SUCH_CATEGORY");
    }

    private static List<String> snapshot() throws IOException {
        try (var in = DeadlineTablesTest.class.getResourceAsStream(SNAPSHOT)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }

    private static Object value(String output, String cell) {
        return switch (output) {
            case "periodUnit" -> cell;
            case "evidenceRequired" -> Boolean.valueOf(cell);
            default -> Integer.valueOf(cell);
        };
    }

    /** The categories (问题类别) as the database gets them (ref_category, db/migration/V2). */
    private static List<ReferenceItem> categories() {
        try {
            String sql = Files.readString(Path.of("db/migration/V2__problems.sql"));
            String values = sql.substring(sql.indexOf("INSERT INTO ref_category"));
            values = values.substring(0, values.indexOf(';'));
            Matcher m = Pattern.compile("\\('([A-Z_]+)', '([^']+)'").matcher(values);
            List<ReferenceItem> items = new ArrayList<>();
            while (m.find()) {
                items.add(new ReferenceItem(m.group(1), m.group(2)));
            }
            return items;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
