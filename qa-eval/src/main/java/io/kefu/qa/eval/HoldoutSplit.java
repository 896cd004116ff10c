package io.kefu.qa.eval;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;

import java.util.ArrayList;
import java.util.List;

/**
 * A development split made from a knowledge base itself: each entry's last similar phrasing is taken out and asked
 * as a question that must find its entry. It lets ranking changes be checked on a deployment's own style of
 * questions without touching held-out test questions.
 */
record HoldoutSplit(KnowledgeBase knowledge, List<BenchmarkData.Query> queries) {

    static HoldoutSplit lastSimilar(KnowledgeBase full) {
        var kept = new ArrayList<FaqEntry>();
        var queries = new ArrayList<BenchmarkData.Query>();
        for (FaqEntry entry : full.entries()) {
            List<String> similar = entry.similar();
            if (similar.size() < 2) {
                kept.add(entry);
                continue;
            }
            queries.add(new BenchmarkData.Query(similar.get(similar.size() - 1), entry.id()));
            kept.add(new FaqEntry(entry.id(), entry.question(), similar.subList(0, similar.size() - 1), entry.answer(),
                    entry.category()));
        }
        return new HoldoutSplit(new KnowledgeBase(kept), queries);
    }
}
