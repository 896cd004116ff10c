package io.kefu.qa.index;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.HomophoneCorrector;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.rank.TextProfile;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.MMapDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

/**
 * An immutable, searchable snapshot of a knowledge base: a Lucene BM25 index over every phrasing, with one field
 * per view of the text (synonym-canonical words, character grams, pinyin), plus the analysed phrasings and term
 * statistics the ranker needs. A new knowledge base gets a new snapshot; nothing here is ever modified, so a
 * snapshot can be swapped in while queries run on the old one, and the old one closed.
 */
public final class FaqIndex implements AutoCloseable {

    static final String CONCEPT = "concept";
    static final String GRAM = "gram";
    static final String PINYIN = "pinyin";
    private static final String ORDINAL = "ordinal";
    /** The searched fields, in the order {@link DisjunctionSearch.ScoredTerm#field()} numbers them. */
    private static final String[] FIELDS = {CONCEPT, GRAM, PINYIN};
    private static final int CONCEPT_FIELD = 0;
    private static final int GRAM_FIELD = 1;
    private static final int PINYIN_FIELD = 2;
    /** A gram in more than one document in COMMON_SHARE is too common to search for. */
    private static final int COMMON_SHARE = 20;
    private static final int MAX_TERMS_PER_FIELD = 64;

    private final List<IndexedPhrasing> phrasings;
    private final Map<String, List<IndexedPhrasing>> phrasingsByEntry;
    private final Map<String, IndexedPhrasing> wholeEntries;
    private final TermStatistics statistics;
    private final HomophoneCorrector homophones;
    private final DirectoryReader reader;
    private final FieldWeights weights;
    private final DisjunctionSearch disjunction;
    private final int[] phrasingOrdinals;
    /** See {@link #scoredTerm}: one map per field of {@link #FIELDS}. */
    private final List<Map<String, DisjunctionSearch.ScoredTerm>> scoredTerms =
            List.of(new ConcurrentHashMap<>(), new ConcurrentHashMap<>(), new ConcurrentHashMap<>());

    private FaqIndex(List<IndexedPhrasing> phrasings, Map<String, IndexedPhrasing> wholeEntries,
                     TermStatistics statistics, DirectoryReader reader, FieldWeights weights) {
        this.wholeEntries = wholeEntries;
        this.phrasings = phrasings;
        this.phrasingsByEntry = phrasings.stream()
                .collect(Collectors.groupingBy(p -> p.entry().id()));
        this.statistics = statistics;
        this.homophones = HomophoneCorrector.of(statistics.conceptsByFrequency());
        this.reader = reader;
        this.weights = weights;
        this.disjunction = new DisjunctionSearch(reader, new BM25Similarity(), FIELDS);
        this.phrasingOrdinals = phrasingOrdinals(reader);
    }

    /** How much each field counts in the candidate query. */
    private record FieldWeights(float concept, float gram, float pinyin) {
        public static final FieldWeights DEFAULT = new FieldWeights(1.0f, 0.5f, 0.3f);
    }

    public static FaqIndex build(KnowledgeBase knowledge, TextAnalyzer analyzer) {
        // analysing is most of the build time and each phrasing is independent: use every core
        List<List<AnalyzedText>> analyzedByEntry = knowledge.entries().parallelStream()
                .map(entry -> entry.phrasings().stream().map(analyzer::analyze).toList())
                .toList();
        var documents = new ArrayList<List<AnalyzedText>>(knowledge.size());
        var keptTexts = new ArrayList<List<String>>(knowledge.size());
        for (int e = 0; e < knowledge.size(); e++) {
            List<String> texts = knowledge.entries().get(e).phrasings();
            var kept = new ArrayList<AnalyzedText>();
            var originals = new ArrayList<String>();
            var seenTexts = new HashSet<String>();
            for (int p = 0; p < texts.size(); p++) {
                AnalyzedText analyzed = analyzedByEntry.get(e).get(p);
                if (analyzed.text().isEmpty() || !seenTexts.add(analyzed.text())) continue;
                kept.add(analyzed);
                originals.add(texts.get(p));
            }
            documents.add(kept);
            keptTexts.add(originals);
        }
        var wholeTexts = new LinkedHashMap<Integer, String>();
        for (int e = 0; e < knowledge.size(); e++) {
            if (keptTexts.get(e).size() >= 2) wholeTexts.put(e, String.join(" ", keptTexts.get(e)));
        }
        Map<Integer, AnalyzedText> wholeAnalyzed = wholeTexts.entrySet().parallelStream().collect(
                Collectors.toMap(Map.Entry::getKey, whole -> analyzer.analyze(whole.getValue())));
        TermStatistics statistics = TermStatistics.of(documents, wholeAnalyzed.values());
        var phrasings = new ArrayList<IndexedPhrasing>();
        for (int e = 0; e < knowledge.size(); e++) {
            FaqEntry entry = knowledge.entries().get(e);
            for (int p = 0; p < documents.get(e).size(); p++) {
                phrasings.add(new IndexedPhrasing(entry, keptTexts.get(e).get(p),
                        TextProfile.of(documents.get(e).get(p), statistics)));
            }
        }
        var wholeEntries = new HashMap<String, IndexedPhrasing>();
        wholeTexts.forEach((e, all) -> {
            FaqEntry entry = knowledge.entries().get(e);
            wholeEntries.put(entry.id(), new IndexedPhrasing(entry, all, TextProfile.of(wholeAnalyzed.get(e), statistics)));
        });
        return new FaqIndex(List.copyOf(phrasings), Map.copyOf(wholeEntries), statistics,
                writeLucene(phrasings), FieldWeights.DEFAULT);
    }

    /**
     * Writes the Lucene index to a private temporary folder and memory-maps it: on this workload MMapDirectory
     * searches several times faster than the on-heap ByteBuffersDirectory, whose every term look-up copies buffers.
     * The folder is deleted when the last reader closes (see {@link #close()}).
     */
    private static DirectoryReader writeLucene(List<IndexedPhrasing> phrasings) {
        Path folder;
        MMapDirectory directory;
        try {
            folder = Files.createTempDirectory("kefu-index");
            directory = new MMapDirectory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the index", e);
        }
        Analyzer whitespace = new WhitespaceAnalyzer();
        var config = new IndexWriterConfig(whitespace).setSimilarity(new BM25Similarity()).setRAMBufferSizeMB(256);
        try (var writer = new IndexWriter(directory, config)) {
            for (int i = 0; i < phrasings.size(); i++) {
                AnalyzedText text = phrasings.get(i).analyzed();
                var doc = new Document();
                doc.add(new TextField(CONCEPT, String.join(" ", text.concepts()), Field.Store.NO));
                doc.add(new TextField(GRAM, String.join(" ", text.grams()), Field.Store.NO));
                doc.add(new TextField(PINYIN, String.join(" ", text.pinyin()), Field.Store.NO));
                doc.add(new NumericDocValuesField(ORDINAL, i));
                writer.addDocument(doc);
            }
            writer.forceMerge(1);
            writer.commit();
            DirectoryReader reader = DirectoryReader.open(directory);
            reader.getReaderCacheHelper().addClosedListener(key -> {
                directory.close();
                deleteFolder(folder);
            });
            return reader;
        } catch (IOException e) {
            deleteFolder(folder);
            throw new UncheckedIOException("building the in-memory index failed", e);
        }
    }

    /** A retrieved phrasing and its BM25 score. */
    public record Hit(IndexedPhrasing phrasing, float score) {
    }

    /** The {@code limit} best-scoring phrasings for a question, best first. */
    public List<Hit> search(AnalyzedText question, int limit) {
        if (!reader.tryIncRef()) throw new IllegalStateException("this index snapshot has been closed");
        try {
            List<DisjunctionSearch.ScoredTerm> clauses = clauses(question); // looks terms up in the open reader
            if (clauses.isEmpty()) return List.of();
            ScoreDoc[] docs = disjunction.top(clauses, limit);
            var hits = new ArrayList<Hit>(docs.length);
            for (ScoreDoc doc : docs) hits.add(new Hit(phrasings.get(phrasingOrdinal(doc.doc)), doc.score));
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException("searching the index failed", e);
        } finally {
            release();
        }
    }

    /**
     * The candidate query's clauses: the question's concepts, its rare character bigrams (its unigrams only when it
     * has no usable bigram), and the pinyin of every character bigram the knowledge base has never seen, which is
     * where a homophone typo such as 花费 for 话费 or 款待 for 宽带 shows. Fewer, rarer clauses keep search fast: its
     * time is spent reading and scoring each clause's postings.
     */
    List<DisjunctionSearch.ScoredTerm> clauses(AnalyzedText question) {
        var clauses = new ArrayList<DisjunctionSearch.ScoredTerm>();
        addTerms(clauses, CONCEPT_FIELD, question.concepts(), weights.concept(), statistics::conceptIdf, true);
        int before = clauses.size();
        addTerms(clauses, GRAM_FIELD, bigramsOnly(question.grams()), weights.gram(), statistics::gramIdf, true);
        if (clauses.size() == before) {
            addTerms(clauses, GRAM_FIELD, question.grams(), weights.gram(), statistics::gramIdf, true);
        }
        addTerms(clauses, PINYIN_FIELD, pinyinOfUnseenBigrams(question), weights.pinyin(), statistics::pinyinIdf, false);
        return clauses;
    }

    private List<String> pinyinOfUnseenBigrams(AnalyzedText question) {
        List<String> units = question.units();
        List<String> syllables = question.syllables();
        var out = new ArrayList<String>();
        double unseen = statistics.maxIdf();
        for (int i = 0; i + 1 < units.size(); i++) {
            if (units.get(i).equals(" ") || units.get(i + 1).equals(" ")) continue;
            if (statistics.gramIdf(units.get(i) + "_" + units.get(i + 1)) >= unseen) {
                out.add(syllables.get(i) + "_" + syllables.get(i + 1));
            }
        }
        return out;
    }

    /**
     * Adds the question's terms of one field, skipping terms no phrasing has. With {@code skipCommon}, grams that
     * occur in more than one document in {@link #COMMON_SHARE} (的, 么) are left out unless nothing rarer is
     * left: they add almost nothing to BM25 but make Lucene visit most documents.
     */
    private void addTerms(List<DisjunctionSearch.ScoredTerm> clauses, int field, Collection<String> terms, float boost,
                          ToDoubleFunction<String> idf, boolean skipCommon) {
        double unseen = statistics.maxIdf();
        double commonIdf = skipCommon ? statistics.idfAtShare(1.0 / COMMON_SHARE) : 0;
        var rare = new ArrayList<String>();
        var common = new ArrayList<String>();
        for (String term : terms) {
            double weight = idf.applyAsDouble(term);
            if (weight >= unseen) continue;
            (weight < commonIdf ? common : rare).add(term);
        }
        List<String> chosen = rare.isEmpty() ? common : rare;
        // a pasted essay must not become a huge query
        int added = 0;
        for (String term : chosen) {
            if (added >= MAX_TERMS_PER_FIELD) break;
            DisjunctionSearch.ScoredTerm clause = scoredTerm(field, term, boost);
            if (clause == null) continue;
            clauses.add(clause);
            added++;
        }
    }

    /**
     * A clause that reuses the term's place in the index and its scorer: this snapshot never changes, so the
     * look-up in the terms dictionary and the term's BM25 weight are computed once per term instead of once per
     * question. Only terms the index holds get here ({@link #addTerms} skips the rest), and a field's boost never
     * changes, so the cache is bounded by the index's vocabulary. Statistics and scorer are Lucene's own, so
     * scores are exactly those of a {@code BoostQuery} over a plain {@code TermQuery}. Null for a term that only
     * the whole-entry texts have, which are counted in the statistics but not indexed.
     */
    private DisjunctionSearch.ScoredTerm scoredTerm(int field, String text, float boost) {
        Map<String, DisjunctionSearch.ScoredTerm> cache = scoredTerms.get(field);
        DisjunctionSearch.ScoredTerm cached = cache.get(text);
        if (cached != null) return cached;
        try {
            DisjunctionSearch.ScoredTerm scored = disjunction.clause(field, text, boost);
            if (scored != null) cache.put(text, scored);
            return scored;
        } catch (IOException e) {
            throw new UncheckedIOException("looking up " + FIELDS[field] + ":" + text + " failed", e);
        }
    }

    private static List<String> bigramsOnly(Collection<String> grams) {
        return grams.stream().filter(g -> g.indexOf('_') >= 0).toList();
    }

    /** Each document's phrasing, by document id: read once, as Lucene may have renumbered the documents. */
    private static int[] phrasingOrdinals(DirectoryReader reader) {
        var ordinals = new int[reader.maxDoc()];
        try {
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues values = leaf.reader().getNumericDocValues(ORDINAL);
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (values == null || !values.advanceExact(doc)) throw new IllegalStateException("document without ordinal");
                    ordinals[leaf.docBase + doc] = (int) values.longValue();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the index's ordinals failed", e);
        }
        return ordinals;
    }

    public List<IndexedPhrasing> phrasings() {
        return phrasings;
    }

    /** Every indexed phrasing of one standard question. */
    public List<IndexedPhrasing> phrasingsOf(String entryId) {
        return phrasingsByEntry.getOrDefault(entryId, List.of());
    }

    /** Replaces words this knowledge base has never seen by its words that sound the same. */
    public AnalyzedText correctHomophones(AnalyzedText question) {
        return homophones.correct(question, statistics::knowsConcept);
    }

    /**
     * All phrasings of an entry read as one text, for entries with more than one: a long question may use words
     * that are spread over several similar phrasings.
     */
    public Optional<IndexedPhrasing> wholeEntry(String entryId) {
        return Optional.ofNullable(wholeEntries.get(entryId));
    }

    public TermStatistics statistics() {
        return statistics;
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

    private static void deleteFolder(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover folder in the temp directory is harmless
        }
    }

    int phrasingOrdinal(int docId) {
        return phrasingOrdinals[docId];
    }

    /** The Lucene reader, for tests that compare {@link #search} with Lucene's own search. */
    DirectoryReader reader() {
        return reader;
    }

    public int size() {
        return phrasings.size();
    }
}
