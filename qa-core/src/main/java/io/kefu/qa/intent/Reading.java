package io.kefu.qa.intent;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * One way of reading a question as a skeleton: each recognised span either replaced by its type's marker or kept
 * as text, spaces dropped. "查13800138000的话费" has two readings, 查·⟨mobile⟩·的话费 and the text itself; a
 * template is looked for in every reading, because whether 话费 is a value of the {@code product} dictionary or the
 * literal word of a template is only known once a template matches.
 *
 * @param skeleton the characters the template automaton reads
 * @param from     for each skeleton character, where its text starts in the question
 * @param to       for each skeleton character, where its text ends (exclusive)
 * @param slots    for each skeleton character, the value its marker stands for, or null for a literal
 */
record Reading(char[] skeleton, int[] from, int[] to, Recognition[] slots) {

    /**
     * Beyond this many combinations (they double with every span) only a linear number of readings is tried: see
     * {@link #all}.
     */
    static final int MAX_READINGS = 64;

    /**
     * The readings of {@code text} given the recognised spans: every combination of spans replaced or kept while
     * there are at most {@value #MAX_READINGS}; otherwise the text itself, the text with as many spans replaced as
     * fit (longest first), and the text with each single span replaced. A template that needs two particular
     * spans replaced and a third kept can then be missed, in a question that holds many values at once.
     */
    static List<Reading> all(String text, List<Recognition> spans, SlotTypes types) {
        if (spans.isEmpty()) return List.of(literal(text)); // most questions hold no slot value at all
        if (count(text.length(), spans) <= MAX_READINGS) return walk(text, spans, types, true);
        var readings = new ArrayList<Reading>(spans.size() + 2);
        readings.addAll(walk(text, List.of(), types, false));
        readings.addAll(walk(text, longestFirst(spans), types, false));
        for (Recognition span : spans) readings.addAll(walk(text, List.of(span), types, false));
        return readings;
    }

    /** The question itself, spaces dropped. */
    private static Reading literal(String text) {
        char[] skeleton = new char[text.length()];
        int[] from = new int[text.length()];
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || SlotTypes.isMarker(c)) continue;
            skeleton[length] = c;
            from[length++] = i;
        }
        int[] to = new int[length];
        for (int k = 0; k < length; k++) to[k] = from[k] + 1;
        return new Reading(Arrays.copyOf(skeleton, length), Arrays.copyOf(from, length), to, new Recognition[length]);
    }

    /** @param literalToo also read each span as text (every combination); otherwise the spans must not overlap */
    private static List<Reading> walk(String text, List<Recognition> spans, SlotTypes types, boolean literalToo) {
        @SuppressWarnings("unchecked")
        List<Recognition>[] startingAt = new List[text.length()];
        for (Recognition span : spans) {
            if (startingAt[span.start()] == null) startingAt[span.start()] = new ArrayList<>(2);
            startingAt[span.start()].add(span);
        }
        var walk = new Walk(text, startingAt, types, literalToo);
        walk.from(0, 0);
        return walk.readings;
    }

    /** Spans that do not overlap, longest first, then leftmost. */
    private static List<Recognition> longestFirst(List<Recognition> spans) {
        var sorted = new ArrayList<>(spans);
        sorted.sort(Comparator.comparingInt((Recognition r) -> r.start() - r.end()).thenComparingInt(Recognition::start));
        var taken = new boolean[sorted.stream().mapToInt(Recognition::end).max().orElse(0)];
        var kept = new ArrayList<Recognition>();
        for (Recognition span : sorted) {
            boolean free = true;
            for (int i = span.start(); i < span.end() && free; i++) free = !taken[i];
            if (!free) continue;
            for (int i = span.start(); i < span.end(); i++) taken[i] = true;
            kept.add(span);
        }
        return kept;
    }

    /** Paths through the lattice of characters and spans, counted from the end. */
    private static long count(int length, List<Recognition> spans) {
        long[] paths = new long[length + 1];
        paths[length] = 1;
        for (int i = length - 1; i >= 0; i--) {
            paths[i] = paths[i + 1];
            for (Recognition span : spans) {
                if (span.start() == i) paths[i] = Math.min(Long.MAX_VALUE / 2, paths[i] + paths[span.end()]);
            }
        }
        return paths[0];
    }

    /** Depth-first over the lattice, sharing one set of buffers. */
    private static final class Walk {
        private final String text;
        private final List<Recognition>[] startingAt;
        private final SlotTypes types;
        private final char[] skeleton;
        private final int[] from;
        private final int[] to;
        private final Recognition[] slots;
        private final boolean literalToo;
        private final List<Reading> readings = new ArrayList<>(2);

        Walk(String text, List<Recognition>[] startingAt, SlotTypes types, boolean literalToo) {
            this.text = text;
            this.startingAt = startingAt;
            this.types = types;
            this.literalToo = literalToo;
            this.skeleton = new char[text.length()];
            this.from = new int[text.length()];
            this.to = new int[text.length()];
            this.slots = new Recognition[text.length()];
        }

        void from(int position, int length) {
            if (position == text.length()) {
                readings.add(new Reading(Arrays.copyOf(skeleton, length), Arrays.copyOf(from, length),
                        Arrays.copyOf(to, length), Arrays.copyOf(slots, length)));
                return;
            }
            if (startingAt[position] != null) {
                for (Recognition span : startingAt[position]) {
                    put(length, types.marker(span.type()), position, span.end(), span);
                    from(span.end(), length + 1);
                }
                if (!literalToo) return;
            }
            char c = text.charAt(position);
            if (Character.isWhitespace(c) || SlotTypes.isMarker(c)) {
                from(position + 1, length); // spaces separate words but are not matched; a marker must not be forged
            } else {
                put(length, c, position, position + 1, null);
                from(position + 1, length + 1);
            }
        }

        private void put(int at, char c, int start, int end, Recognition slot) {
            skeleton[at] = c;
            from[at] = start;
            to[at] = end;
            slots[at] = slot;
        }
    }
}
