package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * A capability's SQL touches its own tables only; the read models `report` and `detection`
 * may read other capabilities' tables in their own set-based SQL, never write them
 * (README "Layout"). The tables' owners are by name.
 */
class MapperTablesTest {

    private static final Path MAPPERS = Path.of("src/main/resources/mapper");
    private static final Set<String> READ_MODELS = Set.of("report", "detection");
    private static final Pattern READ = Pattern.compile("(?i)\\b(?:FROM|JOIN)\\s+([a-z_][a-z0-9_]*)");
    private static final Pattern WRITE = Pattern.compile("(?i)\\b(?:INSERT\\s+INTO|UPDATE|DELETE\\s+FROM|MERGE\\s+INTO)\\s+([a-z_][a-z0-9_]*)");

    /** The owner of a table, by its name. */
    static String owner(String table) {
        Map<String, String> prefixes = Map.ofEntries(Map.entry("org_", "organisation"), Map.entry("cal_", "calendar"),
                Map.entry("app_clock", "calendar"), Map.entry("doc_", "document"),
                Map.entry("notification_", "notification"), Map.entry("problem", "problem"),
                Map.entry("ref_", "problem"), Map.entry("score_", "scoring"), Map.entry("report", "report"),
                Map.entry("detection_", "detection"), Map.entry("ledger_", "detection"),
                Map.entry("evidence", "evidence"), Map.entry("intake", "intake"),
                Map.entry("dingtalk_", "notification"));
        return prefixes.entrySet().stream().filter(e -> table.startsWith(e.getKey()))
                .max((a, b) -> a.getKey().length() - b.getKey().length()).map(Map.Entry::getValue).orElse(null);
    }

    @Test
    void shouldTouchOnlyItsOwnTablesUnlessAReadModel() throws IOException {
        List<String> wrong = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAPPERS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".xml")).toList()) {
                String capability = MAPPERS.relativize(file).getName(0).toString();
                String sql = Files.readString(file).replaceAll("(?s)<!--.*?-->", " ");
                check(sql, WRITE, capability, file, false, wrong);
                check(sql, READ, capability, file, READ_MODELS.contains(capability), wrong);
            }
        }
        assertThat(wrong).as("SQL that reaches into another capability's tables").isEmpty();
    }

    private static void check(String sql, Pattern pattern, String capability, Path file, boolean readModel,
            List<String> wrong) {
        Matcher m = pattern.matcher(sql);
        while (m.find()) {
            String table = m.group(1).toLowerCase(Locale.ROOT);
            String owner = owner(table);
            if (owner != null && !owner.equals(capability) && !readModel) {
                wrong.add(file.getFileName() + ": " + m.group().strip() + " (" + owner + "'s)");
            }
        }
    }
}
