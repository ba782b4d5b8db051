package cn.jiandu.escalation;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.jiandu.calendar.PeriodUnit;
import cn.jiandu.engine.DecisionTables;
import cn.jiandu.level.Level;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ReferenceItem;

/**
 * deadlines.dmn (整改期限规则) read as one: the file holds several decision tables (整改期限、
 * 签收时限、提醒与督办、审核批示谈话时限), each keyed on the category (问题类别) and the level
 * (预警等级). For a category and a level every table gives exactly one rule; their outputs,
 * merged, are one {@link DeadlineRule}. An output given by two tables is an error.
 * <p>
 * The deployed file (its latest deployment) fixes the rules of a new problem; a candidate
 * file (not deployed) is checked the same way, for every known category and every level,
 * before a process owner deploys it.
 */
@Component
public class DeadlineTables {

    /** Runs work with the DMN engine; the process engine's needs a command context to evaluate. */
    interface DmnRunner {
        <T> T run(Function<DmnEngine, T> work);
    }

    /** One decision table as the merge sees it: its key and the rules it gives for some inputs. */
    private interface Source {
        String key();

        List<Map<String, Object>> evaluate(Map<String, Object> inputs);
    }

    private final DmnRunner dmn;
    private final Supplier<List<ReferenceItem>> categories;
    private final DecisionTables deployed;

    @Autowired
    DeadlineTables(ProcessEngine engine, ProblemService problems, DecisionTables deployed) {
        this(new DmnRunner() {
            @Override
            public <T> T run(Function<DmnEngine, T> work) {
                ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine
                        .getProcessEngineConfiguration();
                return configuration.getCommandExecutorTxRequired()
                        .execute(commandContext -> work.apply(configuration.getDmnEngine()));
            }
        }, problems::categories, deployed);
    }

    DeadlineTables(DmnRunner dmn, Supplier<List<ReferenceItem>> categories, DecisionTables deployed) {
        this.dmn = dmn;
        this.categories = categories;
        this.deployed = deployed;
    }

    /**
     * A candidate deadlines.dmn, parsed but not deployed, and checked: for every known category
     * and all three levels each of its tables gives exactly one rule, no output comes from two
     * tables, and together they give every output a {@link DeadlineRule} needs.
     *
     * @throws IllegalArgumentException in Chinese, naming the table, category, level or output
     *             that is wrong
     */
    public Candidate candidate(byte[] dmnXml) {
        if (dmnXml == null || dmnXml.length == 0) {
            throw new IllegalArgumentException("期限规则文件为空");
        }
        List<ReferenceItem> known = categories.get();
        // a refusal is the caller's 400, not an engine failure: it leaves the command as a value
        Object outcome = dmn.run(engine -> {
            try {
                return check(engine, dmnXml, known);
            } catch (IllegalArgumentException e) {
                return e;
            }
        });
        if (outcome instanceof IllegalArgumentException refused) {
            throw refused;
        }
        return (Candidate) outcome;
    }

    private static Candidate check(DmnEngine engine, byte[] dmnXml, List<ReferenceItem> known) {
        List<DmnDecision> decisions;
        try {
            decisions = engine.parseDecisions(new ByteArrayInputStream(dmnXml));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("期限规则文件无法解析：" + e.getMessage(), e);
        }
        List<Source> sources = new ArrayList<>();
        for (DmnDecision decision : decisions) {
            if (!decision.isDecisionTable()) {
                throw new IllegalArgumentException("决策「" + label(decision) + "」不是决策表");
            }
            sources.add(source(engine, decision));
        }
        if (decisions.stream().noneMatch(d -> Rectification.DECISION_DEADLINES.equals(d.getKey()))) {
            throw new IllegalArgumentException("期限规则文件须含 id 为 " + Rectification.DECISION_DEADLINES
                    + " 的决策表（整改期限）：登记问题时从它所在的部署读取全部期限表");
        }
        Map<String, Map<Level, DeadlineRule>> rules = new LinkedHashMap<>();
        for (ReferenceItem category : known) {
            rules.put(category.code(), merge(sources, category.code(), category.name()));
        }
        return new Candidate(rules);
    }

    /**
     * The rules of every level for a new problem of the category, from the latest deployment
     * of deadlines.dmn (all its tables from that deployment).
     */
    Map<Level, DeadlineRule> deployed(String category) {
        List<Source> sources = deployed.latestFile(Rectification.DECISION_DEADLINES).stream()
                .map(table -> (Source) new Source() {
                    @Override
                    public String key() {
                        return table.key();
                    }

                    @Override
                    public List<Map<String, Object>> evaluate(Map<String, Object> inputs) {
                        return table.evaluate(inputs);
                    }
                }).toList();
        try {
            return merge(sources, category, category);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The deployed deadlines.dmn is wrong: " + e.getMessage(), e);
        }
    }

    /** A checked candidate deadlines.dmn: the rules it would lock for a new problem. */
    public static final class Candidate {

        private final Map<String, Map<Level, DeadlineRule>> rules;

        private Candidate(Map<String, Map<Level, DeadlineRule>> rules) {
            this.rules = Collections.unmodifiableMap(rules);
        }

        /**
         * The rules of every level for the category.
         *
         * @throws IllegalArgumentException for a category that is not known
         */
        public Map<Level, DeadlineRule> rules(String category) {
            Map<Level, DeadlineRule> byLevel = rules.get(category);
            if (byLevel == null) {
                throw new IllegalArgumentException("未知的问题类别：" + category);
            }
            return byLevel;
        }
    }

    private static Map<Level, DeadlineRule> merge(List<Source> sources, String category, String categoryName) {
        Map<Level, DeadlineRule> rules = new EnumMap<>(Level.class);
        String what = categoryName.equals(category) ? category : categoryName + "（" + category + "）";
        for (Level level : Level.values()) {
            String where = "问题类别 " + what + "、" + level.label() + "预警（" + level.name() + "）";
            Map<String, Object> merged = new LinkedHashMap<>();
            Map<String, String> givenBy = new LinkedHashMap<>();
            for (Source source : sources) {
                List<Map<String, Object>> matched = source.evaluate(
                        Map.of(Rectification.CATEGORY, category, Rectification.LEVEL, level.name()));
                if (matched.size() != 1) {
                    throw new IllegalArgumentException("决策表「" + source.key() + "」对" + where + "命中 "
                            + matched.size() + " 条规则，应恰好 1 条");
                }
                for (Map.Entry<String, Object> output : matched.get(0).entrySet()) {
                    String first = givenBy.putIfAbsent(output.getKey(), source.key());
                    if (first != null) {
                        throw new IllegalArgumentException("输出 " + output.getKey() + " 同时由决策表「" + first
                                + "」和「" + source.key() + "」给出，只能由一张表给出");
                    }
                    merged.put(output.getKey(), output.getValue());
                }
            }
            check(merged, where);
            rules.put(level, DeadlineRule.of(merged));
        }
        return rules;
    }

    /** Every output {@link DeadlineRule} reads, of the right kind. */
    private static void check(Map<String, Object> merged, String where) {
        for (String output : DeadlineRule.OUTPUTS) {
            Object value = merged.get(output);
            if (value == null) {
                throw new IllegalArgumentException(where + "缺少输出 " + output);
            }
            boolean right = switch (output) {
                case "periodUnit" -> value instanceof String unit && isPeriodUnit(unit);
                case "evidenceRequired" -> value instanceof Boolean;
                default -> value instanceof Number;
            };
            if (!right) {
                throw new IllegalArgumentException(where + "的输出 " + output + " 取值「" + value + "」不正确："
                        + DeadlineRule.expected(output));
            }
        }
    }

    private static boolean isPeriodUnit(String unit) {
        for (PeriodUnit known : PeriodUnit.values()) {
            if (known.name().equals(unit)) {
                return true;
            }
        }
        return false;
    }

    private static Source source(DmnEngine engine, DmnDecision decision) {
        return new Source() {
            @Override
            public String key() {
                return label(decision);
            }

            @Override
            public List<Map<String, Object>> evaluate(Map<String, Object> inputs) {
                try {
                    return engine.evaluateDecisionTable(decision, inputs).getResultList();
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("决策表「" + label(decision) + "」对 " + inputs + " 求值出错："
                            + e.getMessage(), e);
                }
            }
        };
    }

    private static String label(DmnDecision decision) {
        return decision.getName() == null || decision.getName().isBlank() ? decision.getKey()
                : decision.getKey() + " " + decision.getName();
    }
}
