package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The process owner's folder (processes/) as the Modeler and the Tasklist see it: the Camunda Forms the
 * BPMN names, the values its gateways test, and the element templates that keep hand-drawn steps wired
 * to the Java delegates. Read from the file system, no Spring context.
 */
class ProcessResourcesTest {

    private static final Path PROCESSES = Path.of("processes");
    private static final Path FORMS = PROCESSES.resolve("forms");
    private static final Path TEMPLATES = PROCESSES.resolve("element-templates");
    private static final Path RECTIFICATION = PROCESSES.resolve("rectification.bpmn");

    /** The form-js schema version of the form viewer bundled in the Tasklist of camunda-webapp-webjar 7.24.0. */
    private static final int FORM_JS_SCHEMA_VERSION = 16;
    private static final String ENGINE_VERSION = "7.24.0";

    private static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

    /** The delegates a template may name: the beans of the service tasks of rectification.bpmn and intake.bpmn. */
    private static final Set<String> TEMPLATE_BEANS = Set.of(
            // 整改督办
            "registerProblem", "fixDeadlineRules", "applyLevel", "issueDocument", "reopenProblem", "transferProblem",
            "countTransferRejection", "remind", "urge", "supervise", "chase", "requestPause", "pauseClock",
            "denyPause", "resumeClock", "countRepeat", "restartClock", "raiseLevel", "closeProblem", "notifyIntakes",
            "instructionOverdue",
            // 受理与回访
            "loadIntake", "fixIntakeRules", "intakeOverdue", "acceptIntake", "mergeIntake", "closeTriage",
            "finishIntake", "scheduleCallback", "requestReopen");

    /** ${name == 'VALUE'} as a gateway's condition tests a task's outcome. */
    private static final Pattern EQUALS_CONDITION = Pattern.compile("\\$\\{\\s*(\\w+)\\s*==\\s*'([^']*)'\\s*}");
    private static final Pattern DELEGATE_EXPRESSION = Pattern.compile("\\$\\{\\s*(\\w+)\\s*}");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shouldDescribeEveryFormForTheTasklistOf7_24() throws IOException {
        Map<String, JsonNode> forms = forms();
        assertThat(forms).isNotEmpty();
        forms.forEach((file, form) -> {
            assertThat(form.path("id").asText()).as("id of %s", file).isEqualTo(file.replaceFirst("\\.form$", ""));
            assertThat(form.path("type").asText()).as("type of %s", file).isEqualTo("default");
            assertThat(form.path("schemaVersion").asInt()).as("schemaVersion of %s", file)
                    .isEqualTo(FORM_JS_SCHEMA_VERSION);
            assertThat(form.path("executionPlatform").asText()).as("executionPlatform of %s", file)
                    .isEqualTo("Camunda Platform");
            assertThat(form.path("executionPlatformVersion").asText()).as("executionPlatformVersion of %s", file)
                    .isEqualTo(ENGINE_VERSION);
            assertThat(form.path("components").isArray()).as("components of %s", file).isTrue();
        });
    }

    @Test
    void shouldGiveEveryComponentOfAFormItsOwnIdAndKey() throws IOException {
        forms().forEach((file, form) -> {
            List<String> ids = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            eachComponent(form, component -> {
                ids.add(component.path("id").asText());
                if (component.hasNonNull("key")) {
                    keys.add(component.get("key").asText());
                }
                JsonNode hide = component.path("conditional").path("hide");
                if (!hide.isMissingNode()) {
                    assertThat(hide.asText()).as("FEEL of %s in %s", component.path("id").asText(), file)
                            .startsWith("=");
                }
            });
            assertThat(ids).as("component ids of %s", file).doesNotContain("").doesNotHaveDuplicates();
            assertThat(keys).as("keys of %s", file).doesNotHaveDuplicates();
        });
    }

    @Test
    void shouldHaveAFormForEveryFormRefOfTheProcess() throws Exception {
        Map<String, JsonNode> forms = forms();
        Map<String, String> formRefs = formRefs(rectification());
        assertThat(formRefs).as("camunda:formRef in %s", RECTIFICATION).isNotEmpty();
        formRefs.forEach((element, formRef) -> assertThat(forms)
                .as("form %s of %s", formRef, element)
                .containsKey(formRef + ".form"));
    }

    @Test
    void shouldLetTheFormsAnswerWhatTheGatewaysAsk() throws Exception {
        Document bpmn = rectification();
        Map<String, JsonNode> forms = forms();
        Map<String, Set<String>> asked = new TreeMap<>();
        formRefs(bpmn).forEach((taskId, formRef) -> conditionsAfter(bpmn, taskId).forEach(condition -> {
            Matcher equals = EQUALS_CONDITION.matcher(condition);
            if (!equals.matches()) {
                return;
            }
            String key = equals.group(1);
            String value = equals.group(2);
            asked.computeIfAbsent(formRef + "." + key, k -> new LinkedHashSet<>()).add(value);
            JsonNode field = component(forms.get(formRef + ".form"), key);
            assertThat(field).as("field %s of form %s, tested after %s", key, formRef, taskId).isNotNull();
            assertThat(field.path("validate").path("required").asBoolean())
                    .as("%s of form %s is required", key, formRef).isTrue();
            assertThat(values(field)).as("values of %s in form %s", key, formRef).contains(value);
        }));
        assertThat(asked).containsEntry("rectify.rectifyOutcome", Set.of("WAIT"))
                .containsEntry("review.reviewDecision", Set.of("APPROVE"));
    }

    @Test
    void shouldWireEveryElementTemplateToAKnownDelegate() throws IOException {
        List<JsonNode> templates = new ArrayList<>();
        for (Path file : files(TEMPLATES, ".json")) {
            JsonNode json = JSON.readTree(file.toFile());
            if (json.isArray()) {
                json.forEach(templates::add);
            } else {
                templates.add(json);
            }
        }
        assertThat(templates).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (JsonNode template : templates) {
            String id = template.path("id").asText();
            assertThat(id).as("template id").isNotBlank();
            assertThat(ids.add(id)).as("template id %s is unique", id).isTrue();
            assertThat(template.path("name").asText()).as("name of %s", id).isNotBlank();
            List<String> beans = new ArrayList<>();
            template.path("properties").forEach(property -> {
                JsonNode binding = property.path("binding");
                if ("property".equals(binding.path("type").asText())
                        && "camunda:delegateExpression".equals(binding.path("name").asText())) {
                    Matcher bean = DELEGATE_EXPRESSION.matcher(property.path("value").asText());
                    assertThat(bean.matches()).as("delegate expression of %s", id).isTrue();
                    beans.add(bean.group(1));
                }
            });
            assertThat(beans).as("delegate of %s", id).hasSize(1);
            assertThat(TEMPLATE_BEANS).as("delegate of %s", id).contains(beans.get(0));
        }
    }

    private static Map<String, JsonNode> forms() throws IOException {
        Map<String, JsonNode> forms = new TreeMap<>();
        for (Path file : files(FORMS, ".form")) {
            forms.put(file.getFileName().toString(), JSON.readTree(file.toFile()));
        }
        return forms;
    }

    private static List<Path> files(Path folder, String suffix) throws IOException {
        assertThat(folder).as("folder %s, relative to the project root", folder).isDirectory();
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void eachComponent(JsonNode container, Consumer<JsonNode> action) {
        for (JsonNode component : container.path("components")) {
            action.accept(component);
            eachComponent(component, action);
        }
    }

    private static JsonNode component(JsonNode form, String key) {
        if (form == null) {
            return null;
        }
        JsonNode[] found = new JsonNode[1];
        eachComponent(form, c -> {
            if (key.equals(c.path("key").asText()) && !c.path("disabled").asBoolean()) {
                found[0] = c;
            }
        });
        return found[0];
    }

    private static Set<String> values(JsonNode field) {
        Set<String> values = new HashSet<>();
        field.path("values").forEach(v -> values.add(v.path("value").asText()));
        return values;
    }

    private static Document rectification() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(RECTIFICATION.toFile());
    }

    /** Element id to camunda:formRef, for every element (start event, user task) that names a form. */
    private static Map<String, String> formRefs(Document bpmn) {
        Map<String, String> formRefs = new LinkedHashMap<>();
        NodeList all = bpmn.getElementsByTagNameNS(BPMN_NS, "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (element.hasAttributeNS(CAMUNDA_NS, "formRef")) {
                formRefs.put(element.getAttribute("id"), element.getAttributeNS(CAMUNDA_NS, "formRef"));
            }
        }
        return formRefs;
    }

    /** The conditions on the flows out of the gateway that directly follows the element. */
    private static List<String> conditionsAfter(Document bpmn, String elementId) {
        Map<String, List<Element>> outgoing = new HashMap<>();
        NodeList flows = bpmn.getElementsByTagNameNS(BPMN_NS, "sequenceFlow");
        for (int i = 0; i < flows.getLength(); i++) {
            Element flow = (Element) flows.item(i);
            outgoing.computeIfAbsent(flow.getAttribute("sourceRef"), k -> new ArrayList<>()).add(flow);
        }
        List<String> conditions = new ArrayList<>();
        for (Element toGateway : outgoing.getOrDefault(elementId, List.of())) {
            for (Element flow : outgoing.getOrDefault(toGateway.getAttribute("targetRef"), List.of())) {
                NodeList condition = flow.getElementsByTagNameNS(BPMN_NS, "conditionExpression");
                if (condition.getLength() > 0) {
                    conditions.add(condition.item(0).getTextContent().trim());
                }
            }
        }
        return conditions;
    }
}
