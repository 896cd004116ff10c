package io.kefu.qa;

import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.qa.calibrate.CalibrationJson;
import io.kefu.qa.calibrate.CalibrationSet;
import io.kefu.qa.dialog.DialogueTexts;
import io.kefu.qa.embed.SemanticModel;
import io.kefu.qa.dialog.FormDefinition;
import io.kefu.qa.intent.IntentFiles;
import io.kefu.qa.intent.IntentSet;
import io.kefu.qa.rank.RankingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A knowledge folder, read: everything a bot and its dialogue need, from a folder on disk or on the classpath.
 *
 * <pre>
 * faq/*.yaml        the standard questions (required)
 * intents/*.yaml    intents, over the built-in ones
 * forms/*.yaml      forms, over the built-in ones
 * texts.yaml        what the dialogue says by itself, over the built-in texts
 * dictionary.txt, synonyms.txt, stopwords.txt   the lexicon
 * ranker-model.json the ranking model (otherwise the bot uses the one bundled on the classpath)
 * semantic-model.bin a learned representation of questions the ranker blends in (optional)
 * calibration/out-of-scope.txt  questions the bot should decline, one a line: with it the thresholds are calibrated
 * calibration/questions.tsv     development questions (question TAB entry id, empty id: out of scope), optional
 * calibration/thresholds.json   a calibration kept with the content, used while content, model and code match
 * files.txt         on the classpath only: every file above, one a line
 * </pre>
 *
 * <pre>{@code
 * KnowledgeFolder knowledge = KnowledgeFolder.open(Path.of("knowledge/src/main/resources/knowledge"));
 * QaBot bot = knowledge.botBuilder().build();
 * }</pre>
 *
 * Everything is read and checked when the folder is opened; a problem is a {@link KnowledgeException} naming the
 * file, the entry and the field. Immutable.
 */
public final class KnowledgeFolder {

    /** Where the knowledge module puts its content on the classpath. */
    public static final String BUNDLED = "knowledge";
    /** The file that lists a classpath folder's files, which plain Java cannot list inside a nested jar. */
    public static final String INDEX = ContentSource.INDEX;
    public static final String MODEL = "ranker-model.json";
    public static final String SEMANTIC_MODEL = "semantic-model.bin";
    public static final String TEXTS = "texts.yaml";
    public static final String OUT_OF_SCOPE = "calibration/out-of-scope.txt";
    public static final String CALIBRATION_QUESTIONS = "calibration/questions.tsv";
    public static final String KEPT_CALIBRATION = "calibration/thresholds.json";

    private final String source;
    private final KnowledgeBase faq;
    private final Lexicon lexicon;
    private final IntentSet intents;
    private final List<FormDefinition> forms;
    private final DialogueTexts texts;
    private final RankingModel model;
    private final SemanticModel semantic;
    private final CalibrationSet calibrationSet;
    private final Calibration keptCalibration;

    private KnowledgeFolder(ContentSource source) {
        this.source = source.toString();
        this.faq = FaqFiles.read(source);
        this.lexicon = LexiconFiles.read(source);
        var intentFiles = new ArrayList<IntentSet>();
        source.readAll(IntentFiles.INTENTS_FOLDER, (name, in) -> intentFiles.add(IntentFiles.parse(name, in)));
        this.intents = IntentFiles.withBuiltins(intentFiles);
        var formFiles = new LinkedHashMap<String, List<FormDefinition>>();
        source.readAll(FormFiles.FORMS_FOLDER, (name, in) -> formFiles.put(name, FormFiles.parse(name, in)));
        this.forms = FormFiles.withBuiltins(formFiles);
        DialogueTexts own = read(source, TEXTS, in -> DialogueTexts.parse(TEXTS, in));
        this.texts = own == null ? DialogueTexts.builtin() : DialogueTexts.builtin().overriddenBy(own);
        this.model = read(source, MODEL, RankingModel::load);
        this.semantic = read(source, SEMANTIC_MODEL, in -> {
            try {
                return SemanticModel.load(in);
            } catch (IllegalArgumentException | UncheckedIOException e) {
                throw new KnowledgeException(SEMANTIC_MODEL, "", "", e.getMessage());
            }
        });
        String outOfScope = read(source, OUT_OF_SCOPE, KnowledgeFolder::text);
        String questions = read(source, CALIBRATION_QUESTIONS, KnowledgeFolder::text);
        this.calibrationSet = outOfScope == null && questions == null ? null : new CalibrationSet(
                questions == null ? List.of() : CalibrationSet.parseQuestions(questions),
                outOfScope == null ? List.of() : CalibrationSet.parseLines(outOfScope));
        this.keptCalibration = read(source, KEPT_CALIBRATION, in -> {
            try {
                return CalibrationJson.read(in);
            } catch (IllegalArgumentException e) {
                throw new KnowledgeException(KEPT_CALIBRATION, "", "", e.getMessage());
            }
        });
    }

    /**
     * The generic out-of-scope questions the knowledge module ships ({@value #OUT_OF_SCOPE} of the bundled folder),
     * for calibrating a folder that has none of its own; empty without the knowledge module.
     */
    public static List<String> genericOutOfScope() {
        try (InputStream in = KnowledgeFolder.class.getClassLoader().getResourceAsStream(BUNDLED + "/" + OUT_OF_SCOPE)) {
            return in == null ? List.of() : CalibrationSet.parseLines(text(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled " + OUT_OF_SCOPE, e);
        }
    }

    private static String text(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A folder on disk, e.g. a deployment's own content. */
    public static KnowledgeFolder open(Path directory) {
        return new KnowledgeFolder(new ContentSource.Directory(directory));
    }

    /** The content the knowledge module bundles (the demo knowledge base), from the classpath. */
    public static KnowledgeFolder bundled() {
        return onClasspath(BUNDLED, KnowledgeFolder.class.getClassLoader());
    }

    /** A folder on the classpath that lists its files in {@value #INDEX}. */
    public static KnowledgeFolder onClasspath(String prefix, ClassLoader loader) {
        return new KnowledgeFolder(new ContentSource.Classpath(prefix, loader));
    }

    private static <T> T read(ContentSource source, String name, Function<InputStream, T> reader) {
        try (InputStream in = source.open(name)) {
            return in == null ? null : reader.apply(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name + " of " + source, e);
        }
    }

    /**
     * A bot builder set up with this folder's standard questions, lexicon, intents and (if it has them) model and
     * calibration questions, with the calibration kept in the folder as a cache.
     */
    public QaBot.Builder botBuilder() {
        QaBot.Builder builder = QaBot.builder().knowledge(faq).lexicon(lexicon).intents(intents);
        if (model != null) builder.model(model);
        if (semantic != null) builder.semantic(semantic);
        if (calibrationSet != null) builder.calibrate(calibrationSet).calibrationCache(calibrationCache());
        return builder;
    }

    public KnowledgeBase faq() {
        return faq;
    }

    public Lexicon lexicon() {
        return lexicon;
    }

    /** The built-in intents, replaced and added to by the folder's. */
    public IntentSet intents() {
        return intents;
    }

    /** The folder's forms and the built-in forms it does not replace. */
    public List<FormDefinition> forms() {
        return forms;
    }

    /** The built-in dialogue texts, replaced by the folder's. */
    public DialogueTexts texts() {
        return texts;
    }

    /** The folder's ranking model; without one, a bot uses the model bundled on the classpath. */
    public Optional<RankingModel> model() {
        return Optional.ofNullable(model);
    }

    /** The folder's learned representation of questions, if it has one. */
    public Optional<SemanticModel> semantic() {
        return Optional.ofNullable(semantic);
    }

    /** The folder's calibration questions ({@value #OUT_OF_SCOPE}, {@value #CALIBRATION_QUESTIONS}), if it has any. */
    public Optional<CalibrationSet> calibrationSet() {
        return Optional.ofNullable(calibrationSet);
    }

    /** The calibration kept in the folder ({@value #KEPT_CALIBRATION}), read-only, found only under its own key. */
    public CalibrationCache calibrationCache() {
        return keptCalibration == null ? CalibrationCache.none() : CalibrationCache.of(keptCalibration);
    }

    /** Where the folder is, e.g. {@code classpath:knowledge/} or a path on disk. */
    @Override
    public String toString() {
        return source;
    }
}
