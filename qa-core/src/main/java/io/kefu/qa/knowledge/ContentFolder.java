package io.kefu.qa.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One folder of content files in a knowledge directory ({@code faq/}, {@code intents/}, {@code forms/}): every
 * {@code *.yaml} in it, read in file-name order so that the same content always loads the same way.
 */
public final class ContentFolder {

    /** Reads one content file; {@code name} is {@code folder/file.yaml}, for error messages. */
    @FunctionalInterface
    public interface FileReader {
        void read(String name, InputStream in);
    }

    private ContentFolder() {
    }

    /** Whether the knowledge directory has this folder. */
    public static boolean exists(Path knowledgeDir, String folder) {
        return Files.isDirectory(knowledgeDir.resolve(folder));
    }

    public static void readAll(Path knowledgeDir, String folder, FileReader reader) {
        Path dir = knowledgeDir.resolve(folder);
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(".yaml"))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                reader.read(folder + "/" + file.getFileName(), in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
    }
}
