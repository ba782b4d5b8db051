package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The channels (问题来源) as data: GET /api/reference/sources lists every channel with its
 * kind, whether it is active and whether it calls back; an administrator creates, renames,
 * deactivates and reactivates one with PUT /api/admin/sources/{code}, never deletes one; a
 * new problem (API, problem page, Tasklist start form) may name only an active channel, and
 * an old problem keeps showing its channel's name.
 */
class SourcesIT extends ItSupport {

    private static final String PASSWORD = "sources-pass-1";
    private static final Set<String> KINDS = Set.of("HOTLINE", "MAILBOX", "VISIT", "ONLINE", "INTERNAL", "JUDICIAL",
            "MEDIA", "OTHER");
    private static final String START = "/camunda/api/engine/engine/default/process-definition/key/rectification/"
            + "submit-form";

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    private String station;
    private String legal;
    private String officer;

    @BeforeEach
    void aStationAndALegalOfficer() {
        String u = unique();
        station = fx.unit("SS" + u, "渠道派出所" + u, "STATION");
        legal = fx.officer("SL" + u, fx.unit("SF" + u, "渠道法制大队" + u, "LEGAL"), "LEGAL_OFFICER");
        officer = fx.officer("SO" + u, station, "OFFICER");
    }

    private JsonNode sources(String user) {
        Http.Response response = fx.as(user).get("/api/reference/sources");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode channel(String code) {
        for (JsonNode channel : sources(officer)) {
            if (code.equals(channel.path("code").asText())) {
                return channel;
            }
        }
        throw new AssertionError("no channel " + code);
    }

    private Http.Response put(Http by, String code, Map<String, Object> body) {
        return by.putJson("/api/admin/sources/" + code, body);
    }

    private Http.Response registerWith(String code, String title) {
        return fx.as(legal).postJson("/api/problems", Fixtures.problem(code, station, null, title, "经由该渠道反映的问题。"));
    }

    private static List<String> fields(Http.Response refused) {
        List<String> fields = new ArrayList<>();
        refused.json().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private List<String> startFormSources() {
        JsonNode form = fx.as(legal).get("/engine-rest/process-definition/key/rectification/deployed-start-form").json();
        for (JsonNode component : form.path("components")) {
            if ("source".equals(component.path("key").asText())) {
                return component.path("values").findValuesAsText("value");
            }
        }
        throw new AssertionError("no source field in " + form);
    }

    @Test
    void shouldListTheSeedBureausChannelsWithTheirKindsAndCallbackRule() {
        JsonNode all = sources(officer);

        assertThat(all.size()).isGreaterThanOrEqualTo(22);
        List<String> names = new ArrayList<>();
        for (JsonNode c : all) {
            assertThat(c.path("code").asText()).matches("[A-Z0-9_]{2,40}");
            assertThat(c.path("name").asText()).isNotBlank();
            assertThat(c.path("kind").asText()).isIn(KINDS);
            assertThat(c.path("active").isBoolean()).as("%s", c).isTrue();
            assertThat(c.path("callback").isBoolean()).as("%s", c).isTrue();
            names.add(c.path("name").asText());
        }
        for (String channel : List.of("12345", "12389", "110接处警", "民意中心", "局长信箱", "来信", "来访", "网上信访",
                "纪委", "检察监督", "法院司法建议", "复议诉讼", "人大代表建议", "政协委员提案", "舆情", "网上督察",
                "视频巡查", "案件审核", "执法评议", "警务回访", "日常督察", "审计")) {
            assertThat(names).as("a channel named like %s", channel).anyMatch(n -> n.contains(channel));
        }
        // the codes problems already name keep their names; the kinds and the callback rule
        assertThat(channel("HOTLINE_12345").path("name").asText()).isEqualTo("12345政务服务热线");
        assertThat(channel("HOTLINE_12345").path("kind").asText()).isEqualTo("HOTLINE");
        assertThat(channel("HOTLINE_12345").path("callback").asBoolean()).isTrue();
        assertThat(channel("CHIEF_MAILBOX").path("kind").asText()).isEqualTo("MAILBOX");
        assertThat(channel("PUBLIC_VISIT").path("kind").asText()).isEqualTo("VISIT");
        assertThat(channel("MEDIA").path("callback").asBoolean()).isTrue();
        assertThat(channel("PROCURATORIAL_SUPERVISION").path("kind").asText()).isEqualTo("JUDICIAL");
        assertThat(channel("PROCURATORIAL_SUPERVISION").path("callback").asBoolean()).isFalse();
        assertThat(channel("DAILY_INSPECTION").path("kind").asText()).isEqualTo("INTERNAL");
        assertThat(channel("DAILY_INSPECTION").path("callback").asBoolean()).isFalse();
        assertThat(channel("RULE_WARNING").path("active").asBoolean()).isTrue();
    }

    @Test
    void shouldCreateRenameDeactivateAndReactivateAChannelThatNewProblemsNameOnlyWhileActive() {
        String u = unique();
        String code = "SRC_" + u;

        Http.Response created = put(admin(), code, Map.of("name", "新渠道" + u, "kind", "ONLINE"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().path("code").asText()).isEqualTo(code);
        assertThat(created.json().path("active").asBoolean()).isTrue();
        assertThat(created.json().path("callback").asBoolean()).as("an online channel calls back").isTrue();
        assertThat(channel(code).path("name").asText()).isEqualTo("新渠道" + u);
        assertThat(startFormSources()).contains(code);
        assertThat(fx.as(legal).get("/problems/new").body()).contains("value=\"" + code + "\"");
        Http.Response registered = registerWith(code, "新渠道反映的问题" + u);
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        long old = registered.json().path("id").asLong();

        Http.Response renamed = put(admin(), code, Map.of("name", "改名渠道" + u, "kind", "ONLINE", "active", true,
                "callback", false));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        assertThat(renamed.json().path("name").asText()).isEqualTo("改名渠道" + u);
        assertThat(channel(code).path("callback").asBoolean()).isFalse();

        Http.Response deactivated = put(admin(), code, Map.of("name", "改名渠道" + u, "kind", "ONLINE", "active", false,
                "callback", false));
        assertThat(deactivated.status()).as(deactivated.body()).isEqualTo(200);
        assertThat(deactivated.json().path("active").asBoolean()).isFalse();
        // still listed, so old problems keep their channel's name
        assertThat(channel(code).path("active").asBoolean()).isFalse();
        JsonNode oldProblem = fx.problem(legal, old);
        assertThat(oldProblem.path("source").asText()).isEqualTo(code);
        assertThat(oldProblem.path("sourceName").asText()).isEqualTo("改名渠道" + u);
        assertThat(fx.as(legal).get("/problems/" + old).body()).contains("改名渠道" + u);

        long before = jdbc.queryForObject("SELECT COUNT(*) FROM problem", Long.class);
        Http.Response refused = registerWith(code, "停用渠道的问题" + u);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("source");
        assertThat(refused.json().path("detail").asText()).contains("问题来源已停用", "改名渠道" + u);
        // the problem page and the Tasklist's start form neither offer nor take it
        assertThat(fx.as(legal).get("/problems/new").body()).doesNotContain("value=\"" + code + "\"");
        assertThat(startFormSources()).doesNotContain(code).contains("HOTLINE_12345");
        Map<String, String> page = new HashMap<>(Map.of("source", code, "category", "CASE_FILING",
                "unitCode", station, "title", "页面登记停用渠道" + u, "description", "经由停用渠道。"));
        Http.Response pageRefused = fx.as(legal).postForm("/problems/new", page);
        assertThat(pageRefused.status()).isEqualTo(400);
        assertThat(pageRefused.body()).contains("id=\"error-source\"", "问题来源已停用");
        Map<String, Object> variables = new HashMap<>();
        variables.put("source", Map.of("value", code));
        variables.put("category", Map.of("value", "CASE_FILING"));
        variables.put("unitCode", Map.of("value", station));
        variables.put("title", Map.of("value", "任务列表登记停用渠道" + u));
        variables.put("description", Map.of("value", "经由停用渠道。"));
        variables.put("sensitive", Map.of("value", false));
        Http.Response startRefused = fx.tasklist(legal).postJson(START, Map.of("variables", variables));
        assertThat(startRefused.status()).as(startRefused.body()).isEqualTo(400);
        assertThat(startRefused.json().path("errors").get(0).path("field").asText()).isEqualTo("source");
        assertThat(startRefused.body()).contains("问题来源已停用");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM problem", Long.class)).isEqualTo(before);

        Http.Response reactivated = put(admin(), code, Map.of("name", "改名渠道" + u, "kind", "ONLINE", "active", true));
        assertThat(reactivated.status()).as(reactivated.body()).isEqualTo(200);
        assertThat(channel(code).path("active").asBoolean()).isTrue();
        assertThat(startFormSources()).contains(code);
        assertThat(registerWith(code, "重新启用后的问题" + u).status()).isEqualTo(201);
    }

    @Test
    void shouldLetOnlyTheAdministratorChangeChannelsAndNeverDeleteOne() {
        String before = channel("HOTLINE_12345").toString();
        for (String user : List.of(legal, officer)) {
            Http.Response refused = put(fx.as(user), "HOTLINE_12345", Map.of("name", "被改的热线", "kind", "HOTLINE"));
            assertThat(refused.status()).isEqualTo(403);
            String code = "NOADMIN_" + unique();
            assertThat(put(fx.as(user), code, Map.of("name", "非管理员新增", "kind", "OTHER")).status()).isEqualTo(403);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ref_source WHERE code = ?", Long.class, code)).isZero();
            assertThat(fx.as(user).delete("/api/admin/sources/HOTLINE_12345").status()).isEqualTo(403);
        }
        Http.Response delete = admin().delete("/api/admin/sources/HOTLINE_12345");
        assertThat(delete.status()).as(delete.body()).isEqualTo(405);
        assertThat(channel("HOTLINE_12345").toString()).isEqualTo(before);
    }

    @Test
    void shouldNeverDeactivateTheRulesOwnChannel() {
        String before = channel("RULE_WARNING").toString();
        Http.Response refused = put(admin(), "RULE_WARNING", Map.of("name", "规则预警", "kind", "INTERNAL", "active", false));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(fields(refused)).containsExactly("active");
        assertThat(refused.body()).contains("不能停用");
        assertThat(channel("RULE_WARNING").toString()).isEqualTo(before);
    }

    @Test
    void shouldRefuseABadChannelNamingTheFieldInChineseAndChangeNothing() {
        String u = unique();
        String code = "BAD_" + u;
        assertThat(put(admin(), code, Map.of("name", "原名" + u, "kind", "MAILBOX")).status()).isEqualTo(201);
        String before = channel(code).toString();
        long count = jdbc.queryForObject("SELECT COUNT(*) FROM ref_source", Long.class);

        record Bad(String code, Map<String, Object> body, String field, String words) {
        }
        List<Bad> bad = List.of(
                new Bad(code, Map.of("name", "", "kind", "MAILBOX"), "name", "渠道名称不能为空"),
                new Bad(code, Map.of("kind", "MAILBOX"), "name", "渠道名称不能为空"),
                new Bad(code, Map.of("name", "名".repeat(101), "kind", "MAILBOX"), "name", "渠道名称最长100字"),
                new Bad(code, Map.of("name", "换\n行", "kind", "MAILBOX"), "name", "渠道名称不能含"),
                new Bad(code, Map.of("name", "响\u0007铃", "kind", "MAILBOX"), "name", "渠道名称不能含"),
                new Bad(code, Map.of("name", "新名", "kind", "CARRIER_PIGEON"), "kind", "渠道类型无效"),
                new Bad(code, Map.of("name", "新名"), "kind", "渠道类型不能为空"),
                new Bad(code, Map.of("name", "新名", "kind", "MAILBOX", "active", "maybe"), "active", null),
                new Bad("bad_" + u.toLowerCase(), Map.of("name", "小写代码", "kind", "OTHER"), "code", "渠道代码"),
                new Bad("X", Map.of("name", "太短", "kind", "OTHER"), "code", "渠道代码"),
                new Bad("C".repeat(41), Map.of("name", "太长", "kind", "OTHER"), "code", "渠道代码"),
                new Bad("NEW-" + u, Map.of("name", "横线", "kind", "OTHER"), "code", "渠道代码"));
        for (Bad b : bad) {
            Http.Response refused = put(admin(), b.code(), b.body());
            assertThat(refused.status()).as("%s: %s", b, refused.body()).isEqualTo(400);
            assertThat(fields(refused)).as("%s", b).contains(b.field());
            assertThat(refused.json().path("detail").asText()).as("%s", b).containsPattern("\\p{IsHan}");
            if (b.words() != null) {
                assertThat(refused.json().path("detail").asText()).as("%s", b).contains(b.words());
            }
        }
        assertThat(channel(code).toString()).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ref_source", Long.class)).isEqualTo(count);
    }
}
