package io.kefu.qa.index;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.KnowledgeFolder;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link DisjunctionSearch} must find exactly what Lucene's {@code IndexSearcher} finds for the same clauses. */
class DisjunctionSearchTest {

    private static final Path DEMO = Path.of("..", "knowledge", "src", "main", "resources", "knowledge");

    @Test
    void findsWhatLuceneFindsForEveryPhrasingOfTheDemoKnowledgeBaseAndLongMixesOfThem() throws IOException {
        KnowledgeFolder demo = KnowledgeFolder.open(DEMO);
        KnowledgeBase knowledge = demo.faq();
        var analyzer = new TextAnalyzer(demo.lexicon());
        var questions = new ArrayList<String>();
        knowledge.entries().forEach(entry -> questions.addAll(entry.phrasings()));
        var random = new Random(7);
        List<String> singles = List.copyOf(questions);
        for (int i = 0; i < 300; i++) { // long messages: many clauses, up to the per-field cap
            var mix = new StringBuilder();
            for (int j = 0; j < 2 + random.nextInt(8); j++) mix.append(singles.get(random.nextInt(singles.size())));
            questions.add(mix.toString());
        }
        try (FaqIndex index = FaqIndex.build(knowledge, analyzer)) {
            var lucene = new IndexSearcher(index.reader());
            lucene.setSimilarity(new BM25Similarity());
            int compared = 0;
            for (String question : questions) {
                List<FaqIndex.Clause> clauses = clauses(index, analyzer.analyze(question));
                if (clauses.isEmpty()) continue;
                ScoreDoc[] expected = lucene.search(booleanQuery(clauses), 30).scoreDocs;
                List<FaqIndex.Hit> actual = index.search(clauses, 30);
                assertEquals(expected.length, actual.size(), question);
                for (int i = 0; i < expected.length; i++) {
                    assertEquals(index.phrasings().get(index.phrasingOrdinal(expected[i].doc)), actual.get(i).phrasing(),
                            question + " #" + i);
                    assertEquals(expected[i].score, actual.get(i).score(), question + " #" + i);
                }
                compared++;
            }
            assertTrue(compared > 1000, "compared " + compared);
        }
    }

    /** Every term of every view of the question that the index holds, up to 64 a field, boosted as retrieval does. */
    private static List<FaqIndex.Clause> clauses(FaqIndex index, AnalyzedText question) {
        var clauses = new ArrayList<FaqIndex.Clause>();
        addClauses(clauses, index, FaqIndex.Field.CONCEPT, question.concepts(), 1f);
        addClauses(clauses, index, FaqIndex.Field.GRAM, question.grams(), 0.5f);
        addClauses(clauses, index, FaqIndex.Field.PINYIN, question.pinyin(), 0.3f);
        return clauses;
    }

    private static void addClauses(List<FaqIndex.Clause> clauses, FaqIndex index, FaqIndex.Field field,
                                   Collection<String> terms, float boost) {
        terms.stream().map(term -> index.clause(field, term, boost)).filter(Objects::nonNull).limit(64)
                .forEach(clauses::add);
    }

    @Test
    void handlesSeveralSegmentsDeletedDocumentsAndRepeatedTerms() throws IOException {
        var random = new Random(11);
        String[] words = {"a", "b", "c", "d", "e", "f", "g", "h"};
        try (var directory = new ByteBuffersDirectory()) {
            var config = new IndexWriterConfig(new WhitespaceAnalyzer()).setSimilarity(new BM25Similarity())
                    .setMergePolicy(NoMergePolicy.INSTANCE);
            try (var writer = new IndexWriter(directory, config)) {
                for (int doc = 0; doc < 600; doc++) {
                    var document = new Document();
                    document.add(new StringField("id", Integer.toString(doc), Field.Store.NO));
                    document.add(new TextField("x", text(random, words, 1 + random.nextInt(12)), Field.Store.NO));
                    if (random.nextBoolean()) document.add(new TextField("y", text(random, words, 1 + random.nextInt(4)), Field.Store.NO));
                    writer.addDocument(document);
                    if (doc % 150 == 149) writer.commit(); // a new segment
                }
                for (int doc = 0; doc < 600; doc += 7) writer.deleteDocuments(new Term("id", Integer.toString(doc)));
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(directory)) {
                assertTrue(reader.leaves().size() > 1, "several segments");
                assertTrue(reader.hasDeletions());
                var search = new DisjunctionSearch(reader, new BM25Similarity(), "x", "y");
                var lucene = new IndexSearcher(reader);
                lucene.setSimilarity(new BM25Similarity());
                for (int q = 0; q < 500; q++) {
                    var clauses = new ArrayList<FaqIndex.Clause>();
                    for (int c = 0; c < 1 + random.nextInt(6); c++) { // the same term twice happens too
                        FaqIndex.Clause clause = search.clause(FaqIndex.Field.values()[random.nextInt(2)],
                                words[random.nextInt(words.length)], 0.1f + random.nextFloat());
                        if (clause != null) clauses.add(clause);
                    }
                    if (clauses.isEmpty()) continue;
                    int limit = 1 + random.nextInt(40);
                    ScoreDoc[] expected = lucene.search(booleanQuery(clauses), limit).scoreDocs;
                    ScoreDoc[] actual = search.top(clauses, limit);
                    assertArrayEquals(docs(expected), docs(actual), "query " + q);
                    for (int i = 0; i < expected.length; i++) assertEquals(expected[i].score, actual[i].score, 1e-6f);
                }
                assertNull(search.clause(FaqIndex.Field.CONCEPT, "absent", 1f), "a term no document has makes no clause");
            }
        }
    }

    private static BooleanQuery booleanQuery(List<FaqIndex.Clause> clauses) {
        var builder = new BooleanQuery.Builder();
        for (FaqIndex.Clause clause : clauses) {
            builder.add(new BoostQuery(new TermQuery(clause.term()), clause.boost()), BooleanClause.Occur.SHOULD);
        }
        return builder.build();
    }

    private static String text(Random random, String[] words, int length) {
        var text = new StringBuilder();
        for (int i = 0; i < length; i++) text.append(words[random.nextInt(words.length)]).append(' ');
        return text.toString();
    }

    private static int[] docs(ScoreDoc[] docs) {
        int[] ids = new int[docs.length];
        for (int i = 0; i < docs.length; i++) ids[i] = docs[i].doc;
        return ids;
    }
}
