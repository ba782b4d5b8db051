package cn.jiandu.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The bytes of the evidence, streamed between a file or a response and the database's
 * BLOB: plain JDBC, since MyBatis would read a BLOB into one array.
 */
@Component
class EvidenceContent {

    private final JdbcTemplate jdbc;

    EvidenceContent(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a file's bytes, read from the file as the driver sends them. */
    void insert(long evidenceId, Path file, long size) {
        jdbc.execute("INSERT INTO evidence_content (evidence_id, content) VALUES (?, ?)",
                (java.sql.PreparedStatement ps) -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        ps.setLong(1, evidenceId);
                        ps.setBinaryStream(2, in, size);
                        return ps.executeUpdate();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    /** Writes a file's bytes to {@code out}; false when there are none. */
    boolean copyTo(long evidenceId, OutputStream out) {
        Boolean found = jdbc.query("SELECT content FROM evidence_content WHERE evidence_id = ?", rs -> {
            if (!rs.next()) {
                return false;
            }
            try (InputStream in = rs.getBinaryStream(1)) {
                in.transferTo(out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return true;
        }, evidenceId);
        return Boolean.TRUE.equals(found);
    }
}
