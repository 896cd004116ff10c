package io.kefu.qa.index;

import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.TermStates;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.similarities.Similarity;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.LongHeap;
import org.apache.lucene.util.NumericUtils;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The best documents for a disjunction of boosted terms (what a {@code BooleanQuery} of {@code SHOULD}
 * {@code BoostQuery(TermQuery)} clauses finds), scored term at a time with Lucene's own postings, norms and BM25
 * scorers, into buffers each thread keeps.
 * <p>
 * Why not {@code IndexSearcher.search}: under load the chat server answers a thousand questions a second, and a Lucene
 * search allocates about 180 KB each (a postings reader with its block buffers per clause, a 32 KB window of scores,
 * the query's rewrite), which made the collector pause every server thread once a second. Here a search allocates
 * almost nothing. The index is one small immutable segment and common grams are never searched for, so visiting every
 * posting of every clause costs no more than MaxScore's skipping saved. Scores are summed in {@code double} and
 * rounded to {@code float} as Lucene does, and ties go to the lower document as in Lucene's collector;
 * {@code DisjunctionSearchTest} checks the results against {@code IndexSearcher}'s.
 */
final class DisjunctionSearch {

    private final IndexSearcher searcher;
    private final List<LeafReaderContext> leaves;
    private final String[] fields;
    /** Every document's norm, by field and leaf: read once, since the snapshot never changes. */
    private final long[][][] norms;
    private final ThreadLocal<Buffers> buffers;

    DisjunctionSearch(DirectoryReader reader, Similarity similarity, String... fields) {
        this.searcher = new IndexSearcher(reader);
        this.searcher.setSimilarity(similarity);
        this.leaves = reader.leaves();
        this.fields = fields.clone();
        this.norms = new long[fields.length][leaves.size()][];
        try {
            for (int f = 0; f < fields.length; f++) {
                for (LeafReaderContext leaf : leaves) norms[f][leaf.ord] = norms(leaf, fields[f]);
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading the index's norms failed", e);
        }
        int maxDoc = reader.maxDoc();
        this.buffers = ThreadLocal.withInitial(() -> new Buffers(maxDoc, this.fields.length, leaves.size()));
    }

    /**
     * The clause for a term of a field (the field's {@link FaqIndex.Field#ordinal() ordinal} numbers it among the
     * fields this search was made for), with Lucene's statistics and scorer, as a {@code BoostQuery(TermQuery)}
     * would score it; null when no document has the term.
     */
    FaqIndex.Clause clause(FaqIndex.Field field, String text, float boost) throws IOException {
        var term = new Term(fields[field.ordinal()], text);
        TermStates states = TermStates.build(searcher, term, true);
        if (states.docFreq() == 0) return null;
        var scorer = searcher.getSimilarity().scorer(boost, searcher.collectionStatistics(term.field()),
                searcher.termStatistics(term, states.docFreq(), states.totalTermFreq()));
        return new FaqIndex.Clause(field, term, boost, states, scorer);
    }

    /** Documents without the field score with norm 0, as Lucene's {@code LeafSimScorer} does. */
    private static long[] norms(LeafReaderContext leaf, String field) throws IOException {
        long[] values = new long[leaf.reader().maxDoc()];
        NumericDocValues stored = leaf.reader().getNormValues(field);
        if (stored == null) {
            Arrays.fill(values, 1L); // a field without norms: Lucene scores with norm 1
            return values;
        }
        for (int doc = stored.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = stored.nextDoc()) {
            values[doc] = stored.longValue();
        }
        return values;
    }

    /** The {@code limit} best documents, best first; equal scores in document order. */
    ScoreDoc[] top(List<FaqIndex.Clause> clauses, int limit) throws IOException {
        Buffers buffer = buffers.get();
        try {
            for (LeafReaderContext leaf : leaves) {
                for (FaqIndex.Clause clause : clauses) accumulate(buffer, leaf, clause);
            }
            return best(buffer, limit);
        } finally {
            buffer.clear();
        }
    }

    private void accumulate(Buffers buffer, LeafReaderContext leaf, FaqIndex.Clause clause) throws IOException {
        TermState state = clause.states().get(leaf);
        if (state == null) return; // not in this leaf
        int field = clause.field().ordinal();
        TermsEnum terms = buffer.termsEnum(leaf, field, fields);
        terms.seekExact(clause.term().bytes(), state);
        PostingsEnum postings = terms.postings(buffer.postings[leaf.ord][field], PostingsEnum.FREQS);
        buffer.postings[leaf.ord][field] = postings;
        long[] fieldNorms = norms[field][leaf.ord];
        Bits live = leaf.reader().getLiveDocs();
        Similarity.SimScorer scorer = clause.scorer();
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live != null && !live.get(doc)) continue;
            buffer.add(leaf.docBase + doc, scorer.score(postings.freq(), fieldNorms[doc]));
        }
    }

    private static ScoreDoc[] best(Buffers buffer, int limit) {
        if (limit <= 0 || buffer.touchedCount == 0) return new ScoreDoc[0];
        var heap = new LongHeap(limit);
        for (int i = 0; i < buffer.touchedCount; i++) {
            int doc = buffer.touched[i];
            heap.insertWithOverflow(key((float) buffer.scores[doc], doc));
        }
        var out = new ScoreDoc[heap.size()];
        for (int i = out.length - 1; i >= 0; i--) {
            long key = heap.pop();
            out[i] = new ScoreDoc(docOf(key), NumericUtils.sortableIntToFloat((int) (key >> 32)));
        }
        return out;
    }

    /** Orders by score, then by lower document first: the score's sortable bits above the inverted document. */
    private static long key(float score, int doc) {
        return ((long) NumericUtils.floatToSortableInt(score) << 32) | (Integer.MAX_VALUE - doc);
    }

    private static int docOf(long key) {
        return Integer.MAX_VALUE - (int) (key & 0xFFFFFFFFL);
    }

    /** One thread's working memory: per-document sums, which documents were touched, and reusable enumerators. */
    private static final class Buffers {
        final double[] scores;
        final boolean[] seen;
        final int[] touched;
        int touchedCount;
        final TermsEnum[][] termsEnums;
        final PostingsEnum[][] postings;

        Buffers(int maxDoc, int fields, int leaves) {
            scores = new double[maxDoc];
            seen = new boolean[maxDoc];
            touched = new int[maxDoc];
            termsEnums = new TermsEnum[leaves][fields];
            postings = new PostingsEnum[leaves][fields];
        }

        void add(int doc, float score) {
            if (!seen[doc]) {
                seen[doc] = true;
                touched[touchedCount++] = doc;
            }
            scores[doc] += score;
        }

        TermsEnum termsEnum(LeafReaderContext leaf, int field, String[] fieldNames) throws IOException {
            TermsEnum terms = termsEnums[leaf.ord][field];
            if (terms == null) {
                Terms all = leaf.reader().terms(fieldNames[field]);
                terms = all.iterator(); // a clause's term state exists in this leaf, so the field does too
                termsEnums[leaf.ord][field] = terms;
            }
            return terms;
        }

        void clear() {
            for (int i = 0; i < touchedCount; i++) {
                int doc = touched[i];
                scores[doc] = 0;
                seen[doc] = false;
            }
            touchedCount = 0;
        }
    }
}
