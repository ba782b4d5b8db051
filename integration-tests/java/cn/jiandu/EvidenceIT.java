package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.evidence.EvidenceSamples;
import cn.jiandu.evidence.EvidenceService;

/**
 * Evidence of a rectification (整改佐证材料) over HTTP: multipart uploads judged by their
 * content, all or nothing; lists and downloads seen as the problem is; withdrawal before the
 * review only; nothing added to a closed problem. (jiandu.evidence.max-file-size is 1 MB in
 * the integration tests' profile.)
 */
class EvidenceIT extends ItSupport {

    private static final String PASSWORD = "evidence-pass-1";

    private final Fixtures fx = new Fixtures(this, PASSWORD);
    static final String BOUNDARY = "----JianduEvidenceBoundary7MA4YWxk";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EvidenceService evidence;

    private String head;
    private String officer;
    private String stranger;
    private String legal;
    private String inspector;
    private String station;
    private long problem;

    @BeforeEach
    void aStationWithAProblem() {
        String u = unique();
        station = fx.unit("ES" + u, "佐证测试派出所" + u, "STATION");
        String other = fx.unit("EO" + u, "佐证邻近派出所" + u, "STATION");
        String legalUnit = fx.unit("EL" + u, "佐证法制大队" + u, "LEGAL");
        head = fx.officer("EH" + u, station, "UNIT_HEAD");
        officer = fx.officer("EP" + u, station, "OFFICER");
        stranger = fx.officer("EX" + u, other, "OFFICER");
        legal = fx.officer("EL" + u, legalUnit, "LEGAL_OFFICER");
        inspector = fx.officer("ED" + u, legalUnit, "DISCIPLINE_INSPECTOR");
        problem = fx.register(legal, Fixtures.problem("HOTLINE_12345", station, officer, "受案回执未开具",
                "群众反映报警后未收到受案回执。")).path("id").asLong();
    }

    private Http as(String user) {
        return fx.as(user);
    }

    // ---- multipart by hand ------------------------------------------------------------

    record Part(String name, String fileName, String contentType, byte[] content) {
        static Part file(String fileName, byte[] content) {
            return new Part("file", fileName, "application/octet-stream", content);
        }

        static Part text(String name, String value) {
            return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    static byte[] multipart(List<Part> parts) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Part part : parts) {
            StringBuilder head = new StringBuilder("--" + BOUNDARY + "\r\n")
                    .append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
            if (part.fileName() != null) {
                head.append("; filename=\"").append(part.fileName()).append('"');
            }
            head.append("\r\n");
            if (part.contentType() != null) {
                head.append("Content-Type: ").append(part.contentType()).append("\r\n");
            }
            head.append("\r\n");
            body.writeBytes(head.toString().getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.content());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private Http.Response upload(String user, long problemId, Part... parts) {
        return as(user).postRaw("/api/problems/" + problemId + "/evidence", "multipart/form-data; boundary=" + BOUNDARY,
                multipart(List.of(parts)));
    }

    private JsonNode list(String user) {
        Http.Response response = as(user).get("/api/problems/" + problem + "/evidence");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    /** The download's bytes as they came (Http.Response keeps text only). */
    private HttpResponse<byte[]> download(String user, long evidenceId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/evidence/" + evidenceId))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private long stored() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM evidence WHERE problem_id = ?", Long.class, problem);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<String> fileErrors(Http.Response response) {
        List<String> messages = new ArrayList<>();
        response.json().path("errors").forEach(e -> messages.add(e.path("field").asText() + ": " + e.path("message").asText()));
        return messages;
    }

    // ---- the tests --------------------------------------------------------------------

    @Test
    void shouldUploadListAndDownloadAsTheUnitsOfficer() throws Exception {
        byte[] pdf = EvidenceSamples.pdf();
        byte[] png = EvidenceSamples.png();

        Http.Response response = upload(officer, problem, Part.file("整改报告.pdf", pdf), Part.file("现场照片.bin", png),
                Part.text("note", "已补开受案回执"));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode items = response.json();
        assertThat(items).hasSize(2);
        JsonNode first = items.get(0);
        assertThat(first.path("fileName").asText()).isEqualTo("整改报告.pdf");
        assertThat(first.path("contentType").asText()).isEqualTo("application/pdf");
        assertThat(first.path("size").asLong()).isEqualTo(pdf.length);
        assertThat(first.path("sha256").asText()).isEqualTo(sha256(pdf));
        assertThat(first.path("note").asText()).isEqualTo("已补开受案回执");
        assertThat(first.path("uploadedBy").asText()).isEqualTo(officer);
        assertThat(first.path("uploadedAt").asText()).endsWith("+08:00");
        assertThat(first.path("withdrawn").asBoolean()).isFalse();
        assertThat(items.get(1).path("contentType").asText()).isEqualTo("image/png");
        assertThat(items.get(1).path("sha256").asText()).isEqualTo(sha256(png));

        // listed oldest first, for the unit and the legal department
        JsonNode listed = list(officer);
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("id").asLong()).isEqualTo(first.path("id").asLong());
        assertThat(list(legal)).hasSize(2);
        assertThat(list(inspector)).hasSize(2);
        assertThat(evidence.hasEvidence(problem)).isTrue();
        assertThat(evidence.list(problem)).hasSize(2);

        // downloaded as stored, never to be sniffed or run by the browser
        HttpResponse<byte[]> file = download(officer, first.path("id").asLong());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).isEqualTo(pdf);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(file.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(file.headers().firstValue("Content-Disposition")).hasValue(
                "attachment; filename=\"____.pdf\"; filename*=UTF-8''%E6%95%B4%E6%94%B9%E6%8A%A5%E5%91%8A.pdf");
        HttpResponse<byte[]> image = download(legal, items.get(1).path("id").asLong());
        assertThat(image.body()).isEqualTo(png);
        assertThat(image.headers().firstValue("Content-Type")).hasValue("image/png");

        // the timeline says what was uploaded
        JsonNode timeline = as(legal).get("/api/problems/" + problem).json().path("timeline");
        List<String> entries = StreamSupport.stream(timeline.spliterator(), false)
                .filter(e -> "EVIDENCE".equals(e.path("kind").asText())).map(e -> e.path("detail").asText()).toList();
        assertThat(entries).containsExactly("上传整改佐证材料：整改报告.pdf（" + pdf.length + " B）",
                "上传整改佐证材料：现场照片.bin（" + png.length + " B）");
    }

    @Test
    void shouldHideTheEvidenceFromAnotherUnitsOfficer() throws Exception {
        long id = Fixtures.created(upload(officer, problem, Part.file("a.pdf", EvidenceSamples.pdf()))).json().get(0).path("id").asLong();

        assertThat(as(stranger).get("/api/problems/" + problem + "/evidence").status()).isEqualTo(404);
        assertThat(download(stranger, id).statusCode()).isEqualTo(404);
        assertThat(upload(stranger, problem, Part.file("b.pdf", EvidenceSamples.pdf())).status()).isEqualTo(404);
        assertThat(as(stranger).postJson("/api/evidence/" + id + "/withdraw", Map.of()).status()).isEqualTo(404);
        // the discipline inspector sees it, but uploads nothing: not the unit, not the legal department
        Http.Response inspectorUpload = upload(inspector, problem, Part.file("c.pdf", EvidenceSamples.pdf()));
        assertThat(inspectorUpload.status()).as(inspectorUpload.body()).isEqualTo(403);
        assertThat(inspectorUpload.json().path("detail").asText()).containsPattern("\\p{IsHan}");
        assertThat(stored()).isEqualTo(1);
    }

    @Test
    void shouldRefuseWhatIsNotAcceptedNamingTheFileAndStoreNothing() {
        Map<String, Part> refused = Map.of(
                "renamed executable", Part.file("整改报告.pdf", EvidenceSamples.exe()),
                "zip bomb named docx", Part.file("整改报告.docx", EvidenceSamples.zipBomb()),
                "text named jpg", Part.file("现场照片.jpg", EvidenceSamples.text()),
                "empty file", Part.file("空文件.pdf", new byte[0]),
                "over the limit (1 MB in the tests)", Part.file("大文件.pdf",
                        EvidenceSamples.concatenated(EvidenceSamples.pdf(), new byte[1024 * 1024])));
        refused.forEach((what, part) -> {
            Http.Response response = upload(officer, problem, part);
            assertThat(response.status()).as("%s: %s", what, response.body()).isIn(400, 413);
            assertThat(response.headers().get("Content-Type")).as(what)
                    .anySatisfy(t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(fileErrors(response)).as(what).anySatisfy(e -> assertThat(e).startsWith("file: ")
                    .contains(part.fileName()).containsPattern("\\p{IsHan}"));
        });

        // one good file beside a bad one: neither is stored
        Http.Response mixed = upload(officer, problem, Part.file("good.pdf", EvidenceSamples.pdf()),
                Part.file("bad.pdf", EvidenceSamples.exe()));
        assertThat(mixed.status()).as(mixed.body()).isEqualTo(400);
        assertThat(mixed.json().path("detail").asText()).contains("bad.pdf");

        // eleven files: one too many
        Part[] eleven = new Part[11];
        for (int i = 0; i < eleven.length; i++) {
            eleven[i] = Part.file("p" + i + ".png", EvidenceSamples.png());
        }
        Http.Response tooMany = upload(officer, problem, eleven);
        assertThat(tooMany.status()).as(tooMany.body()).isEqualTo(400);
        assertThat(fileErrors(tooMany)).anySatisfy(e -> assertThat(e).startsWith("file: ").contains("10"));

        // no file at all
        assertThat(upload(officer, problem, Part.text("note", "只有说明")).status()).isEqualTo(400);

        assertThat(stored()).isZero();
        assertThat(list(officer)).isEmpty();
        assertThat(evidence.hasEvidence(problem)).isFalse();
    }

    @Test
    void shouldCleanAPathOutOfTheFileName() {
        JsonNode items = Fixtures.created(upload(officer, problem, Part.file("../../etc/passwd.pdf", EvidenceSamples.pdf()),
                Part.file("C:\\\\Users\\\\民警\\\\报告.png", EvidenceSamples.png()))).json();

        assertThat(items.get(0).path("fileName").asText()).isEqualTo("passwd.pdf");
        assertThat(items.get(1).path("fileName").asText()).isEqualTo("报告.png");
    }

    @Test
    void shouldWithdrawBeforeTheReviewAndOnlyAddOnceItStarted() throws Exception {
        long early = Fixtures.created(upload(officer, problem, Part.file("旧照片.jpg", EvidenceSamples.jpeg()))).json().get(0)
                .path("id").asLong();
        long byLegal = Fixtures.created(upload(legal, problem, Part.file("法制核查.pdf", EvidenceSamples.pdf()))).json().get(0)
                .path("id").asLong();

        // withdrawn before the review: kept, listed as withdrawn, no longer evidence
        Http.Response withdrawn = as(officer).postJson("/api/evidence/" + early + "/withdraw", Map.of());
        assertThat(withdrawn.status()).as(withdrawn.body()).isEqualTo(200);
        assertThat(withdrawn.json().path("withdrawn").asBoolean()).isTrue();
        assertThat(withdrawn.json().path("withdrawnBy").asText()).isEqualTo(officer);
        assertThat(withdrawn.json().path("withdrawnAt").asText()).isNotBlank();
        assertThat(as(officer).postJson("/api/evidence/" + early + "/withdraw", Map.of()).status()).isEqualTo(409);
        // the unit withdraws only its own uploads
        assertThat(as(officer).postJson("/api/evidence/" + byLegal + "/withdraw", Map.of()).status()).isEqualTo(403);
        JsonNode listed = list(officer);
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).path("withdrawn").asBoolean()).isTrue();
        assertThat(listed.get(0).path("withdrawnBy").asText()).isEqualTo(officer);
        assertThat(download(officer, early).body()).isEqualTo(EvidenceSamples.jpeg());

        long kept = Fixtures.created(upload(officer, problem, Part.file("整改报告.pdf", EvidenceSamples.pdf()))).json().get(0)
                .path("id").asLong();

        // signed, rectified: the review starts
        fx.complete(head, problem, "Task_Sign", Map.of("signComment", "x"));
        fx.complete(officer, problem, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已补开受案回执"));
        assertThat(as(legal).get("/api/problems/" + problem).json().path("status").asText()).isEqualTo("REVIEWING");

        Http.Response late = as(officer).postJson("/api/evidence/" + kept + "/withdraw", Map.of());
        assertThat(late.status()).as(late.body()).isEqualTo(409);
        assertThat(late.json().path("detail").asText()).containsPattern("\\p{IsHan}");
        assertThat(as(legal).postJson("/api/evidence/" + byLegal + "/withdraw", Map.of()).status()).isEqualTo(409);
        // added to during the review
        assertThat(upload(officer, problem, Part.file("补充.png", EvidenceSamples.png())).status()).isEqualTo(201);
        assertThat(list(legal)).hasSize(4);

        // approved and closed: nothing more
        fx.complete(legal, problem, "Task_Review", Map.of("reviewDecision", "APPROVE"));
        assertThat(as(legal).get("/api/problems/" + problem).json().path("status").asText()).isEqualTo("CLOSED");
        Http.Response closed = upload(officer, problem, Part.file("迟到.pdf", EvidenceSamples.pdf()));
        assertThat(closed.status()).as(closed.body()).isEqualTo(409);
        assertThat(stored()).isEqualTo(4);
    }

    @Test
    void shouldRefuseRectificationDoneWithoutEvidenceUntilItIsUploaded() {
        fx.complete(head, problem, "Task_Sign", Map.of("signComment", "已签收"));
        String rectify = fx.taskId(officer, problem, "Task_Rectify");
        Http.Response bare = as(officer).postJson("/engine-rest/task/" + rectify + "/complete",
                Fixtures.variables("rectifyOutcome", "DONE", "rectificationReport", "已补开受案回执"));
        assertThat(bare.status()).as(bare.body()).isEqualTo(400);
        assertThat(bare.json().path("message").asText()).contains("佐证材料", "任务仍待办理");
        assertThat(bare.json().path("errors").get(0).path("field").asText()).isEqualTo("rectifyOutcome");
        assertThat(as(legal).get("/api/problems/" + problem).json().path("status").asText()).isEqualTo("RECTIFYING");
        // a wait for a superior's instruction needs none
        Http.Response wait = as(officer).postJson("/engine-rest/task/" + rectify + "/complete",
                Fixtures.variables("rectifyOutcome", "WAIT", "pauseReason", "AWAIT_EXTERNAL", "pauseDetail", "等待鉴定"));
        assertThat(wait.status()).as(wait.body()).isEqualTo(204);
        fx.complete(fx.officer("EC" + unique(), station.replace("ES", "EL"), "LEGAL_CAPTAIN"), problem,
                "Task_ApprovePause", Map.of("pauseDecision", "REJECT", "pauseComment", "不予暂停"));
        Fixtures.created(upload(officer, problem, Part.file("整改照片.png", EvidenceSamples.png())));
        fx.complete(officer, problem, "Task_Rectify", Map.of("rectifyOutcome", "DONE", "rectificationReport", "已补开"));
        assertThat(as(legal).get("/api/problems/" + problem).json().path("status").asText()).isEqualTo("REVIEWING");
        // the reviewer's form lists it
        String review = fx.taskId(legal, problem, "Task_Review");
        JsonNode form = as(legal).get("/engine-rest/task/" + review + "/form-variables").json();
        assertThat(form.path("evidenceList").path("value").asText()).contains("整改照片.png", "/api/evidence/");
    }
}
