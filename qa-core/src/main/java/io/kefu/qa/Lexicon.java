package io.kefu.qa;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The language resources of a deployment: domain words the segmenter must keep whole, synonym groups, stop words.
 *
 * @param domainWords words such as 退订, 彩铃, 携号转网 that the general dictionary splits
 * @param synonyms    synonym groups; the first word of each group is its canonical form
 * @param stopWords   words that carry no intent (的, 了, 吧); negation and question words are never treated as stop
 *                    words even when listed, because 不, 没, 怎么, 多少 change what a question means
 */
public record Lexicon(Set<String> domainWords, List<List<String>> synonyms, Set<String> stopWords) {

    public Lexicon {
        domainWords = Set.copyOf(domainWords);
        synonyms = synonyms.stream().map(List::copyOf).toList();
        stopWords = Set.copyOf(stopWords);
    }

    public static Lexicon empty() {
        return new Lexicon(Set.of(), List.of(), Set.of());
    }

    /** Maps every word of a synonym group to the group's canonical (first) word. */
    public Map<String, String> canonicalForms() {
        var map = new java.util.HashMap<String, String>();
        for (List<String> group : synonyms) {
            if (group.isEmpty()) continue;
            for (String word : group) map.putIfAbsent(word, group.get(0));
        }
        return Map.copyOf(map);
    }
}
