package io.kefu.qa.intent;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The first pass over a question: every span that holds a value of a slot type some template uses. Scanners for
 * types no template uses are not run at all.
 */
final class SlotRecognizer {

    private static final Comparator<Recognition> BY_POSITION = Comparator.comparingInt(Recognition::start)
            .thenComparing(Comparator.comparingInt(Recognition::end).reversed());

    private final List<SlotScanner> scanners;
    private final Set<String> usedTypes;

    /** @param scanners every scanner, e.g. {@link #scanners}; those for none of {@code usedTypes} are dropped */
    SlotRecognizer(List<SlotScanner> scanners, Set<String> usedTypes) {
        this.usedTypes = Set.copyOf(usedTypes);
        this.scanners = scanners.stream().filter(s -> s.types().stream().anyMatch(usedTypes::contains)).toList();
    }

    /** The scanners of the entity dictionaries and of the built-in types; immutable, so recognizers can share them. */
    static List<SlotScanner> scanners(List<EntityDictionary> dictionaries, Clock clock) {
        return List.of(new EntityScanner(dictionaries), new DigitScanner(), new AmountScanner(), new DateScanner(clock));
    }

    /** Distinct recognitions of used types, by start, longest first. */
    List<Recognition> recognize(String text) {
        if (scanners.isEmpty()) return List.of();
        var found = new ArrayList<Recognition>();
        for (SlotScanner scanner : scanners) scanner.scan(text, found);
        if (found.isEmpty()) return List.of();
        var used = new LinkedHashSet<Recognition>();
        for (Recognition recognition : found) {
            if (usedTypes.contains(recognition.type())) used.add(recognition);
        }
        var sorted = new ArrayList<>(used);
        sorted.sort(BY_POSITION);
        return sorted;
    }
}
