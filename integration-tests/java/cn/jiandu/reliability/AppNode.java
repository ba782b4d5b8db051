package cn.jiandu.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * One Jiandu process started from the built jar, as production runs it (profile mysql, its
 * own port), on a scratch database and a fake DingTalk the test owns. Its output goes to
 * target/reliability/&lt;name&gt;.log. {@link #kill()} is SIGKILL; {@link #close()} stops it
 * (SIGTERM, then SIGKILL) whatever state it is in.
 */
final class AppNode implements AutoCloseable {

    static final String ADMIN = "reladmin";
    static final String ADMIN_PASSWORD = "rel-admin-secret";
    static final String APP_KEY = "rel-app-key";
    static final String APP_SECRET = "rel-app-secret-not-real";
    static final long AGENT_ID = 300000003L;
    /**
     * TEST ONLY: the nodes' personal-data key (jiandu.privacy.key), given as production gives
     * it, in the environment (JIANDU_PRIVACY_KEY); decodes to "jiandu-reliability-test-key-only".
     */
    static final String PRIVACY_KEY = "amlhbmR1LXJlbGlhYmlsaXR5LXRlc3Qta2V5LW9ubHk=";

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** Every process a test started: killed when the test JVM ends, whatever became of the test. */
    private static final java.util.Set<Process> STARTED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly),
                "kill-app-nodes"));
    }

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String authorization = "Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a node: {@code extra} are further --settings (job executor, timeouts); the node's
     * name is also Camunda's hostname, so the job log tells which node ran a job.
     */
    static AppNode start(String name, ScratchDatabase db, String dingtalkUrl, String... extra) {
        int port = freePort();
        Path dir = Path.of("target", "reliability");
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Duser.timezone=Asia/Shanghai", "-Dfile.encoding=UTF-8",
                "-jar", jar(),
                "--spring.profiles.active=mysql",
                "--server.port=" + port,
                "--jiandu.admin.username=" + ADMIN,
                "--jiandu.admin.password=" + ADMIN_PASSWORD,
                "--jiandu.clock.adjustable=true",
                "--jiandu.dingtalk.fake.enabled=false",
                "--jiandu.dingtalk.oapi-base-url=" + dingtalkUrl,
                "--jiandu.dingtalk.api-base-url=" + dingtalkUrl,
                "--jiandu.dingtalk.app-key=" + APP_KEY,
                "--jiandu.dingtalk.app-secret=" + APP_SECRET,
                "--jiandu.dingtalk.agent-id=" + AGENT_ID,
                "--jiandu.notification.poll-interval=PT0.5S",
                // a storm of thousands of messages and to-dos is far over the standard edition's
                // 5,000 metered calls a month, at which to-dos and cards would wait for next month
                "--jiandu.dingtalk.monthly-quota=1000000",
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--logging.level.root=WARN",
                "--logging.level.cn.jiandu=INFO",
                "--logging.level.cn.jiandu.document=WARN"));
        command.addAll(List.of(extra));
        try {
            Files.createDirectories(dir);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("JIANDU_DB_URL", db.jdbcUrl());
            builder.environment().put("JIANDU_DB_USERNAME", db.username());
            builder.environment().put("JIANDU_DB_PASSWORD", db.password());
            builder.environment().put("JIANDU_PRIVACY_KEY", PRIVACY_KEY);
            Files.writeString(log, "=== " + Instant.now() + " " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            Process process = builder.start();
            STARTED.add(process);
            return new AppNode(name, port, process, log);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + name, e);
        }
    }

    private static String jar() {
        String jar = System.getProperty("it.jar", "target/jiandu-0.1.0-SNAPSHOT.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("The app's jar is missing (" + jar + "): run through mvn verify");
        }
        return jar;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    /** Waits until health is UP; fails at once, with the end of its log, when the process died. */
    AppNode awaitUp(Duration timeout) {
        long until = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < until) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n" + tail());
            }
            if (health().status() == 200) {
                return this;
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException(name + " not up within " + timeout + ":\n" + tail());
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye; waits until the process is gone. */
    void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Lines of this run's log (since the node was started) that contain {@code text}. */
    List<String> logLines(String text) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            int from = 0;
            for (int i = lines.size() - 1; i >= 0; i--) {
                if (lines.get(i).startsWith("=== ")) {
                    from = i;
                    break;
                }
            }
            return lines.subList(from, lines.size()).stream().filter(l -> l.contains(text)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    // ---- HTTP -------------------------------------------------------------------------

    record Response(int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("Not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** Where DingTalk posts card callbacks to this node (callback mode HTTP). */
    String callbackUrl() {
        return "http://127.0.0.1:" + port + "/api/dingtalk/callback";
    }

    /** Health without a login, as a load balancer asks; status -1 when the node does not answer. */
    Response health() {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/actuator/health"))
                    .timeout(Duration.ofSeconds(15)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Response(-1, e.toString());
        }
    }

    Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization).GET());
    }

    Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(write(body), StandardCharsets.UTF_8)));
    }

    Response postCsv(String path, String csv) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", authorization)
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)));
    }

    /** Moves this node's clock (and Camunda's); the offset is stored for nodes started later. */
    void setClock(Instant now) {
        Response r = post("/api/admin/clock", java.util.Map.of("now", now.toString()));
        if (r.status() != 200) {
            throw new IllegalStateException(name + ": clock not moved: " + r);
        }
    }

    /** A counter of the node's Prometheus metrics, summed over its tags (0 when absent). */
    double counter(String metric) {
        Response r = get("/actuator/prometheus");
        if (r.status() != 200) {
            throw new IllegalStateException(name + ": no metrics: " + r.status());
        }
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(r.body());
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    /** A counter of the node's metrics summed over the series whose tag {@code tag} is one of {@code values}. */
    double counter(String metric, String tag, java.util.Set<String> values) {
        Response r = get("/actuator/prometheus");
        if (r.status() != 200) {
            throw new IllegalStateException(name + ": no metrics: " + r.status());
        }
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(metric) + "\\{([^}]*)\\} ([0-9.eE+-]+)$").matcher(r.body());
        Pattern tagged = Pattern.compile("(?:^|,)" + Pattern.quote(tag) + "=\"([^\"]*)\"");
        while (m.find()) {
            Matcher t = tagged.matcher(m.group(1));
            if (t.find() && values.contains(t.group(1))) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<String> r = http.send(builder.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Response(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public String toString() {
        return name + "@" + port;
    }
}
