package cn.jiandu.reliability;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A MariaDB server of the test's own: a fresh data directory under target/reliability
 * ({@code mariadb-install-db}), one {@code mariadbd} child process on a free port of
 * 127.0.0.1, root without a password. The outage scenario stops it ({@link #stop()}, SIGTERM:
 * the server closes every connection and shuts down) and starts it again on the same data
 * directory and port ({@link #start()}), so that the shared server of the other tests is never
 * touched. {@link #close()} kills it and deletes the data directory; a shutdown hook kills it
 * when the test JVM ends whatever became of the test.
 * <p>
 * Needs mariadb-server's binaries: {@code -Dit.mariadb.install-db} (default
 * /usr/bin/mariadb-install-db) and {@code -Dit.mariadbd} (default /usr/sbin/mariadbd).
 */
final class PrivateMariaDb implements AutoCloseable {

    static final String USER = "root";
    static final String PASSWORD = "";

    private static final Set<Process> STARTED = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(Process::destroyForcibly),
                "kill-private-mariadb"));
    }

    private final String mariadbd;
    private final Path datadir;
    private final Path log;
    private final int port;
    private Process process;

    private PrivateMariaDb(String mariadbd, Path datadir, Path log, int port) {
        this.mariadbd = mariadbd;
        this.datadir = datadir;
        this.log = log;
        this.port = port;
    }

    /** A new data directory target/reliability/{name} (any old one removed) and the server started on it. */
    static PrivateMariaDb create(String name) {
        String installDb = binary("it.mariadb.install-db", "/usr/bin/mariadb-install-db");
        String mariadbd = binary("it.mariadbd", "/usr/sbin/mariadbd");
        Path dir = Path.of("target", "reliability").toAbsolutePath();
        Path datadir = dir.resolve(name);
        Path log = dir.resolve(name + ".log");
        try {
            Files.createDirectories(dir);
            killLeftOver(datadir);
            delete(datadir);
            Files.writeString(log, "=== " + Instant.now() + " mariadb-install-db\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> install = new ArrayList<>(List.of(installDb, "--no-defaults", "--datadir=" + datadir,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        if (runningAsRoot()) {
            install.add("--user=root");
        }
        int exit = run(install, log, Duration.ofMinutes(2));
        if (exit != 0) {
            throw new IllegalStateException("mariadb-install-db failed (" + exit + "), see " + log);
        }
        PrivateMariaDb db = new PrivateMariaDb(mariadbd, datadir, log, freePort());
        try {
            db.start();
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        return db;
    }

    /**
     * A test JVM killed outright (no shutdown hook) leaves its server running on the old data
     * directory: that one server, found by its pid file and command line, is killed first.
     */
    private static void killLeftOver(Path datadir) throws IOException {
        Path pidFile = datadir.resolve("mariadbd.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            ProcessHandle.of(pid)
                    .filter(h -> h.info().commandLine().map(c -> c.contains("--datadir=" + datadir)).orElse(false))
                    .ifPresent(h -> {
                        h.destroyForcibly();
                        h.onExit().orTimeout(30, TimeUnit.SECONDS).join();
                    });
        } catch (NumberFormatException e) {
            // not a pid: nothing to kill
        }
    }

    private static String binary(String property, String fallback) {
        String path = System.getProperty(property, fallback);
        if (!new File(path).canExecute()) {
            throw new IllegalStateException("The database outage scenario starts a MariaDB server of its own and needs "
                    + path + " (package mariadb-server: apt-get install mariadb-server, as .ci/run does; or set -D"
                    + property + "=…)");
        }
        return path;
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** jdbc:mysql://127.0.0.1:{port}/ — a database name goes after it. */
    String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/";
    }

    int port() {
        return port;
    }

    /** Starts mariadbd on the data directory and waits (at most a minute) until it answers. */
    synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("already running");
        }
        List<String> command = new ArrayList<>(List.of(mariadbd, "--no-defaults",
                "--datadir=" + datadir,
                "--port=" + port,
                "--bind-address=127.0.0.1",
                "--socket=" + socket(),
                "--pid-file=" + datadir.resolve("mariadbd.pid"),
                // as Debian's server configuration (and the shared server of the tests)
                "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_general_ci",
                "--skip-name-resolve"));
        if (runningAsRoot()) {
            command.add("--user=root"); // mariadbd refuses to run as root otherwise
        }
        try {
            Files.writeString(log, "=== " + Instant.now() + " " + String.join(" ", command) + "\n",
                    java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            STARTED.add(process);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + mariadbd, e);
        }
        long until = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!answers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("mariadbd exited with " + process.exitValue() + ":\n" + tail());
            }
            if (System.nanoTime() > until) {
                throw new IllegalStateException("mariadbd not answering within a minute:\n" + tail());
            }
            AppNode.sleep(Duration.ofMillis(200));
        }
    }

    /** SIGTERM (as systemd stops it) and waits until the process is gone; SIGKILL after a minute. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        STARTED.remove(process);
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    private boolean answers() {
        try (Connection c = DriverManager.getConnection(serverUrl() + "?connectTimeout=2000", USER, PASSWORD)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    /** A Unix socket path must stay under about 100 bytes; a deep checkout gets one in the temp folder. */
    private Path socket() {
        Path socket = datadir.resolve("mysqld.sock");
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length < 100) {
            return socket;
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "jiandu-outage-" + port + ".sock");
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "(no log: " + e + ")";
        }
    }

    /** Kills the server (nothing of it is kept) and deletes its data directory. */
    @Override
    public synchronized void close() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            STARTED.remove(process);
        }
        try {
            delete(datadir);
            Files.deleteIfExists(socket());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + datadir, e);
        }
    }

    private static int run(List<String> command, Path log, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " took longer than " + timeout);
            }
            return p.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command.get(0), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "private MariaDB on 127.0.0.1:" + port + " (" + datadir + ")";
    }
}
