package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

/** The organisation API, its CSV import and its mirror in Camunda's users and groups. */
class OrganisationIT extends ItSupport {

    private final Fixtures fx = new Fixtures(this, "first-pass-1");

    @Autowired
    IdentityService identity;

    @Test
    void shouldCreateReadAndUpdateAUnit() {
        String code = "U" + unique();
        Http.Response created = admin().postJson("/api/org/units",
                Map.of("code", code, "name", "城西派出所", "kind", "STATION"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("name").asText()).isEqualTo("城西派出所");

        assertThat(admin().get("/api/org/units/" + code).json().path("kind").asText()).isEqualTo("STATION");
        assertThat(identity.createGroupQuery().groupId("unit_" + code).singleResult().getName()).isEqualTo("城西派出所");

        Http.Response updated = admin().putJson("/api/org/units/" + code,
                Map.of("code", code, "name", "城西新区派出所", "kind", "STATION"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(identity.createGroupQuery().groupId("unit_" + code).singleResult().getName()).isEqualTo("城西新区派出所");
        assertThat(admin().postJson("/api/org/units", Map.of("code", code, "name", "重复", "kind", "STATION")).status())
                .isEqualTo(409);
        assertThat(admin().get("/api/org/units/NOPE" + code).status()).isEqualTo(404);
    }

    @Test
    void shouldNameTheFieldThatIsWrong() {
        Http.Response badKind = admin().postJson("/api/org/units", Map.of("code", "X" + unique(), "name", "某所", "kind", "PLANET"));
        assertThat(badKind.status()).isEqualTo(400);
        assertThat(badKind.json().path("errors").get(0).path("field").asText()).isEqualTo("kind");

        Http.Response badParent = admin().postJson("/api/org/units",
                Map.of("code", "X" + unique(), "name", "某所", "kind", "STATION", "parentCode", "NOWHERE"));
        assertThat(badParent.status()).isEqualTo(400);
        assertThat(badParent.json().path("errors").get(0).path("field").asText()).isEqualTo("parentCode");

        Http.Response badRole = admin().postJson("/api/org/officers", Map.of("officerNo", "N" + unique(), "name", "某人",
                "unitCode", "NOWHERE", "roles", List.of("GENERAL"), "password", "secret-123"));
        assertThat(badRole.status()).isEqualTo(400);
        assertThat(badRole.json().path("errors").get(0).path("field").asText()).startsWith("roles");

        Http.Response badUnit = admin().postJson("/api/org/officers", Map.of("officerNo", "N" + unique(), "name", "某人",
                "unitCode", "NOWHERE", "roles", List.of("OFFICER"), "password", "secret-123"));
        assertThat(badUnit.status()).isEqualTo(400);
        assertThat(badUnit.json().path("errors").get(0).path("field").asText()).isEqualTo("unitCode");

        Http.Response broken = admin().postRaw("/api/org/units", "application/json", "{\"code\": ".getBytes());
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().path("errors").get(0).path("field").asText()).isEqualTo("body");
    }

    @Test
    void shouldKeepTheOfficerInStepWithCamunda() {
        String unit1 = "S" + unique();
        String unit2 = "S" + unique();
        fx.unit(unit1, "一所", "STATION");
        fx.unit(unit2, "二所", "STATION");
        String no = "P" + unique();
        Http.Response created = admin().postJson("/api/org/officers", Map.of("officerNo", no, "name", "李明",
                "unitCode", unit1, "roles", List.of("OFFICER", "UNIT_HEAD"), "dingtalkUserId", "dt-" + no,
                "mobile", "13912345678", "password", "first-pass-1"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body()).doesNotContain("first-pass-1");
        assertThat(groupsOf(no)).containsExactlyInAnyOrder("unit_" + unit1, "head_" + unit1, "OFFICER", "UNIT_HEAD");
        assertThat(identity.checkPassword(no, "first-pass-1")).isTrue();

        Http.Response moved = admin().putJson("/api/org/officers/" + no, Map.of("officerNo", no, "name", "李明",
                "unitCode", unit2, "roles", List.of("OFFICER"), "mobile", "13912345678"));
        assertThat(moved.status()).isEqualTo(200);
        assertThat(groupsOf(no)).containsExactlyInAnyOrder("unit_" + unit2, "OFFICER");
        assertThat(identity.checkPassword(no, "first-pass-1")).as("no password given keeps it").isTrue();

        JsonNode read = as(no, "first-pass-1").get("/api/org/officers/" + no).json();
        assertThat(read.path("unitCode").asText()).isEqualTo(unit2);
        assertThat(read.path("mobile").asText()).isEqualTo("13912345678");
        assertThat(as(no, "first-pass-1").get("/api/org/officers").status()).isEqualTo(403);
        assertThat(as(no, "first-pass-1").postJson("/api/org/units", Map.of("code", "Z" + unique(), "name", "x",
                "kind", "OTHER")).status()).isEqualTo(403);

        admin().putJson("/api/org/officers/" + no, Map.of("officerNo", no, "name", "李明", "unitCode", unit2,
                "roles", List.of("OFFICER"), "active", false));
        assertThat(groupsOf(no)).isEmpty();
        assertThat(as(no, "first-pass-1").get("/api/org/units").status()).isEqualTo(401);
    }

    @Test
    void shouldImportUnitsAndOfficersFromCsvIncludingGbk() {
        String u = unique();
        String units = "code,name,parent_code,kind\n"
                + "C" + u + ",城东派出所,B" + u + ",STATION\n"
                + "B" + u + ",测试分局,,BUREAU\n";
        Http.Response imported = admin().postCsv("/api/org/units/import", "\uFEFF" + units);
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().path("created").asInt()).isEqualTo(2);
        assertThat(admin().get("/api/org/units/C" + u).json().path("parentCode").asText()).isEqualTo("B" + u);

        String officers = "name,officer_no,unit_code,roles,mobile,password\n"
                + "王五,W" + u + ",C" + u + ",OFFICER|UNIT_HEAD,13700000000,gbk-pass-1\n";
        Http.Response gbk = admin().postCsv("/api/org/officers/import", officers, Charset.forName("GBK"));
        assertThat(gbk.status()).isEqualTo(200);
        assertThat(admin().get("/api/org/officers/W" + u).json().path("name").asText()).isEqualTo("王五");
        assertThat(groupsOf("W" + u)).containsExactlyInAnyOrder("unit_C" + u, "head_C" + u, "OFFICER", "UNIT_HEAD");

        Http.Response again = admin().postCsv("/api/org/units/import", units);
        assertThat(again.json().path("updated").asInt()).isEqualTo(2);
    }

    @Test
    void shouldImportNothingWhenOneRowIsBad() {
        String u = unique();
        StringBuilder csv = new StringBuilder("officer_no,name,unit_code,roles,password\n");
        fx.unit("G" + u, "好所", "STATION");
        for (int i = 1; i <= 20; i++) {
            String unit = i == 13 ? "MISSING" + u : "G" + u;
            String roles = i == 17 ? "OFFICER|SHERIFF" : "OFFICER";
            csv.append("Q").append(u).append(i).append(",民警").append(i).append(',').append(unit).append(',')
                    .append(roles).append(",pass-word-1\n");
        }
        Http.Response response = admin().postCsv("/api/org/officers/import", csv.toString());
        assertThat(response.status()).isEqualTo(400);
        JsonNode errors = response.json().path("errors");
        assertThat(errors).hasSize(2);
        assertThat(errors.get(0).path("line").asInt()).isEqualTo(14);
        assertThat(errors.get(0).path("field").asText()).isEqualTo("unit_code");
        assertThat(errors.get(1).path("line").asInt()).isEqualTo(18);
        assertThat(errors.get(1).path("field").asText()).isEqualTo("roles");
        assertThat(admin().get("/api/org/officers?unitCode=G" + u).json()).isEmpty();
        assertThat(identity.createUserQuery().userId("Q" + u + "1").count()).isZero();
    }

    @Test
    void shouldRefuseACsvThatIsNotUtf8AsDeclared() {
        String csv = "code,name,kind\nE" + unique() + ",东城派出所,STATION\n";
        Http.Response response = admin().postRaw("/api/org/units/import", "text/csv",
                csv.getBytes(Charset.forName("GBK")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").get(0).path("line").asInt()).isEqualTo(2);
    }

    private List<String> groupsOf(String userId) {
        return identity.createGroupQuery().groupMember(userId).list().stream().map(g -> g.getId()).toList();
    }
}
