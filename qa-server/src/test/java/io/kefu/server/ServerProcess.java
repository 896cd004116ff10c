package io.kefu.server;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The server jar of this build ({@code target/qa-server-*.jar}, made in the package phase, before the integration
 * tests) run as a process of its own, so that a test can kill it as an operating system kills a crashed node:
 * {@code SIGKILL}, no shutdown hooks, sockets cut. Its output goes to a file under {@code target/}.
 */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the server on a free port with these arguments and waits until it answers; at most 120 s. */
    public static ServerProcess start(String name, String... arguments) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Path.of("target", name + "-" + port + ".log");
        List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx384m", "-XX:TieredStopAtLevel=1",
                "-jar", serverJar().toString(), "--server.port=" + port, "--logging.level.root=WARN"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        var server = new ServerProcess(process, port, log);
        server.awaitAnswering(Duration.ofSeconds(120));
        return server;
    }

    public int port() {
        return port;
    }

    /** Kills the process at once (SIGKILL), as a crash or an out-of-memory killer would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }

    private void awaitAnswering(Duration limit) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) throw new IllegalStateException("the server exited:\n" + tail());
            try {
                var answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/ask?q=%E4%BD%A0%E5%A5%BD")).build(), HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) return;
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the server did not answer within " + limit + ":\n" + tail());
    }

    private String tail() throws IOException {
        List<String> lines = Files.readAllLines(log);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    private static Path serverJar() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("qa-server-.*\\.jar")
                            && !p.getFileName().toString().contains("sources"))
                    .findFirst().orElseThrow(() -> new IllegalStateException(
                            "no target/qa-server-*.jar: the integration tests run after the package phase"));
        }
    }

    private static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
