package io.kefu.qa;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** An immutable set of FAQ entries with unique ids. */
public record KnowledgeBase(List<FaqEntry> entries) {

    public KnowledgeBase {
        entries = List.copyOf(entries);
        var seen = new HashSet<String>();
        for (FaqEntry entry : entries) {
            if (!seen.add(entry.id())) throw new IllegalArgumentException("duplicate FAQ id: " + entry.id());
        }
    }

    public Map<String, FaqEntry> byId() {
        return entries.stream().collect(Collectors.toUnmodifiableMap(FaqEntry::id, Function.identity()));
    }

    public Optional<FaqEntry> find(String id) {
        return entries.stream().filter(e -> e.id().equals(id)).findFirst();
    }

    public int size() {
        return entries.size();
    }
}
