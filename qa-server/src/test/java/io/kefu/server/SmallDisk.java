package io.kefu.server;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A size-limited folder (a tmpfs mounted for the test) that a test can fill up and empty again, to see what the
 * server does when its data directory's disk is full. Mounting needs root; where it is not allowed, the test is
 * skipped and says why.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path mount;
    private final Path filler;

    private SmallDisk(Path mount) {
        this.mount = mount;
        this.filler = mount.resolve("filler");
    }

    public static SmallDisk mount(int megabytes) throws IOException, InterruptedException {
        Path mount = Path.of("target", "small-disk-" + UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Files.createDirectories(mount);
        String why = run("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", mount.toString());
        if (why != null) {
            Files.deleteIfExists(mount);
            Assumptions.abort("skipped: cannot mount a size-limited tmpfs for the full-disk test (it needs root and"
                    + " permission to mount): " + why);
        }
        return new SmallDisk(mount);
    }

    public Path path() {
        return mount;
    }

    /** Writes a file until the disk has no room left. */
    public void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) out.write(block);
        } catch (IOException full) {
            if (!String.valueOf(full.getMessage()).contains("No space left")) throw full;
        }
    }

    /** Gives the room back. */
    public void empty() throws IOException {
        Files.deleteIfExists(filler);
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", mount.toString());
        Files.deleteIfExists(mount);
    }

    /** Runs a command; null when it succeeded, else what it said. */
    private static String run(String... command) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException missing) {
            return missing.getMessage();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return "timed out";
        }
        String output = new String(process.getInputStream().readAllBytes()).strip();
        return process.exitValue() == 0 ? null : output + " (exit " + process.exitValue() + ")";
    }
}
