package io.kefu.qa.index;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.embed.SemanticModel;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.TextAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.search.similarities.Similarity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * An immutable, searchable snapshot of a knowledge base: a Lucene BM25 index over every phrasing, with one field
 * per view of the text (synonym-canonical words, character grams, pinyin), plus the analysed phrasings and the term
 * statistics. What to search for is the retrieval stage's business; this class looks terms up and scores them. A
 * new knowledge base gets a new snapshot; nothing here is ever modified, so a snapshot can be swapped in while
 * queries run on the old one, and the old one closed.
 */
public final class FaqIndex implements AutoCloseable {

    /** The views of a phrasing that are indexed, each a field of its own. */
    public enum Field {
        /** The synonym-canonical content words. */
        CONCEPT,
        /** Character unigrams and bigrams. */
        GRAM,
        /** Pinyin syllable unigrams and bigrams. */
        PINYIN;

        String luceneName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final String[] FIELD_NAMES =
            java.util.Arrays.stream(Field.values()).map(Field::luceneName).toArray(String[]::new);

    private final IndexContent content;
    private final List<IndexedPhrasing> texts;
    private final Map<String, List<IndexedPhrasing>> phrasingsByEntry;
    private final DirectoryReader reader;
    private final DisjunctionSearch disjunction;
    private final int[] phrasingOrdinals;
    /** See {@link #clause}: one cache per field. */
    private final Map<Field, Map<String, Clause>> clauses = new EnumMap<>(Field.class);
    /** The learned representation, or null; with it, every text's vector by ordinal and a vector search. */
    private final SemanticModel semantic;
    private final float[][] vectors;

    private FaqIndex(IndexContent content, DirectoryReader reader, SemanticModel semantic, float[][] vectors) {
        this.content = content;
        this.semantic = semantic;
        this.vectors = vectors;
        var all = new ArrayList<>(content.phrasings());
        all.addAll(content.wholeEntries().values());
        this.texts = List.copyOf(all);
        this.phrasingsByEntry = content.phrasings().stream().collect(Collectors.groupingBy(p -> p.entry().id()));
        this.reader = reader;
        this.disjunction = new DisjunctionSearch(reader, new BM25Similarity(), FIELD_NAMES);
        this.phrasingOrdinals = LuceneFolder.phrasingOrdinals(reader);
        for (Field field : Field.values()) clauses.put(field, new ConcurrentHashMap<>());
    }

    public static FaqIndex build(KnowledgeBase knowledge, TextAnalyzer analyzer) {
        return build(knowledge, analyzer, null);
    }

    /**
     * @param semantic the learned representation whose vectors are kept for every text and searched by
     *                 {@link #nearest}, or null for a lexical index only
     */
    public static FaqIndex build(KnowledgeBase knowledge, TextAnalyzer analyzer, SemanticModel semantic) {
        IndexContent content = IndexContent.analyze(knowledge, analyzer);
        float[][] vectors = null;
        if (semantic != null) {
            var all = new ArrayList<>(content.phrasings());
            all.addAll(content.wholeEntries().values());
            vectors = new float[all.size()][];
            for (IndexedPhrasing text : all) vectors[text.ordinal()] = semantic.encode(text.analyzed());
        }
        return new FaqIndex(content, LuceneFolder.write(content.phrasings(), vectors), semantic, vectors);
    }

    /** The learned vector of a question, or null when this index has no learned representation. */
    public float[] encode(AnalyzedText question) {
        return semantic == null ? null : semantic.encode(question);
    }

    /** The learned vector of an indexed text by its ordinal, or null without a learned representation. */
    public float[] vector(int ordinal) {
        return vectors == null ? null : vectors[ordinal];
    }

    /** The learned representation the index was built with, or null. */
    public SemanticModel semantic() {
        return semantic;
    }

    /**
     * The {@code limit} phrasings whose learned vectors are nearest the question's (Lucene's HNSW graph), best
     * first, each with its cosine as the score; empty without a learned representation or for a zero vector.
     */
    public List<Hit> nearest(float[] question, int limit) {
        if (vectors == null || question == null || isZero(question)) return List.of();
        if (!reader.tryIncRef()) throw new IllegalStateException("this index snapshot has been closed");
        try {
            var hits = new ArrayList<Hit>(limit);
            for (var leaf : reader.leaves()) {
                var top = leaf.reader().searchNearestVectors(LuceneFolder.VECTOR, question, limit, null, Integer.MAX_VALUE);
                if (top == null) continue;
                for (ScoreDoc doc : top.scoreDocs) {
                    int ordinal = phrasingOrdinal(leaf.docBase + doc.doc);
                    hits.add(new Hit(content.phrasings().get(ordinal),
                            (float) SemanticModel.cosine(question, vectors[ordinal])));
                }
            }
            hits.sort((a, b) -> Float.compare(b.score(), a.score()));
            return hits.size() > limit ? hits.subList(0, limit) : hits;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the vectors failed", e);
        } finally {
            release();
        }
    }

    private static boolean isZero(float[] vector) {
        for (float x : vector) if (x != 0) return false;
        return true;
    }

    /**
     * One optional clause of a search: a term of one field looked up in this snapshot, with Lucene's statistics
     * and its BM25 scorer for the clause's boost. Made only by {@link #clause}.
     */
    public static final class Clause {
        private final Field field;
        private final Term term;
        private final float boost;
        private final TermStates states;
        private final Similarity.SimScorer scorer;

        Clause(Field field, Term term, float boost, TermStates states, Similarity.SimScorer scorer) {
            this.field = field;
            this.term = term;
            this.boost = boost;
            this.states = states;
            this.scorer = scorer;
        }

        Field field() {
            return field;
        }

        Term term() {
            return term;
        }

        float boost() {
            return boost;
        }

        TermStates states() {
            return states;
        }

        Similarity.SimScorer scorer() {
            return scorer;
        }

        @Override
        public String toString() {
            return term + "^" + boost;
        }
    }

    /** A retrieved phrasing and its BM25 score. */
    public record Hit(IndexedPhrasing phrasing, float score) {
    }

    /**
     * The clause for a term of one field, or null when no indexed phrasing has the term (a term that only the
     * whole-entry texts have is counted in the statistics but not indexed). This snapshot never changes, so the
     * look-up in the terms dictionary and the term's BM25 weight are computed once per term and boost instead of
     * once per question; the cache is bounded by the index's vocabulary, as only terms the index holds are kept.
     * Statistics and scorer are Lucene's own, so scores are exactly those of a {@code BoostQuery} over a plain
     * {@code TermQuery}.
     */
    public Clause clause(Field field, String term, float boost) {
        Map<String, Clause> cache = clauses.get(field);
        Clause cached = cache.get(term);
        if (cached != null && cached.boost() == boost) return cached;
        try {
            Clause looked = disjunction.clause(field, term, boost);
            if (looked != null && cached == null) cache.put(term, looked);
            return looked;
        } catch (IOException e) {
            throw new UncheckedIOException("looking up " + field.luceneName() + ":" + term + " failed", e);
        }
    }

    /** The {@code limit} best-scoring phrasings for a disjunction of clauses, best first. */
    public List<Hit> search(List<Clause> query, int limit) {
        if (!reader.tryIncRef()) throw new IllegalStateException("this index snapshot has been closed");
        try {
            if (query.isEmpty()) return List.of();
            ScoreDoc[] docs = disjunction.top(query, limit);
            var hits = new ArrayList<Hit>(docs.length);
            for (ScoreDoc doc : docs) hits.add(new Hit(content.phrasings().get(phrasingOrdinal(doc.doc)), doc.score));
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed", e);
        } finally {
            release();
        }
    }

    /** The phrasings, in the order of their {@link IndexedPhrasing#ordinal() ordinals}. */
    public List<IndexedPhrasing> phrasings() {
        return content.phrasings();
    }

    /** Every indexed text, phrasings and whole-entry texts, at the position of its ordinal. */
    public List<IndexedPhrasing> texts() {
        return texts;
    }

    /** Every indexed phrasing of one standard question. */
    public List<IndexedPhrasing> phrasingsOf(String entryId) {
        return phrasingsByEntry.getOrDefault(entryId, List.of());
    }

    /**
     * All phrasings of an entry read as one text, for entries with more than one: a long question may use words
     * that are spread over several similar phrasings.
     */
    public Optional<IndexedPhrasing> wholeEntry(String entryId) {
        return Optional.ofNullable(content.wholeEntries().get(entryId));
    }

    public TermStatistics statistics() {
        return content.statistics();
    }

    /**
     * Takes a reference that keeps this snapshot open until {@link #release()}; false once it has been closed,
     * in which case the caller should use the snapshot that replaced it.
     */
    public boolean tryAcquire() {
        return reader.tryIncRef();
    }

    public void release() {
        try {
            reader.decRef();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Releases the index once no search is using it any more: searches hold a reference for their duration, so a
     * snapshot that was swapped out can be closed at once without failing a question in flight.
     */
    @Override
    public void close() {
        release();
    }

    int phrasingOrdinal(int docId) {
        return phrasingOrdinals[docId];
    }

    /** The Lucene reader, for tests that compare {@link #search} with Lucene's own search. */
    DirectoryReader reader() {
        return reader;
    }

    public int size() {
        return content.phrasings().size();
    }
}
