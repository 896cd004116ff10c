package io.kefu.qa;

import io.kefu.qa.calibrate.Calibration;
import io.kefu.qa.calibrate.CalibrationCache;
import io.kefu.qa.calibrate.CalibrationSet;
import io.kefu.qa.calibrate.Calibrator;
import io.kefu.qa.embed.SemanticModel;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.index.IndexedPhrasing;
import io.kefu.qa.intent.IntentFiles;
import io.kefu.qa.intent.IntentMatcher;
import io.kefu.qa.intent.IntentSet;
import io.kefu.qa.rank.CandidateRanker;
import io.kefu.qa.rank.RankingModel;
import io.kefu.qa.rank.Thresholds;
import io.kefu.qa.retrieve.CandidateRetriever;

import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The question-answering bot: give it a customer's question, get a {@link Reply}.
 *
 * <pre>{@code
 * QaBot bot = QaBot.builder().knowledge(knowledgeBase).lexicon(lexicon).build();
 * Reply reply = bot.ask("话费怎么查");
 * }</pre>
 *
 * <p>Thread-safe. {@link #reload} rebuilds the index in the background and swaps it in atomically; questions
 * asked meanwhile are answered from the previous knowledge base.
 *
 * <p>The answer / clarify / decline thresholds are the ranking model's, or, when the builder was given
 * {@linkplain Builder#calibrate calibration questions}, fitted on the knowledge base itself at build and at every
 * {@link #reload} ({@link Calibrator}); {@link #calibration()} and every reply's {@link Trace#thresholds()} show
 * which thresholds are in force and how they were chosen.
 */
public final class QaBot implements AutoCloseable {

    /** Where the knowledge module ships its trained ranking model on the classpath. */
    public static final String BUNDLED_MODEL = "knowledge/ranker-model.json";

    private final TextAnalyzer analyzer;
    private final IntentMatcher intents;
    private final MatchingPipeline pipeline;
    private final Snapshots snapshots;
    private final AtomicReference<Snapshot> snapshot;
    private final ExecutorService rebuilder;

    private QaBot(Builder builder) {
        this.analyzer = new TextAnalyzer(builder.lexicon);
        RankingModel model = builder.model != null ? builder.model : bundledModel();
        Thresholds thresholds = builder.thresholds != null ? builder.thresholds
                : builder.semantic != null ? semanticThresholds(builder.semantic) : model.thresholds();
        this.intents = IntentMatcher.compile(builder.intents);
        this.pipeline = new MatchingPipeline(analyzer, intents, new CandidateRetriever(builder.candidateLimit),
                new CandidateRanker(model));
        this.snapshots = new Snapshots(pipeline, analyzer, builder.lexicon, model, builder.semantic, thresholds,
                builder.intents.intents(), builder.calibrator, builder.calibrationCache, builder.calibrationSet);
        this.snapshot = new AtomicReference<>(snapshots.ready(builder.knowledge));
        this.rebuilder = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "qa-index-rebuild");
            thread.setDaemon(true);
            return thread;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Answers one question. Never throws for odd input: empty or nonsense text gets a {@link ReplyKind#NONE} reply. */
    public Reply ask(String question) {
        Snapshot current = acquire();
        try {
            return pipeline.ask(question == null ? "" : question, current);
        } finally {
            current.release();
        }
    }

    /**
     * The reply to a suggestion button the customer clicked: the answer of the standard question {@code entryId}
     * (its {@link Trace#decidedBy()} is {@link Trace#CHOSEN}), whatever the pipeline would have made of the
     * button's text on its own, with the pipeline's other suggestions. When the entry is gone (the knowledge base
     * was republished since the button was shown), the pipeline's own reply to the text.
     */
    public Reply choose(String question, String entryId) {
        Snapshot current = acquire();
        try {
            Reply asked = pipeline.ask(question == null ? "" : question, current);
            return current.index().wholeEntry(entryId == null ? "" : entryId)
                    .filter(whole -> !pipeline.withheld(whole.entry().id()))
                    .map(whole -> chosen(whole.entry(), asked))
                    .orElse(asked);
        } finally {
            current.release();
        }
    }

    /**
     * The answer of an entry the customer chose; the score is the ranker's for that entry when it was among the
     * candidates of the button's text, otherwise 0 (the bot did not find it, the customer did).
     */
    private static Reply chosen(FaqEntry entry, Reply asked) {
        Trace trace = asked.trace();
        double score = trace.candidates().stream().filter(c -> c.id().equals(entry.id()))
                .mapToDouble(Trace.Candidate::score).findFirst().orElse(0);
        List<Suggestion> others = asked.suggestions().stream().filter(s -> !s.id().equals(entry.id())).toList();
        return new Reply(ReplyKind.ANSWER, entry.id(), entry.question(), entry.answer(), score, others, null,
                trace.decidedBy(Trace.CHOSEN));
    }

    /** The current snapshot, held open; a snapshot closed by a concurrent reload is skipped for its successor. */
    private Snapshot acquire() {
        while (true) {
            Snapshot current = snapshot.get();
            if (current.tryAcquire()) return current;
            Thread.onSpinWait();
        }
    }

    /**
     * The ranker's calibrated score of one standard question for a question, whether or not retrieval would have
     * found it ({@code 0} for an unknown id). Lets the content console and the evaluator ask "why not this one?".
     */
    public double similarity(String question, String entryId) {
        Snapshot current = acquire();
        try {
            return pipeline.similarity(question, entryId, current);
        } finally {
            current.release();
        }
    }

    /** A standard question of the knowledge base currently answering, e.g. to show its answer to an agent. */
    public java.util.Optional<FaqEntry> entry(String id) {
        Snapshot current = acquire();
        try {
            return current.index().wholeEntry(id).map(IndexedPhrasing::entry);
        } finally {
            current.release();
        }
    }

    /**
     * Rebuilds the index for a new knowledge base off the calling thread, calibrates its thresholds if the bot
     * calibrates (a cached calibration of the same content is reused), then swaps both in.
     */
    public CompletableFuture<Void> reload(KnowledgeBase knowledge) {
        Objects.requireNonNull(knowledge, "knowledge");
        return CompletableFuture.runAsync(() -> snapshot.getAndSet(snapshots.ready(knowledge)).close(), rebuilder);
    }

    /**
     * Entries the bot must not answer with or suggest until the next call, e.g. those outside their validity dates
     * (a campaign that ended, a notice not yet in force). Takes effect from the next question, with no rebuild:
     * the index keeps them, so they come back the moment they are no longer withheld. Replaces the earlier set;
     * an empty set withholds nothing. Ids not in the knowledge base are ignored.
     */
    public void withhold(java.util.Collection<String> entryIds) {
        pipeline.withhold(java.util.Set.copyOf(entryIds));
    }

    /**
     * Fits the thresholds of the knowledge base in force again with these calibration questions (also used by later
     * reloads), ignoring any cached calibration, and swaps them in; the index is kept. For a content team that
     * changed its development or out-of-scope questions; new content goes through {@link #reload}.
     */
    public CompletableFuture<Calibration> recalibrate(CalibrationSet questions) {
        Objects.requireNonNull(questions, "questions");
        return CompletableFuture.supplyAsync(() -> {
            // the old snapshot shares its index with the new one: it is replaced, not closed
            Snapshot recalibrated = snapshots.recalibrated(snapshot.get(), questions);
            snapshot.set(recalibrated);
            return recalibrated.calibration();
        }, rebuilder);
    }

    /** The thresholds in force and how they were chosen. */
    public Calibration calibration() {
        return snapshot.get().calibration();
    }

    /** The intent matcher, for a dialogue that needs to read slot values from a reply. */
    public IntentMatcher intents() {
        return intents;
    }

    /** The content words of a text (nouns, numbers, domain terms), synonyms mapped to their canonical word. */
    public java.util.Set<String> keywords(String text) {
        return analyzer.analyze(text).nouns();
    }

    /** The knowledge base currently answering. */
    public int indexedPhrasings() {
        return snapshot.get().index().size();
    }

    /** The thresholds chosen for a semantic model's blended probability, which replaces the lexical one's scale. */
    private static Thresholds semanticThresholds(SemanticModel semantic) {
        double[] t = semantic.thresholds();
        return new Thresholds(t[0], t[1], t[2]);
    }

    private static RankingModel bundledModel() {
        try (InputStream in = QaBot.class.getClassLoader().getResourceAsStream(BUNDLED_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("no ranking model given and none on the classpath at " + BUNDLED_MODEL
                        + ": add the knowledge module or pass one with Builder.model(...)");
            }
            return RankingModel.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        rebuilder.shutdownNow();
        snapshot.get().close();
    }

    /** Configures a {@link QaBot}; only the knowledge base is required. */
    public static final class Builder {
        private KnowledgeBase knowledge;
        private Lexicon lexicon = Lexicon.empty();
        private RankingModel model;
        private SemanticModel semantic;
        private Thresholds thresholds;
        private int candidateLimit = 20;
        private IntentSet intents = IntentFiles.builtin();
        private CalibrationSet calibrationSet;
        private CalibrationCache calibrationCache = CalibrationCache.none();
        private Calibrator calibrator = new Calibrator();

        private Builder() {
        }

        public Builder knowledge(KnowledgeBase knowledge) {
            this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
            return this;
        }

        public Builder lexicon(Lexicon lexicon) {
            this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
            return this;
        }

        /** The ranking model; by default the one the knowledge module ships on the classpath. */
        public Builder model(RankingModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * A learned representation of questions ({@code semantic-model.bin} of a knowledge folder): the ranker blends
         * its similarity with the lexical model's, and retrieval also searches its vectors. Without it (the default)
         * ranking is lexical only.
         */
        public Builder semantic(SemanticModel semantic) {
            this.semantic = Objects.requireNonNull(semantic, "semantic");
            return this;
        }

        /** Ranking by the lexical model alone, even after {@link #semantic} (e.g. by a knowledge folder's builder). */
        public Builder lexicalOnly() {
            this.semantic = null;
            return this;
        }

        /**
         * The intents to recognise. By default the built-in ones (greeting, 转人工, complaint...); pass
         * {@code IntentFiles.builtin().overriddenBy(yourIntents)} to add or replace some.
         */
        public Builder intents(IntentSet intents) {
            this.intents = Objects.requireNonNull(intents, "intents");
            return this;
        }

        /** Overrides the thresholds the model was shipped with (also what a calibration falls back to). */
        public Builder thresholds(Thresholds thresholds) {
            this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
            return this;
        }

        /**
         * Fits the thresholds on the knowledge base at build and at every {@link #reload}, with the knowledge base's
         * own similar phrasings (each held out in turn) and these questions: the content's development questions and
         * out-of-scope ones ({@link Calibrator}). Without it the model's thresholds apply. Too few questions also
         * keep the model's thresholds, and {@link QaBot#calibration()} says why.
         */
        public Builder calibrate(CalibrationSet questions) {
            this.calibrationSet = Objects.requireNonNull(questions, "questions");
            return this;
        }

        /** The model's own thresholds, even after {@link #calibrate} (e.g. by a knowledge folder's builder). */
        public Builder modelThresholds() {
            this.calibrationSet = null;
            return this;
        }

        /** Where calibrations are kept between runs (default: nowhere, every build calibrates). */
        public Builder calibrationCache(CalibrationCache cache) {
            this.calibrationCache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /** How calibrations are made (default: {@link Calibrator#Calibrator()}). */
        public Builder calibrator(Calibrator calibrator) {
            this.calibrator = Objects.requireNonNull(calibrator, "calibrator");
            return this;
        }

        /** How many phrasings retrieval hands to the ranker (default 20). */
        public Builder candidateLimit(int candidateLimit) {
            if (candidateLimit < 1) throw new IllegalArgumentException("candidateLimit must be positive");
            this.candidateLimit = candidateLimit;
            return this;
        }

        public QaBot build() {
            Objects.requireNonNull(knowledge, "knowledge base is required");
            return new QaBot(this);
        }
    }
}
