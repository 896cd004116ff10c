package io.kefu.server.conversation;

import io.kefu.server.PostgresTestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.DataSource;

/**
 * The same tests against a real PostgreSQL, the production database: the one {@code QA_TEST_POSTGRES_URL} names
 * ({@code .ci/run} sets it), otherwise an embedded one ({@link PostgresTestDatabase}). Each run works in a schema
 * of its own, dropped afterwards.
 */
class ChatStorePostgresTest extends ChatStoreContract {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase("kefu_test");

    /** Every test gets the schema empty: the previous test's tables are dropped first. */
    @Override
    DataSource dataSource() {
        return DATABASE.dataSource();
    }

    @Override
    Flyway flyway(DataSource dataSource) {
        Flyway flyway = Flyway.configure().dataSource(dataSource).schemas(DATABASE.schema()).cleanDisabled(false)
                .load();
        flyway.clean();
        return flyway;
    }
}
