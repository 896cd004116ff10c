package io.kefu.qa.intent;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The second pass: one Aho–Corasick automaton (HanLP's double-array trie) over every expansion of every template,
 * with slots as marker characters, run over each reading of a question. Its cost grows with the question's length
 * and the number of hits, not with the number of templates.
 */
final class TemplateAutomaton {

    /**
     * One expansion of one template.
     *
     * @param template        index of the template in the matcher
     * @param slotNames       the names of its slots, in the order their markers appear
     * @param missingRequired a required slot of the template lies in an optional part this expansion left out
     * @param literalChars    how many of its characters are literal text: more literal text is a more specific hit
     */
    record Pattern(int template, List<String> slotNames, boolean missingRequired, int literalChars) {
    }

    /** Receives each occurrence: skeleton positions {@code [begin, end)}. */
    interface Sink {
        void hit(int begin, int end, Pattern pattern);
    }

    private final AhoCorasickDoubleArrayTrie<List<Pattern>> automaton;
    private final int size;

    /** @param patterns skeleton spelling (literals and markers) to the expansions spelled that way */
    TemplateAutomaton(Map<String, List<Pattern>> patterns) {
        this.automaton = new AhoCorasickDoubleArrayTrie<>(new TreeMap<>(patterns));
        this.size = patterns.values().stream().mapToInt(List::size).sum();
    }

    void find(Reading reading, Sink sink) {
        automaton.parseText(reading.skeleton(), (AhoCorasickDoubleArrayTrie.IHitFull<List<Pattern>>) (begin, end, patterns, index) -> {
            for (Pattern pattern : patterns) sink.hit(begin, end, pattern);
        });
    }

    /** How many expansions were compiled. */
    int size() {
        return size;
    }
}
