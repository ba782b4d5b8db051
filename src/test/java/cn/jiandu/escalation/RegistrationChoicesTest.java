package cn.jiandu.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import cn.jiandu.organisation.Officer;
import cn.jiandu.organisation.OrganisationService;
import cn.jiandu.organisation.Unit;
import cn.jiandu.organisation.UnitKind;
import cn.jiandu.problem.Channel;
import cn.jiandu.problem.ProblemService;
import cn.jiandu.problem.ReferenceItem;
import cn.jiandu.problem.SourceKind;
import cn.jiandu.security.FormSubmissionPolicy.Refusal;
import cn.jiandu.security.FormSubmissionPolicy.Verdict;
import cn.jiandu.security.Role;

class RegistrationChoicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final OrganisationService organisation = mock(OrganisationService.class);
    private final ProblemService problems = mock(ProblemService.class);
    private final RegistrationChoices choices = new RegistrationChoices(organisation, problems);

    RegistrationChoicesTest() {
        when(organisation.units()).thenReturn(List.of(new Unit("FJ", "城区分局", null, UnitKind.BUREAU),
                new Unit("CGPCS", "城关派出所", "FJ", UnitKind.STATION),
                new Unit("XHPCS", "新华路派出所", "FJ", UnitKind.STATION)));
        Officer zhang = new Officer("0101", "张伟", "CGPCS", Set.of(Role.OFFICER), null, null, true);
        Officer li = new Officer("0201", "李强", "XHPCS", Set.of(Role.OFFICER), null, null, true);
        Officer retired = new Officer("0102", "王退", "CGPCS", Set.of(Role.OFFICER), null, null, false);
        when(organisation.officers(any(), any())).thenReturn(List.of(zhang, li, retired));
        when(organisation.findOfficer("0101")).thenReturn(Optional.of(zhang));
        when(organisation.findOfficer("0201")).thenReturn(Optional.of(li));
        when(organisation.findOfficer("0102")).thenReturn(Optional.of(retired));
        Channel hotline = new Channel("HOTLINE_12345", "12345政务服务热线", SourceKind.HOTLINE, true, true);
        Channel fresh = new Channel("NEW_CHANNEL", "新开通的渠道", SourceKind.ONLINE, true, true);
        Channel closed = new Channel("OLD_CHANNEL", "已撤销的渠道", SourceKind.MAILBOX, false, true);
        when(problems.sources()).thenReturn(List.of(hotline, closed, fresh));
        when(problems.activeSources()).thenReturn(List.of(hotline, fresh));
        when(problems.categories()).thenReturn(List.of(new ReferenceItem("CASE_FILING", "受立案")));
    }

    private static JsonNode registerForm() throws IOException {
        try (InputStream form = RegistrationChoicesTest.class.getClassLoader()
                .getResourceAsStream("processes/forms/register-problem.form")) {
            return JSON.readTree(form);
        }
    }

    private static JsonNode component(JsonNode form, String key) {
        for (JsonNode component : form.path("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        throw new AssertionError("no field " + key);
    }

    private static Map<String, String> registration() {
        Map<String, String> submitted = new HashMap<>();
        submitted.put("unitCode", "CGPCS");
        submitted.put("officerNo", "0101");
        submitted.put("source", "NEW_CHANNEL");
        submitted.put("category", "CASE_FILING");
        submitted.put("title", "受案登记表未开具受案回执");
        submitted.put("description", "2026年3月受理的两起案件未开具回执");
        return submitted;
    }

    @Test
    void shouldWriteTheCurrentUnitsOfficersAndChannelsIntoTheRegistrationForm() throws IOException {
        JsonNode form = registerForm();
        assertThat(component(form, "unitCode").path("valuesKey").asText()).isEqualTo("unitOptions");

        assertThat(choices.fill(form)).isTrue();

        JsonNode units = component(form, "unitCode");
        assertThat(units.has("valuesKey")).isFalse();
        assertThat(units.path("values").findValuesAsText("label")).containsExactly("城关派出所", "新华路派出所");
        assertThat(units.path("values").findValuesAsText("value")).containsExactly("CGPCS", "XHPCS");
        assertThat(component(form, "officerNo").path("values").findValuesAsText("label"))
                .containsExactly("张伟（城关派出所）", "李强（新华路派出所）");
        assertThat(component(form, "source").path("values").findValuesAsText("value"))
                .containsExactly("HOTLINE_12345", "NEW_CHANNEL");
        assertThat(component(form, "category").path("values").findValuesAsText("label")).containsExactly("受立案");
    }

    @Test
    void shouldRefuseADeactivatedChannelAsTheSourceFieldsErrorInChinese() {
        Map<String, String> submitted = registration();
        submitted.put("source", "OLD_CHANNEL");

        assertThat(choices.refusals(submitted)).singleElement().satisfies(refusal -> {
            assertThat(refusal.name()).isEqualTo("source");
            assertThat(refusal.message()).startsWith("问题来源已停用: 已撤销的渠道");
        });
    }

    @Test
    void shouldLeaveAFormWithoutSuchListsAsItIs() throws IOException {
        JsonNode form = JSON.readTree("{\"components\":[{\"type\":\"select\",\"key\":\"x\",\"valuesKey\":\"other\"}]}");

        assertThat(choices.fill(form)).isFalse();
        assertThat(form.path("components").get(0).path("valuesKey").asText()).isEqualTo("other");
    }

    @Test
    void shouldAcceptARegistrationMadeFromTheLists() {
        assertThat(choices.refusals(registration())).isEmpty();
    }

    @Test
    void shouldRefuseATamperedUnitCodeAsTheUnitFieldsErrorInChinese() {
        Map<String, String> submitted = registration();
        submitted.put("unitCode", "CGPCS'--");
        submitted.put("officerNo", null);

        assertThat(choices.refusals(submitted)).singleElement().satisfies(refusal -> {
            assertThat(refusal.name()).isEqualTo("unitCode");
            assertThat(refusal.message()).isEqualTo("没有代码为“CGPCS'--”的可选单位，请从列表中选择责任单位");
        });
    }

    @Test
    void shouldRefuseTheBureauItselfAnOfficerOfAnotherUnitAndOneNoLongerOnDuty() {
        Map<String, String> submitted = registration();
        submitted.put("unitCode", "FJ");
        assertThat(choices.refusals(submitted)).extracting(Refusal::name).containsExactly("unitCode");

        submitted.put("unitCode", "XHPCS");
        assertThat(choices.refusals(submitted)).singleElement()
                .satisfies(r -> assertThat(r.message()).isEqualTo("张伟不属于新华路派出所，请选择该单位的民警或不填"));

        submitted.put("unitCode", "CGPCS");
        submitted.put("officerNo", "0102");
        assertThat(choices.refusals(submitted)).extracting(Refusal::name).containsExactly("officerNo");
    }

    @Test
    void shouldRefuseAnUnknownSourceOrCategoryAndMissingTextBeforeTheEngine() {
        Map<String, String> submitted = registration();
        submitted.put("source", "NOWHERE");
        submitted.put("category", "");
        submitted.put("title", " ");
        submitted.put("description", "第一行\u0000");

        assertThat(choices.refusals(submitted)).extracting(Refusal::name)
                .containsExactlyInAnyOrder("source", "category", "title", "description");
    }

    @Test
    void shouldNameTheFieldByItsLabelInTheMessageOfAStartForm() {
        Verdict verdict = new Verdict("rectification start",
                List.of(new Refusal("unitCode", "请从列表中选择责任单位").labelled("责任单位")));

        assertThat(verdict.message()).isEqualTo("流程未启动，请按提示修改：责任单位：请从列表中选择责任单位");
    }

    @Test
    void shouldFillOnlyTheEngineApisDeployedForms() {
        assertThat(FormChoicesFilter.isDeployedForm("/engine-rest/process-definition/rectification:3:7/deployed-start-form"))
                .isTrue();
        assertThat(FormChoicesFilter.isDeployedForm("/camunda/api/engine/engine/default/process-definition/key/"
                + "rectification/deployed-start-form")).isTrue();
        assertThat(FormChoicesFilter.isDeployedForm("/engine-rest/task/42/deployed-form")).isTrue();
        assertThat(FormChoicesFilter.isDeployedForm("/engine-rest/task/42/form-variables")).isFalse();
        assertThat(FormChoicesFilter.isDeployedForm("/api/problems/deployed-start-form")).isFalse();
    }
}
