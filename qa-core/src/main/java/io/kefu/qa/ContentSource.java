package io.kefu.qa;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * Where the files of a knowledge folder are read from: a folder on disk, or a folder on the classpath. A classpath
 * cannot be listed in plain Java (the knowledge jar may sit nested inside the server's jar), so a folder there
 * lists its own files in {@value #INDEX}; a folder on disk is listed as it is.
 *
 * <p>Files are named relative to the folder ({@code faq/telecom-5g.yaml}); the files of a subfolder are read in
 * file-name order, so that the same content always loads the same way.
 */
abstract sealed class ContentSource permits ContentSource.Directory, ContentSource.Classpath {

    /** The file that lists a classpath folder's files, one a line. */
    static final String INDEX = "files.txt";

    /** The file, or {@code null} when the folder does not have it. The caller closes it. */
    abstract InputStream open(String name);

    /** The {@code *.yaml} files directly in a subfolder, in file-name order; none when there is no such subfolder. */
    abstract List<String> yamlFiles(String folder);

    abstract boolean hasFolder(String folder);

    /** Reads every {@code *.yaml} of a subfolder; the reader gets the file's name and its content. */
    final void readAll(String folder, BiConsumer<String, InputStream> reader) {
        for (String name : yamlFiles(folder)) {
            try (InputStream in = open(name)) {
                if (in == null) throw new KnowledgeException(name, "", "", "listed in " + this + " but missing");
                reader.accept(name, in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + name + " of " + this, e);
            }
        }
    }

    static final class Directory extends ContentSource {
        private final Path root;

        Directory(Path root) {
            if (!Files.isDirectory(root)) throw new KnowledgeException(root.toString(), "", "", "not a folder");
            this.root = root;
        }

        @Override
        InputStream open(String name) {
            Path file = root.resolve(name);
            try {
                return Files.isRegularFile(file) ? Files.newInputStream(file) : null;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }

        @Override
        List<String> yamlFiles(String folder) {
            if (!hasFolder(folder)) return List.of();
            try (Stream<Path> listing = Files.list(root.resolve(folder))) {
                return listing.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted()
                        .map(n -> folder + "/" + n).toList();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + root.resolve(folder), e);
            }
        }

        @Override
        boolean hasFolder(String folder) {
            return Files.isDirectory(root.resolve(folder));
        }

        @Override
        public String toString() {
            return root.toString();
        }
    }

    static final class Classpath extends ContentSource {
        private final String prefix;
        private final ClassLoader loader;
        private final List<String> files;

        Classpath(String prefix, ClassLoader loader) {
            this.prefix = prefix.endsWith("/") ? prefix : prefix + "/";
            this.loader = loader;
            this.files = index();
        }

        private List<String> index() {
            try (InputStream in = loader.getResourceAsStream(prefix + INDEX)) {
                if (in == null) {
                    throw new KnowledgeException(this.toString(), "", "", "no " + INDEX
                            + " on the classpath: add the knowledge module, or give a knowledge folder on disk");
                }
                var names = new ArrayList<String>();
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    String name = line.strip();
                    if (!name.isEmpty() && !name.startsWith("#")) names.add(name);
                }
                return List.copyOf(names);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + prefix + INDEX, e);
            }
        }

        @Override
        InputStream open(String name) {
            return loader.getResourceAsStream(prefix + name);
        }

        @Override
        List<String> yamlFiles(String folder) {
            String start = folder + "/";
            return files.stream()
                    .filter(n -> n.startsWith(start) && n.endsWith(".yaml") && n.indexOf('/', start.length()) < 0)
                    .sorted(Comparator.naturalOrder()).toList();
        }

        @Override
        boolean hasFolder(String folder) {
            return files.stream().anyMatch(n -> n.startsWith(folder + "/"));
        }

        @Override
        public String toString() {
            return "classpath:" + prefix;
        }
    }
}
