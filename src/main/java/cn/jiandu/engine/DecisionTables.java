package cn.jiandu.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * The routing and deadline tables (notification-recipients.dmn, deadlines.dmn) as Java
 * calls them, several times for every registration and every message.
 * <p>
 * A decision table is a function of its inputs: the same deployed version answers the same
 * inputs the same way, on every node. Its answer is therefore remembered per deployed
 * version (the decision definition's id, which a new deployment from Modeler changes) and
 * inputs; the latest version is looked up in the database at every call, so a process
 * owner's new table applies at once on every node. Evaluating the table through the FEEL
 * engine was a fifth of the CPU a registration cost (bench/results.md, B1). The history of
 * these evaluations is not kept (history level jiandu): their results are in the problem
 * (its deadline rules, its messages).
 */
@Component
public class DecisionTables {

    /** Bounded: inputs are a handful of codes, so this is never reached in practice. */
    private static final int MAX_REMEMBERED = 10_000;

    private final RepositoryService repository;
    private final DecisionService decisions;
    private final Map<String, List<Map<String, Object>>> remembered = new ConcurrentHashMap<>();

    DecisionTables(RepositoryService repository, DecisionService decisions) {
        this.repository = repository;
        this.decisions = decisions;
    }

    /**
     * The latest deployed version of a table, looked up once: a caller asking it several
     * questions (the deadlines of every level) pays for one lookup.
     */
    public Table latest(String decisionKey) {
        DecisionDefinition latest = latestDefinition(decisionKey);
        return new Table(latest.getKey(), latest.getId());
    }

    /**
     * Every decision of the file (DMN resource) the latest version of a decision came in, all
     * from that same deployment: a file split into several tables (deadlines.dmn) is read as
     * one. The named decision first, the others by key.
     */
    public List<Table> latestFile(String decisionKey) {
        DecisionDefinition latest = latestDefinition(decisionKey);
        List<Table> tables = new ArrayList<>();
        tables.add(new Table(latest.getKey(), latest.getId()));
        repository.createDecisionDefinitionQuery().deploymentId(latest.getDeploymentId())
                .decisionDefinitionResourceName(latest.getResourceName()).orderByDecisionDefinitionKey().asc().list()
                .stream().filter(other -> !other.getId().equals(latest.getId()))
                .forEach(other -> tables.add(new Table(other.getKey(), other.getId())));
        return List.copyOf(tables);
    }

    private DecisionDefinition latestDefinition(String decisionKey) {
        DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(decisionKey)
                .withoutTenantId().latestVersion().singleResult();
        if (latest == null) {
            throw new IllegalStateException("No decision " + decisionKey + " is deployed");
        }
        return latest;
    }

    /** One deployed version of a decision table. */
    public final class Table {

        private final String key;
        private final String definitionId;

        private Table(String key, String definitionId) {
            this.key = key;
            this.definitionId = definitionId;
        }

        /** The decision's key (its id in the file). */
        public String key() {
            return key;
        }

        /** The matched rules' outputs (output name → value), in the table's order. */
        public List<Map<String, Object>> evaluate(Map<String, Object> inputs) {
            return answer(definitionId, inputs);
        }
    }

    private List<Map<String, Object>> answer(String definitionId, Map<String, Object> inputs) {
        String key = definitionId + new TreeMap<>(inputs);
        List<Map<String, Object>> answer = remembered.get(key);
        if (answer == null) {
            answer = decisions.evaluateDecisionTableById(definitionId).variables(inputs).evaluate().getResultList()
                    .stream().map(entries -> (Map<String, Object>) java.util.Collections
                            .unmodifiableMap(new LinkedHashMap<>(entries)))
                    .toList();
            if (remembered.size() >= MAX_REMEMBERED) {
                remembered.clear();
            }
            remembered.put(key, answer);
        }
        return answer;
    }
}
