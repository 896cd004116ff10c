package io.kefu.qa.index;

import io.kefu.qa.expand.AnalyzedText;
import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.MMapDirectory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The Lucene side of a snapshot: one document per phrasing, with a field per view of its text, in a private
 * temporary folder that is memory-mapped. On this workload MMapDirectory searches several times faster than the
 * on-heap ByteBuffersDirectory, whose every term look-up copies buffers.
 */
final class LuceneFolder {

    private static final String ORDINAL = "ordinal";
    /** The learned vector of a phrasing, searched by Lucene's HNSW graph. */
    static final String VECTOR = "vector";

    private LuceneFolder() {
    }

    /** Writes the phrasings and opens them; the folder is deleted when the reader's last reference is released. */
    static DirectoryReader write(List<IndexedPhrasing> phrasings) {
        return write(phrasings, null);
    }

    /** @param vectors each text's unit vector by ordinal, or null for no vector field */
    static DirectoryReader write(List<IndexedPhrasing> phrasings, float[][] vectors) {
        Path folder;
        MMapDirectory directory;
        try {
            folder = Files.createTempDirectory("kefu-index");
            directory = new MMapDirectory(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the index", e);
        }
        var config = new IndexWriterConfig(new WhitespaceAnalyzer()).setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(256).setCodec(new SmallGraphCodec());
        try (var writer = new IndexWriter(directory, config)) {
            for (IndexedPhrasing phrasing : phrasings) {
                AnalyzedText text = phrasing.analyzed();
                var doc = new Document();
                doc.add(new TextField(FaqIndex.Field.CONCEPT.luceneName(), String.join(" ", text.concepts()), Field.Store.NO));
                doc.add(new TextField(FaqIndex.Field.GRAM.luceneName(), String.join(" ", text.grams()), Field.Store.NO));
                doc.add(new TextField(FaqIndex.Field.PINYIN.luceneName(), String.join(" ", text.pinyin()), Field.Store.NO));
                doc.add(new NumericDocValuesField(ORDINAL, phrasing.ordinal()));
                if (vectors != null && isUnit(vectors[phrasing.ordinal()])) {
                    doc.add(new KnnFloatVectorField(VECTOR, vectors[phrasing.ordinal()], VectorSimilarityFunction.DOT_PRODUCT));
                }
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

    /**
     * Lucene's codec with a sparser HNSW graph (8 neighbours, a beam of 32, against 16 and 100): the vector path only
     * adds a few candidates to BM25's, so approximate neighbours are enough, and the default graph made a
     * 20,000-phrasing build many times slower. The codec keeps its name, and the segment records the vector format
     * with its settings, so reading needs nothing registered.
     */
    private static final class SmallGraphCodec extends Lucene912Codec {
        private final KnnVectorsFormat vectors = new Lucene99HnswVectorsFormat(8, 32);

        @Override
        public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
            return vectors;
        }
    }

    /** A text without features has a zero vector, which has no direction to search by. */
    private static boolean isUnit(float[] vector) {
        double norm = 0;
        for (float x : vector) norm += x * x;
        return Math.abs(norm - 1) < 1e-3;
    }

    /** Each document's phrasing ordinal, by document id: read once, as Lucene may have renumbered the documents. */
    static int[] phrasingOrdinals(DirectoryReader reader) {
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

    private static void deleteFolder(Path folder) {
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover folder in the temp directory is harmless
        }
    }
}
