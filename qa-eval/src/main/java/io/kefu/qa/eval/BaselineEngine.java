package io.kefu.qa.eval;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a developer would build instead: Lucene BM25 over the KB questions with {@code SmartChineseAnalyzer}, no
 * reranking, and the top score thresholded. The threshold is the one that maximised overall accuracy on the
 * training simulation ({@code train} prints it), so both engines get their thresholds the same way.
 */
final class BaselineEngine implements Engine {

    /** Chosen by {@code EvaluatorCli train} on the lcqmc dev-split simulation; see docs/benchmarks.md. */
    static final double DEFAULT_THRESHOLD = 9.1;

    private static final String QUESTION = "question";
    private static final String ID = "id";

    private final Analyzer analyzer = new SmartChineseAnalyzer();
    private final IndexSearcher searcher;
    private final double threshold;

    BaselineEngine(KnowledgeBase knowledge, double threshold) {
        this.threshold = threshold;
        var directory = new ByteBuffersDirectory();
        try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
            for (FaqEntry entry : knowledge.entries()) {
                for (String phrasing : entry.phrasings()) {
                    var doc = new Document();
                    doc.add(new StoredField(ID, entry.id()));
                    doc.add(new TextField(QUESTION, phrasing, Field.Store.NO));
                    writer.addDocument(doc);
                }
            }
            writer.commit();
            this.searcher = new IndexSearcher(DirectoryReader.open(directory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String name() {
        return "baseline";
    }

    @Override
    public Result ask(String question) {
        List<ScoreDoc> top = search(question, 30);
        var ids = new ArrayList<String>();
        double best = 0;
        for (ScoreDoc doc : top) {
            String id = idOf(doc);
            if (ids.isEmpty()) best = doc.score;
            if (!ids.contains(id)) ids.add(id);
            if (ids.size() == 10) break;
        }
        return new Result(ids, !ids.isEmpty() && best >= threshold ? ids.get(0) : null);
    }

    /** BM25 score of the entry's best phrasing; 0 when it is not among the 2,000 best phrasings. */
    @Override
    public double score(String question, String entryId) {
        for (ScoreDoc doc : search(question, 2000)) {
            if (idOf(doc).equals(entryId)) return doc.score;
        }
        return 0;
    }

    double topScore(String question) {
        List<ScoreDoc> top = search(question, 1);
        return top.isEmpty() ? 0 : top.get(0).score;
    }

    private List<ScoreDoc> search(String question, int limit) {
        Query query = parse(question);
        if (query == null) return List.of();
        try {
            return List.of(searcher.search(query, limit).scoreDocs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the classic query parser would build for plain text: every analysed token as an optional term. */
    private Query parse(String question) {
        var builder = new BooleanQuery.Builder();
        int terms = 0;
        try (TokenStream tokens = analyzer.tokenStream(QUESTION, question == null ? "" : question)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms < 200) {
                builder.add(new TermQuery(new Term(QUESTION, term.toString())), BooleanClause.Occur.SHOULD);
                terms++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms == 0 ? null : builder.build();
    }

    private String idOf(ScoreDoc doc) {
        try {
            return searcher.storedFields().document(doc.doc).get(ID);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
