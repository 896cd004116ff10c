package io.kefu.qa.index;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.expand.TextAnalyzer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a snapshot knows about its texts besides Lucene: every distinct phrasing analysed, each entry's phrasings
 * read as one text, and the term statistics over them.
 *
 * @param phrasings    the phrasings, numbered from 0 in knowledge-base order; a phrasing that analyses to empty
 *                     text or to the same text as an earlier phrasing of its entry is left out
 * @param wholeEntries entry id to all its phrasings read as one text, for entries with more than one, numbered
 *                     after the phrasings
 * @param statistics   idf of every term, a document being one entry with all its phrasings
 */
record IndexContent(List<IndexedPhrasing> phrasings, Map<String, IndexedPhrasing> wholeEntries,
                    TermStatistics statistics) {

    static IndexContent analyze(KnowledgeBase knowledge, TextAnalyzer analyzer) {
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
                phrasings.add(new IndexedPhrasing(entry, keptTexts.get(e).get(p), documents.get(e).get(p),
                        phrasings.size()));
            }
        }
        var wholeEntries = new LinkedHashMap<String, IndexedPhrasing>();
        wholeTexts.forEach((e, all) -> {
            FaqEntry entry = knowledge.entries().get(e);
            wholeEntries.put(entry.id(), new IndexedPhrasing(entry, all, wholeAnalyzed.get(e),
                    phrasings.size() + wholeEntries.size()));
        });
        return new IndexContent(List.copyOf(phrasings), wholeEntries, statistics);
    }
}
