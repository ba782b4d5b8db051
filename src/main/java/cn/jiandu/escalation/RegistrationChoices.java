package cn.jiandu.escalation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.organisation.UnitKind;
import cn.jiandu.problem.Channel;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ReferenceItem;
import cn.jiandu.security.FormSubmissionPolicy.Refusal;
import cn.jiandu.text.PlainText;

/**
 * The choices of the registration form (register-problem.form) as the organisation and the
 * reference data are now: the units and officers by name, every active channel (问题来源), every
 * category. The form's selects name a list by {@code valuesKey} (unitOptions, officerOptions,
 * sourceOptions, categoryOptions); {@link FormChoicesFilter} writes the lists into the form
 * as it is served, every time, so a unit created or an officer moved an hour ago is there.
 * (The Tasklist gives a Camunda Form start form no variables: a {@code valuesKey} alone
 * would stay empty.)
 * <p>
 * What comes back is checked here before the engine sees it ({@link TaskSubmissions}): a code
 * that is not among the choices is the field's error in Chinese, answered 400, never an
 * exception inside the engine (which the engine would log as an ERROR).
 */
@Service
class RegistrationChoices {

    static final String UNITS = "unitOptions";
    static final String OFFICERS = "officerOptions";
    static final String SOURCES = "sourceOptions";
    static final String CATEGORIES = "categoryOptions";

    /** One entry of a select: what it shows and what it submits. */
    record Option(String label, String value) {
    }

    private final OrganisationService organisation;
    private final ProblemService problems;

    RegistrationChoices(OrganisationService organisation, ProblemService problems) {
        this.organisation = organisation;
        this.problems = problems;
    }

    /** The list a {@code valuesKey} names, or empty for a key that is not one of these. */
    @Transactional(readOnly = true)
    Optional<List<Option>> options(String valuesKey) {
        return switch (valuesKey) {
            case UNITS -> Optional.of(units().stream().map(u -> new Option(u.name(), u.code())).toList());
            case OFFICERS -> Optional.of(officers());
            case SOURCES -> Optional.of(problems.activeSources().stream()
                    .map(s -> new Option(s.name(), s.code())).toList());
            case CATEGORIES -> Optional.of(problems.categories().stream()
                    .map(c -> new Option(c.name(), c.code())).toList());
            default -> Optional.empty();
        };
    }

    /**
     * Writes the lists into a form (its JSON, changed in place): every select or radio whose
     * {@code valuesKey} is one of these gets {@code values} and loses its key. Returns whether
     * anything changed.
     */
    boolean fill(JsonNode form) {
        boolean changed = false;
        for (JsonNode component : form.path("components")) {
            changed |= fill(component);
            if (component instanceof ObjectNode node && node.path("valuesKey").isTextual()) {
                Optional<List<Option>> options = options(node.path("valuesKey").asText());
                if (options.isPresent()) {
                    ArrayNode values = node.putArray("values");
                    options.get().forEach(o -> values.addObject().put("label", o.label()).put("value", o.value()));
                    node.remove("valuesKey");
                    changed = true;
                }
            }
        }
        return changed;
    }

    /**
     * What is wrong with a registration's unit, officer, source and category (not among the
     * choices) and its title and description (missing, or with control characters: the rules
     * of ProblemService), each as its field's error in Chinese; empty when all is well.
     */
    @Transactional(readOnly = true)
    List<Refusal> refusals(Map<String, String> submitted) {
        List<Refusal> refusals = new ArrayList<>();
        String unitCode = submitted.get(Rectification.UNIT_CODE);
        Map<String, Unit> units = units().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
        if (unitCode != null && !unitCode.isBlank() && !units.containsKey(unitCode)) {
            refusals.add(new Refusal(Rectification.UNIT_CODE, "没有代码为“" + PlainText.printable(unitCode)
                    + "”的可选单位，请从列表中选择责任单位"));
        }
        String officerNo = submitted.get(Rectification.OFFICER_NO);
        if (officerNo != null && !officerNo.isBlank()) {
            Optional<Officer> officer = organisation.findOfficer(officerNo.strip()).filter(Officer::active);
            if (officer.isEmpty()) {
                refusals.add(new Refusal(Rectification.OFFICER_NO, "没有警号为“"
                        + PlainText.printable(officerNo) + "”的在岗民警，请从列表中选择或不填"));
            } else if (units.containsKey(unitCode) && !officer.get().unitCode().equals(unitCode)) {
                refusals.add(new Refusal(Rectification.OFFICER_NO, officer.get().name() + "不属于"
                        + units.get(unitCode).name() + "，请选择该单位的民警或不填"));
            }
        }
        String source = submitted.get(Rectification.SOURCE);
        if (source != null && !source.isBlank()) {
            Optional<Channel> channel = problems.sources().stream().filter(s -> s.code().equals(source)).findFirst();
            if (channel.isEmpty()) {
                refusals.add(new Refusal(Rectification.SOURCE, "“" + PlainText.printable(source)
                        + "”不是可选的来源，请从列表中选择"));
            } else if (!channel.get().active()) {
                refusals.add(new Refusal(Rectification.SOURCE, ProblemService.inactive(channel.get())));
            }
        }
        String category = submitted.get(Rectification.CATEGORY);
        if (category != null && !category.isBlank() && problems.categories().stream().map(ReferenceItem::code)
                .noneMatch(category::equals)) {
            refusals.add(new Refusal(Rectification.CATEGORY, "“" + PlainText.printable(category)
                    + "”不是可选的类别，请从列表中选择"));
        }
        String title = submitted.get(Rectification.TITLE);
        if (title == null || title.isBlank()) {
            refusals.add(new Refusal(Rectification.TITLE, "请填写问题标题"));
        } else if (!PlainText.isSingleLine(title)) {
            refusals.add(new Refusal(Rectification.TITLE, "不能含换行、控制字符或不完整的字符"));
        }
        String description = submitted.get(Rectification.DESCRIPTION);
        if (description == null || description.isBlank()) {
            refusals.add(new Refusal(Rectification.DESCRIPTION, "请填写问题描述"));
        } else if (!PlainText.isMultiLine(description)) {
            refusals.add(new Refusal(Rectification.DESCRIPTION, "不能含控制字符或不完整的字符"));
        }
        if (unitCode == null || unitCode.isBlank()) {
            refusals.add(0, new Refusal(Rectification.UNIT_CODE, "请从列表中选择责任单位"));
        }
        if (source == null || source.isBlank()) {
            refusals.add(new Refusal(Rectification.SOURCE, "请从列表中选择问题来源"));
        }
        if (category == null || category.isBlank()) {
            refusals.add(new Refusal(Rectification.CATEGORY, "请从列表中选择问题类别"));
        }
        return refusals;
    }

    /** The units a problem can be given to: all but the bureau itself (分局本级). */
    private List<Unit> units() {
        return organisation.units().stream().filter(u -> u.kind() != UnitKind.BUREAU).toList();
    }

    /** Officers on duty, by name with their unit, so that two of one name can be told apart. */
    private List<Option> officers() {
        Map<String, String> unitNames = organisation.units().stream()
                .collect(Collectors.toMap(Unit::code, Unit::name));
        return organisation.officers(null, null).stream().filter(Officer::active)
                .map(o -> new Option(o.name() + "（" + unitNames.getOrDefault(o.unitCode(), o.unitCode()) + "）",
                        o.officerNo()))
                .toList();
    }
}
