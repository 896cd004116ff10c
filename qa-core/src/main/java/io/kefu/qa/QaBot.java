package io.kefu.qa;

import io.kefu.qa.decide.ReplyDecider;
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
 */
public final class QaBot implements AutoCloseable {

    /** Where the knowledge module ships its trained ranking model on the classpath. */
    public static final String BUNDLED_MODEL = "knowledge/ranker-model.json";

    private final TextAnalyzer analyzer;
    private final IntentMatcher intents;
    private final MatchingPipeline pipeline;
    private final AtomicReference<Snapshot> snapshot;
    private final ExecutorService rebuilder;

    private QaBot(Builder builder) {
        this.analyzer = new TextAnalyzer(builder.lexicon);
        RankingModel model = builder.model != null ? builder.model : bundledModel();
        Thresholds thresholds = builder.thresholds != null ? builder.thresholds : model.thresholds();
        this.intents = IntentMatcher.compile(builder.intents);
        this.pipeline = new MatchingPipeline(analyzer, intents, new CandidateRetriever(builder.candidateLimit),
                new CandidateRanker(model), new ReplyDecider(thresholds, builder.intents.intents()));
        this.snapshot = new AtomicReference<>(warm(Snapshot.build(builder.knowledge, analyzer)));
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
                new Trace(trace.normalized(), trace.tokens(), trace.keywords(), trace.candidates(), Trace.CHOSEN,
                        trace.micros()));
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

    /** Rebuilds the index for a new knowledge base off the calling thread, then swaps it in. */
    public CompletableFuture<Void> reload(KnowledgeBase knowledge) {
        Objects.requireNonNull(knowledge, "knowledge");
        return CompletableFuture.runAsync(() -> snapshot.getAndSet(warm(Snapshot.build(knowledge, analyzer))).close(),
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
        return snapshot.get().index().size();
    }

    /**
     * Runs a few questions through a fresh index before it serves customers, so the first real question does not
     * pay for class loading and cold caches.
     */
    private Snapshot warm(Snapshot fresh) {
        List<IndexedPhrasing> phrasings = fresh.index().phrasings();
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
        snapshot.get().close();
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
