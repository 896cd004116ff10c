package io.kefu.server.system;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.Lexicon;
import io.kefu.qa.dialog.FormDefinition;
import io.kefu.qa.dialog.FormFiles;
import io.kefu.qa.intent.IntentFiles;
import io.kefu.qa.intent.IntentSet;
import io.kefu.qa.knowledge.KnowledgeFiles;
import io.kefu.qa.knowledge.LexiconFiles;
import io.kefu.qa.rank.RankingModel;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Finds the knowledge base, lexicon and ranking model: in a configured folder, or else on the classpath under
 * {@code knowledge/} (the bundled demo content). Spring's resource resolver lists the classpath, because the
 * knowledge jar sits nested inside the server's jar where plain file-system listing does not reach.
 */
final class KnowledgeSource {

    private static final String CLASSPATH_PREFIX = "knowledge";

    private final Path directory;

    KnowledgeSource(KefuProperties.Knowledge settings) {
        String configured = settings.directory();
        this.directory = configured == null || configured.isBlank() ? null : Path.of(configured);
        if (directory != null && !Files.isDirectory(directory)) {
            throw new IllegalStateException("kefu.knowledge.directory " + directory + " is not a folder");
        }
    }

    String describe() {
        return directory == null ? "classpath:" + CLASSPATH_PREFIX + "/ (bundled demo content)" : directory.toString();
    }

    KnowledgeBase knowledgeBase() {
        if (directory != null) return KnowledgeFiles.fromDirectory(directory);
        var entries = new ArrayList<FaqEntry>();
        forEachBundled(KnowledgeFiles.FAQ_FOLDER, (name, in) -> entries.addAll(KnowledgeFiles.parse(name, in)));
        return new KnowledgeBase(entries);
    }

    /** The built-in intents, overridden and extended by the knowledge base's own {@code intents/*.yaml}. */
    IntentSet intents() {
        if (directory != null) return IntentFiles.fromDirectory(directory); // built-ins included
        var files = new ArrayList<IntentSet>();
        forEachBundled(IntentFiles.INTENTS_FOLDER, (name, in) -> files.add(IntentFiles.parse(name, in)));
        return IntentFiles.builtin().overriddenBy(IntentFiles.combine(files));
    }

    /** The forms that collect details for the knowledge base's transactional intents. */
    List<FormDefinition> forms() {
        if (directory != null) return FormFiles.fromDirectory(directory);
        var forms = new ArrayList<FormDefinition>();
        forEachBundled(FormFiles.FORMS_FOLDER, (name, in) -> forms.addAll(FormFiles.parse(name, in)));
        return forms;
    }

    private void forEachBundled(String folder, BiConsumer<String, InputStream> reader) {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver(getClass().getClassLoader())
                    .getResources("classpath*:" + CLASSPATH_PREFIX + "/" + folder + "/*.yaml");
            Arrays.sort(files, Comparator.comparing(Resource::getFilename));
            for (Resource file : files) {
                try (InputStream in = file.getInputStream()) {
                    reader.accept(folder + "/" + file.getFilename(), in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + folder, e);
        }
    }

    Lexicon lexicon() {
        return directory != null ? LexiconFiles.fromDirectory(directory)
                : LexiconFiles.fromClasspath(CLASSPATH_PREFIX, getClass().getClassLoader());
    }

    /** A model in the configured folder; otherwise none, and the bot uses the one bundled on the classpath. */
    Optional<RankingModel> model() {
        if (directory == null) return Optional.empty();
        Path file = directory.resolve("ranker-model.json");
        return Files.exists(file) ? Optional.of(RankingModel.load(file)) : Optional.empty();
    }
}
