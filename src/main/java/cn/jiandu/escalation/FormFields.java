package cn.jiandu.escalation;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fields a person may submit through one deployed Camunda Form (表单): every keyed
 * input that is not disabled (form-js itself submits no disabled field; they only show
 * process data). Read from the form the process owner deployed, so a new field counts at once.
 */
record FormFields(Map<String, Field> fields) {

    /** The kinds of input a form can hold, by what a person submits through them. */
    enum Kind {
        TEXT, NUMBER, BOOLEAN, CHOICE, DATETIME,
        /** checklist, taglist, dynamic lists of several values: not a primitive value */
        MULTIPLE
    }

    /**
     * One submittable field: its kind, the longest text it takes (the form's maxLength,
     * else the setting) and, for a choice with a fixed list, the values it offers.
     */
    record Field(String key, String label, Kind kind, Integer maxLength, Set<String> values) {
    }

    static final FormFields NONE = new FormFields(Map.of());

    static FormFields parse(InputStream form, ObjectMapper json) throws IOException {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(json.readTree(form).path("components"), fields);
        return new FormFields(Map.copyOf(fields));
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            collect(component.path("components"), fields);
            String key = component.path("key").asText("");
            Kind kind = kind(component.path("type").asText(""));
            if (key.isEmpty() || kind == null || component.path("disabled").asBoolean(false)) {
                continue;
            }
            JsonNode maxLength = component.path("validate").path("maxLength");
            Set<String> values = null;
            if (kind == Kind.CHOICE && component.path("values").isArray() && !component.path("values").isEmpty()) {
                values = new LinkedHashSet<>();
                for (JsonNode value : component.path("values")) {
                    values.add(value.path("value").asText());
                }
            }
            fields.put(key, new Field(key, component.path("label").asText(key), kind,
                    maxLength.isNumber() ? maxLength.asInt() : null, values == null ? null : Set.copyOf(values)));
        }
    }

    private static Kind kind(String type) {
        return switch (type) {
            case "textfield", "textarea" -> Kind.TEXT;
            case "number" -> Kind.NUMBER;
            case "checkbox" -> Kind.BOOLEAN;
            case "radio", "select" -> Kind.CHOICE;
            case "datetime" -> Kind.DATETIME;
            case "checklist", "taglist" -> Kind.MULTIPLE;
            default -> null; // text, group, image, spacer, button, separator …: nothing submitted
        };
    }

    Field field(String key) {
        return fields.get(key);
    }
}
