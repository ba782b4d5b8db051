package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.jiandu.document.Document;
import cn.jiandu.document.DocumentService;
import cn.jiandu.document.DocumentType;
import cn.jiandu.document.IssueCommand;

/**
 * Enforcement documents: numbers (文号), taken at commit, without gaps or duplicates under
 * concurrent issuing and after a rollback, the stored HTML, and who may read it. There is no issue
 * endpoint (the process issues documents), so the test issues through the service, each
 * issue in its own transaction, and reads through HTTP.
 */
class DocumentIT extends ItSupport {

    private static final String PASSWORD = "officer-pass-1";
    private static final Pattern NUMBER = Pattern.compile("示分(法建|法纠|法督)字〔(\\d{4})〕第(\\d{3,})号");

    private final Fixtures fx = new Fixtures(this, PASSWORD);

    @Autowired
    DocumentService documents;
    @Autowired
    PlatformTransactionManager transactionManager;

    private TransactionTemplate tx;
    private String unitA;
    private String unitB;
    private String officerA;
    private String officerB;

    @BeforeEach
    void twoStationsWithAnOfficerEach() {
        tx = new TransactionTemplate(transactionManager);
        String u = unique();
        unitA = "DA" + u;
        unitB = "DB" + u;
        fx.unit(unitA, "城关派出所" + u, "STATION");
        fx.unit(unitB, "东关派出所" + u, "STATION");
        officerA = fx.officer("DA" + u, "测试民警", unitA, "OFFICER", false);
        officerB = fx.officer("DB" + u, "测试民警", unitB, "OFFICER", false);
    }

    @Test
    void shouldNumberConcurrentIssuesWithoutGapsOrDuplicates() throws Exception {
        long problem = newProblemId();
        Document before = issue(command(problem, DocumentType.ADVICE, "受案登记表未开具受案回执"));
        int last = sequenceOf(before);

        int threads = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Document>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                String title = "并发下发测试" + i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return issue(command(problem, DocumentType.ADVICE, title));
                }));
            }
            start.countDown();
            List<Document> issued = new ArrayList<>();
            for (Future<Document> f : futures) {
                issued.add(f.get(120, TimeUnit.SECONDS));
            }

            assertThat(issued).extracting(Document::number).doesNotHaveDuplicates();
            assertThat(issued).extracting(DocumentIT::sequenceOf)
                    .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(last + 1, last + threads).boxed().toList());
            assertThat(issued).extracting(DocumentIT::yearOf).containsOnly(yearOf(before));
            assertThat(documents.forProblem(problem)).hasSize(threads + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void shouldTakeNoNumberForARolledBackIssue() {
        long problem = newProblemId();
        Document first = issue(command(problem, DocumentType.CORRECTION_NOTICE, "整改迟缓"));
        AtomicReference<Document> rolledBack = new AtomicReference<>();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            rolledBack.set(documents.issue(command(problem, DocumentType.CORRECTION_NOTICE, "将被回滚")));
            throw new IllegalStateException("the process step failed after issuing");
        })).hasMessageContaining("the process step failed");
        Document next = issue(command(problem, DocumentType.CORRECTION_NOTICE, "再次下发"));

        assertThat(DocumentService.isPendingNumber(rolledBack.get().number())).isTrue();
        assertThat(sequenceOf(next)).isEqualTo(sequenceOf(first) + 1);
        assertThat(documents.find(rolledBack.get().id())).isEmpty();
        assertThat(documents.forProblem(problem)).extracting(Document::id).containsExactly(first.id(), next.id());
    }

    @Test
    void shouldNumberAtCommitAndCompleteWhatQuotesTheNumber() {
        long problem = newProblemId();
        AtomicReference<String> numbered = new AtomicReference<>();

        Document issued = tx.execute(status -> {
            Document doc = documents.issue(command(problem, DocumentType.ADVICE, "提交时编号"));
            assertThat(DocumentService.isPendingNumber(doc.number())).isTrue();
            documents.whenNumbered(doc, numbered::set);
            assertThat(numbered.get()).as("not before the commit").isNull();
            return doc;
        });

        Document stored = documents.find(issued.id()).orElseThrow();
        assertThat(numbered.get()).isEqualTo(stored.number());
        assertThat(stored.number()).matches(NUMBER);
        assertThat(admin().get(stored.url()).body()).contains(stored.number()).doesNotContain("\uE000");
    }

    @Test
    void shouldRefuseToIssueOutsideATransaction() {
        assertThatThrownBy(() -> documents.issue(command(newProblemId(), DocumentType.ADVICE, "无事务")))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void shouldServeTheDocumentAsIssuedWithUserTextEscaped() {
        Document doc = issue(command(newProblemId(), DocumentType.SUPERVISION_ORDER, "<script>alert(1)</script>"));
        assertThat(doc.url()).isEqualTo("/api/documents/" + doc.id());
        assertThat(doc.title()).isEqualTo("关于“<script>alert(1)</script>”的执法问题督办单");

        Http.Response response = admin().get(doc.url());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("Content-Type")).singleElement().asString()
                .startsWith("text/html").containsIgnoringCase("charset=UTF-8");
        assertThat(response.headers().get("Content-Security-Policy")).singleElement().asString()
                .contains("default-src 'none'");
        assertThat(response.body())
                .contains(doc.number())
                .contains("执法问题督办单")
                .contains("示范市公安局示范分局")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;")
                .doesNotContain("<script>");
    }

    @Test
    void shouldShowADocumentOnlyToItsUnitAndBureauWideRoles() {
        long problem = newProblemId();
        Document doc = issue(command(problem, DocumentType.ADVICE, "警情未及时分流"));
        Http a = fx.as(officerA);
        Http b = fx.as(officerB);

        assertThat(a.get(doc.url()).status()).isEqualTo(200);
        Http.Response hidden = b.get(doc.url());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(hidden.body()).doesNotContain(doc.number());
        assertThat(b.get("/api/documents/" + Long.MAX_VALUE).status()).isEqualTo(404);

        JsonNode mine = a.get("/api/documents?problemId=" + problem).json();
        assertThat(mine).hasSize(1);
        assertThat(mine.get(0).path("number").asText()).isEqualTo(doc.number());
        assertThat(mine.get(0).path("type").asText()).isEqualTo("ADVICE");
        assertThat(mine.get(0).path("unitCode").asText()).isEqualTo(unitA);
        assertThat(OffsetDateTime.parse(mine.get(0).path("issuedAt").asText())).isEqualTo(doc.issuedAt());
        assertThat(b.get("/api/documents?problemId=" + problem).json()).isEmpty();
        assertThat(admin().get("/api/documents?problemId=" + problem).json()).hasSize(1);
        assertThat(anonymous().get(doc.url()).status()).isEqualTo(401);
    }

    /** Issues in a transaction of its own and returns the document as committed, numbered. */
    private Document issue(IssueCommand command) {
        long id = tx.execute(status -> documents.issue(command)).id();
        return documents.find(id).orElseThrow();
    }

    private IssueCommand command(long problem, DocumentType type, String title) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", title);
        model.put("description", "网上执法巡查发现该问题。");
        model.put("unitName", "城关派出所");
        model.put("officerName", "测试民警");
        model.put("category", "受立案");
        model.put("source", "网上执法巡查");
        model.put("deadline", OffsetDateTime.now().plusDays(5));
        model.put("repeatCount", 1);
        return new IssueCommand(problem, unitA, type, ADMIN, model);
    }

    private static long newProblemId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000_000L);
    }

    private static int sequenceOf(Document doc) {
        return Integer.parseInt(parse(doc).group(3));
    }

    private static int yearOf(Document doc) {
        return Integer.parseInt(parse(doc).group(2));
    }

    private static Matcher parse(Document doc) {
        Matcher m = NUMBER.matcher(doc.number());
        assertThat(m.matches()).as("number %s", doc.number()).isTrue();
        return m;
    }
}
