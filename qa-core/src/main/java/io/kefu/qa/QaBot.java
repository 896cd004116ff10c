package io.kefu.qa;

import io.kefu.qa.decide.ReplyDecider;
import io.kefu.qa.decide.Thresholds;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.index.FaqIndex;
import io.kefu.qa.index.IndexedPhrasing;
import io.kefu.qa.intent.IntentFiles;
import io.kefu.qa.intent.IntentMatcher;
import io.kefu.qa.intent.IntentSet;
import io.kefu.qa.rank.CandidateRanker;
import io.kefu.qa.rank.RankingModel;
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
 */
public final class QaBot implements AutoCloseable {

    /** Where the knowledge module ships its trained ranking model on the classpath. */
    public static final String BUNDLED_MODEL = "knowledge/ranker-model.json";

    private final TextAnalyzer analyzer;
    private final CandidateRanker ranker;
    private final IntentMatcher intents;
    private final MatchingPipeline pipeline;
    private final AtomicReference<FaqIndex> index;
    private final ExecutorService rebuilder;

    private QaBot(Builder builder) {
        this.analyzer = new TextAnalyzer(builder.lexicon);
        RankingModel model = builder.model != null ? builder.model : bundledModel();
        Thresholds thresholds = builder.thresholds != null ? builder.thresholds : model.thresholds();
        this.ranker = new CandidateRanker(model);
        this.intents = IntentMatcher.compile(builder.intents);
        this.pipeline = new MatchingPipeline(analyzer.normalizer(), intents, analyzer.segmenter(), analyzer.expander(),
                new CandidateRetriever(builder.candidateLimit), ranker, new ReplyDecider(thresholds));
        this.index = new AtomicReference<>(warm(FaqIndex.build(builder.knowledge, analyzer)));
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
        FaqIndex current = acquireIndex();
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
        FaqIndex current = acquireIndex();
        try {
            Reply asked = pipeline.ask(question == null ? "" : question, current);
            return current.wholeEntry(entryId == null ? "" : entryId)
                    .map(whole -> ReplyComposer.chosen(whole.entry(), asked))
                    .orElse(asked);
        } finally {
            current.release();
        }
    }

    /** The current snapshot, held open; a snapshot closed by a concurrent reload is skipped for its successor. */
    private FaqIndex acquireIndex() {
        while (true) {
            FaqIndex current = index.get();
            if (current.tryAcquire()) return current;
            Thread.onSpinWait();
        }
    }

    /**
     * The ranker's calibrated score of one standard question for a question, whether or not retrieval would have
     * found it ({@code 0} for an unknown id). Lets the content console and the evaluator ask "why not this one?".
     */
    public double similarity(String question, String entryId) {
        FaqIndex current = acquireIndex();
        try {
            AnalyzedText analyzed = current.correctHomophones(analyzer.analyze(question));
            return ranker.entrySimilarity(analyzed, entryId, current);
        } finally {
            current.release();
        }
    }

    /** A standard question of the knowledge base currently answering, e.g. to show its answer to an agent. */
    public java.util.Optional<FaqEntry> entry(String id) {
        FaqIndex current = acquireIndex();
        try {
            return current.wholeEntry(id).map(IndexedPhrasing::entry);
        } finally {
            current.release();
        }
    }

    /** Rebuilds the index for a new knowledge base off the calling thread, then swaps it in. */
    public CompletableFuture<Void> reload(KnowledgeBase knowledge) {
        Objects.requireNonNull(knowledge, "knowledge");
        return CompletableFuture.runAsync(() -> index.getAndSet(warm(FaqIndex.build(knowledge, analyzer))).close(),
                rebuilder);
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
        return index.get().size();
    }

    /**
     * Runs a few questions through a fresh index before it serves customers, so the first real question does not
     * pay for class loading and cold caches.
     */
    private FaqIndex warm(FaqIndex fresh) {
        List<IndexedPhrasing> phrasings = fresh.phrasings();
        for (int i = 0; i < Math.min(50, phrasings.size()); i++) {
            pipeline.ask(phrasings.get(i * Math.max(1, phrasings.size() / 50) % phrasings.size()).text(), fresh);
        }
        return fresh;
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
        index.get().close();
    }

    /** Configures a {@link QaBot}; only the knowledge base is required. */
    public static final class Builder {
        private KnowledgeBase knowledge;
        private Lexicon lexicon = Lexicon.empty();
        private RankingModel model;
        private Thresholds thresholds;
        private int candidateLimit = 20;
        private IntentSet intents = IntentFiles.builtin();

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
         * The intents to recognise. By default the built-in ones (greeting, 转人工, complaint...); pass
         * {@code IntentFiles.builtin().overriddenBy(yourIntents)} to add or replace some.
         */
        public Builder intents(IntentSet intents) {
            this.intents = Objects.requireNonNull(intents, "intents");
            return this;
        }

        /** Overrides the thresholds the model was shipped with. */
        public Builder thresholds(Thresholds thresholds) {
            this.thresholds = Objects.requireNonNull(thresholds, "thresholds");
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
