package io.kefu.qa.eval;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes a simulated task in the benchmark format, so it can be inspected and evaluated like any benchmark. */
final class SimulationFiles {

    private SimulationFiles() {
    }

    static void write(Path dir, KnowledgeBase knowledge, List<BenchmarkData.Query> queries) {
        var kb = new ArrayList<String>();
        kb.add("id\tquestion\tanswer");
        for (FaqEntry entry : knowledge.entries()) kb.add(entry.id() + "\t" + entry.question() + "\t" + entry.answer());
        var qs = new ArrayList<String>();
        qs.add("query\texpected_id");
        for (BenchmarkData.Query query : queries) qs.add(query.text() + "\t" + query.expectedId());
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve("kb.tsv"), kb);
            Files.write(dir.resolve("queries.tsv"), qs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
