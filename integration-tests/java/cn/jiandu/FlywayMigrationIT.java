package cn.jiandu;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The migrations in db/migration (with db/vendor/ for the database) apply to an empty database and, run again, to an
 * already-migrated one (nothing to do, nothing broken), on H2 and on MariaDB.
 */
class FlywayMigrationIT {

    @Test
    void shouldMigrateAnEmptyDatabaseAndThenAMigratedOne() throws Exception {
        String url;
        String user;
        String scratch = "jiandu_flyway_it";
        if (ItSupport.isMariaDb()) {
            String base = System.getProperty("it.jdbc.url", "jdbc:mysql://127.0.0.1:3306/test");
            String server = base.substring(0, base.lastIndexOf('/') + 1);
            user = System.getProperty("it.jdbc.username", "root");
            try (Connection c = DriverManager.getConnection(base, user, "");
                 Statement s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + scratch);
                s.execute("CREATE DATABASE " + scratch + " CHARACTER SET utf8mb4");
            }
            url = server + scratch + "?sendFractionalSeconds=false";
        } else {
            url = "jdbc:h2:mem:" + scratch + ";DB_CLOSE_DELAY=-1";
            user = "sa";
        }
        Flyway flyway = Flyway.configure().dataSource(url, user, "")
                .locations("classpath:db/migration", "classpath:db/vendor/" + (ItSupport.isMariaDb() ? "mysql" : "h2"))
                .load();

        MigrateResult first = flyway.migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isPositive();

        MigrateResult second = flyway.migrate();
        assertThat(second.success).isTrue();
        assertThat(second.migrationsExecuted).isZero();
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();

        if (ItSupport.isMariaDb()) {
            try (Connection c = DriverManager.getConnection(url, user, ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + scratch);
            }
        }
    }
}
