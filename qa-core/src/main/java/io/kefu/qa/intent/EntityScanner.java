package io.kefu.qa.intent;

import com.hankcs.hanlp.collection.AhoCorasick.AhoCorasickDoubleArrayTrie;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds every spelling of every entity value in one pass: an Aho–Corasick automaton (HanLP's double-array trie)
 * over all values and synonyms of all dictionaries, so the cost depends on the question's length, not on how many
 * values there are.
 */
final class EntityScanner implements SlotScanner {

    /** What one spelling stands for; a spelling may belong to several dictionaries. */
    private record Meaning(String type, String value) {
    }

    private final List<String> types;
    private final AhoCorasickDoubleArrayTrie<List<Meaning>> automaton;

    EntityScanner(List<EntityDictionary> dictionaries) {
        this.types = dictionaries.stream().map(EntityDictionary::name).toList();
        var bySpelling = new TreeMap<String, List<Meaning>>();
        for (EntityDictionary dictionary : dictionaries) {
            for (Map.Entry<String, List<String>> entry : dictionary.values().entrySet()) {
                Meaning meaning = new Meaning(dictionary.name(), entry.getKey());
                add(bySpelling, entry.getKey(), meaning);
                entry.getValue().forEach(synonym -> add(bySpelling, synonym, meaning));
            }
        }
        this.automaton = new AhoCorasickDoubleArrayTrie<>(bySpelling);
    }

    private static void add(TreeMap<String, List<Meaning>> bySpelling, String spelling, Meaning meaning) {
        String key = Spelling.of(spelling);
        if (key.isEmpty()) return;
        List<Meaning> meanings = bySpelling.computeIfAbsent(key, k -> new ArrayList<>());
        if (meanings.stream().noneMatch(m -> m.type().equals(meaning.type()))) meanings.add(meaning);
    }

    @Override
    public List<String> types() {
        return types;
    }

    @Override
    public void scan(String text, List<Recognition> out) {
        automaton.parseText(text.toCharArray(), (AhoCorasickDoubleArrayTrie.IHitFull<List<Meaning>>) (begin, end, meanings, index) -> {
            if (splitsAsciiWord(text, begin, end)) return;
            for (Meaning meaning : meanings) out.add(new Recognition(begin, end, meaning.type(), meaning.value()));
        });
    }

    /** "hi" is not a value inside "hifi", nor "5g" inside "15g": ASCII values match whole words only. */
    static boolean splitsAsciiWord(CharSequence text, int begin, int end) {
        return Spelling.cutsAsciiWord(text, begin) || Spelling.cutsAsciiWord(text, end);
    }
}
