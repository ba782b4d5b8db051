package cn.jiandu.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A database of its own on the MariaDB server of the integration tests (it.jdbc.url's host),
 * or on a server the scenario started itself ({@link PrivateMariaDb}), created empty for one
 * scenario and dropped after it, so that the app processes of a scenario never meet the
 * shared database {@code test}. Queries open a connection each, so that they work again after
 * the server was restarted.
 */
final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final String server;
    private final String username;
    private final String password;

    private ScratchDatabase(String name, String server, String username, String password) {
        this.name = name;
        this.server = server;
        this.username = username;
        this.password = password;
    }

    /** On the shared server of the integration tests (it.jdbc.url, it.jdbc.username, it.jdbc.password). */
    static ScratchDatabase create(String name) {
        String url = System.getProperty("it.jdbc.url", "jdbc:mysql://127.0.0.1:3306/test");
        String server = url.substring(0, url.indexOf('/', "jdbc:mysql://".length()) + 1);
        return create(name, server, System.getProperty("it.jdbc.username", "root"),
                System.getProperty("it.jdbc.password", ""));
    }

    /** On the server {@code server} (jdbc:mysql://host:port/), as {@code username}. */
    static ScratchDatabase create(String name, String server, String username, String password) {
        ScratchDatabase db = new ScratchDatabase(name, server, username, password);
        db.onServer("DROP DATABASE IF EXISTS " + name);
        db.onServer("CREATE DATABASE " + name + " CHARACTER SET utf8mb4");
        return db;
    }

    String username() {
        return username;
    }

    String password() {
        return password;
    }

    /** The URL the app processes get (JIANDU_DB_URL). */
    String jdbcUrl() {
        return server + name + "?sendFractionalSeconds=false";
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(server + database + "?sendFractionalSeconds=false&connectTimeout=5000",
                username, password);
    }

    private void onServer(String sql) {
        try (Connection c = connect(""); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long count(String sql, Object... args) {
        List<List<Object>> rows = rows(sql, args);
        return rows.isEmpty() || rows.get(0).get(0) == null ? 0 : ((Number) rows.get(0).get(0)).longValue();
    }

    /** The first column's values. */
    List<String> strings(String sql, Object... args) {
        return rows(sql, args).stream().map(r -> r.get(0) == null ? null : r.get(0).toString()).toList();
    }

    /** Two columns as a sorted map: first column to the second's number. */
    Map<String, Long> counts(String sql, Object... args) {
        Map<String, Long> counts = new TreeMap<>();
        for (List<Object> row : rows(sql, args)) {
            counts.put(String.valueOf(row.get(0)), ((Number) row.get(1)).longValue());
        }
        return counts;
    }

    List<List<Object>> rows(String sql, Object... args) {
        try (Connection c = connect(name); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                int columns = r.getMetaData().getColumnCount();
                while (r.next()) {
                    List<Object> row = new ArrayList<>(columns);
                    for (int i = 1; i <= columns; i++) {
                        row.add(r.getObject(i));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** Whether the server answers at all. */
    boolean reachable() {
        try (Connection c = connect(name)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        onServer("DROP DATABASE IF EXISTS " + name);
    }
}
