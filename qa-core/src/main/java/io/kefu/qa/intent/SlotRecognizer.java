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

    SlotRecognizer(List<EntityDictionary> dictionaries, Clock clock, Set<String> usedTypes) {
        this.usedTypes = Set.copyOf(usedTypes);
        this.scanners = List.<SlotScanner>of(new EntityScanner(dictionaries), new DigitScanner(), new AmountScanner(),
                new DateScanner(clock)).stream().filter(s -> s.types().stream().anyMatch(usedTypes::contains)).toList();
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
