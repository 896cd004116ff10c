package io.kefu.server.conversation;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The same tests against a real PostgreSQL, the production database: the one {@code QA_TEST_POSTGRES_URL} names
 * (e.g. {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}; {@code .ci/run} sets it). Each run works in a
 * schema of its own, dropped afterwards.
 */
class ChatStorePostgresTest extends ChatStoreContract {

    private static final String URL = System.getenv("QA_TEST_POSTGRES_URL");
    private static final String SCHEMA = "kefu_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    @BeforeAll
    static void createSchema() throws SQLException {
        assumeTrue(URL != null && !URL.isBlank(),
                "skipped: set QA_TEST_POSTGRES_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) "
                        + "to run the persistence tests against PostgreSQL");
        try (Connection connection = DriverManager.getConnection(URL); Statement sql = connection.createStatement()) {
            sql.execute("create schema " + SCHEMA);
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        if (URL == null || URL.isBlank()) return;
        try (Connection connection = DriverManager.getConnection(URL); Statement sql = connection.createStatement()) {
            sql.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    /** Every test gets the schema empty: the previous test's tables are dropped first. */
    @Override
    DataSource dataSource() {
        String separator = URL.contains("?") ? "&" : "?";
        return new DriverManagerDataSource(URL + separator + "currentSchema=" + SCHEMA);
    }

    @Override
    Flyway flyway(DataSource dataSource) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).schemas(SCHEMA).cleanDisabled(false).load();
        flyway.clean();
        return flyway;
    }
}
