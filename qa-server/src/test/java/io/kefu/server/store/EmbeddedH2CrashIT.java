package io.kefu.server.store;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process committing through the server's transactions on the embedded database is killed ({@code SIGKILL}, as
 * {@code kill -9}) in full flow; every row whose commit had returned is in the database afterwards.
 */
class EmbeddedH2CrashIT {

    private static final String SETTINGS = ";DB_CLOSE_ON_EXIT=FALSE;QUERY_CACHE_SIZE=64;CACHE_SIZE=8192";

    @Test
    void everyCommitThatReturnedSurvivesAKill(@TempDir Path dir) throws Exception {
        String url = table(dir);
        Set<Integer> acked = writeUntilKilled(url, "group");
        assertThat(stored(url)).containsAll(acked);
    }

    /** The same kill with H2 writing only on its timer: the check above can fail. */
    @Test
    void withoutTheGroupCommitAKillLosesCommittedRows(@TempDir Path dir) throws Exception {
        String url = table(dir);
        // H2 would write after 10 s, long after the kill
        Set<Integer> acked = writeUntilKilled(url + ";WRITE_DELAY=10000", "timer");
        assertThat(stored(url).containsAll(acked)).isFalse();
    }

    /** A new database with the writer's table, closed (and so written) before the writer starts. */
    private static String table(Path dir) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("kefu") + SETTINGS;
        try (var connection = DriverManager.getConnection(url, "sa", "")) {
            connection.createStatement().execute("create table acked (id int primary key, body varchar(200))");
            connection.createStatement().execute("shutdown");
        }
        return url;
    }

    private static Set<Integer> writeUntilKilled(String url, String transactions) throws Exception {
        int acks = 2_000;
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWriter.class.getName(), url, transactions)
                .redirectErrorStream(true).start();
        var acked = new HashSet<Integer>();
        try (var lines = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked.size() < acks && (line = lines.readLine()) != null) {
                if (line.startsWith("ACK ")) acked.add(Integer.parseInt(line.substring(4)));
            }
            // SIGKILL while it commits; what it printed after the last line read is not checked
            writer.destroyForcibly();
            assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            writer.destroyForcibly();
        }
        assertThat(acked).hasSizeGreaterThanOrEqualTo(acks);
        return acked;
    }

    private static Set<Integer> stored(String url) throws Exception {
        var ids = new HashSet<Integer>();
        try (var connection = DriverManager.getConnection(url, "sa", "");
             ResultSet rows = connection.createStatement().executeQuery("select id from acked")) {
            while (rows.next()) ids.add(rows.getInt(1));
        }
        return ids;
    }
}
