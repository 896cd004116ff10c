package io.kefu.qa.embed;

import io.kefu.qa.expand.AnalyzedText;

import java.util.List;

/**
 * The sparse input of the question encoder: character 1-, 2- and 3-grams of a text and its words (synonym-canonical
 * content words, and neighbouring segmented words), each hashed into one of a fixed number of buckets. Hashing keeps
 * the model's size fixed whatever the vocabulary, and lets a word never seen in training share nothing but its
 * characters' grams. The hash is FNV-1a over the feature's kind and text, stable across JVMs and versions.
 */
public final class HashedFeatures {

    private HashedFeatures() {
    }

    /** Every kind of feature: character 1-, 2-, 3-grams, words, neighbouring word pairs. */
    public static final String ALL = "cbtwp";

    /** The buckets of every feature of a text, repeats included (a gram that occurs twice counts twice). */
    public static int[] of(AnalyzedText text, int buckets) {
        return of(text, buckets, ALL);
    }

    /**
     * @param kinds which features, by letter: {@code c} characters, {@code b} character bigrams, {@code t} trigrams,
     *              {@code w} words (synonym-canonical content words), {@code p} neighbouring word pairs
     */
    public static int[] of(AnalyzedText text, int buckets, String kinds) {
        boolean chars = kinds.indexOf('c') >= 0;
        boolean bigrams = kinds.indexOf('b') >= 0;
        boolean trigrams = kinds.indexOf('t') >= 0;
        List<String> units = text.units();
        var out = new IntList(units.size() * 3 + text.concepts().size() + text.words().size());
        for (int i = 0; i < units.size(); i++) {
            String a = units.get(i);
            if (a.equals(" ")) continue;
            if (chars) out.add(bucket('c', a, "", "", buckets));
            if (i + 1 < units.size() && !units.get(i + 1).equals(" ")) {
                if (bigrams) out.add(bucket('b', a, units.get(i + 1), "", buckets));
                if (trigrams && i + 2 < units.size() && !units.get(i + 2).equals(" ")) {
                    out.add(bucket('t', a, units.get(i + 1), units.get(i + 2), buckets));
                }
            }
        }
        if (kinds.indexOf('w') >= 0) for (String concept : text.concepts()) out.add(bucket('w', concept, "", "", buckets));
        List<String> words = text.words();
        if (kinds.indexOf('p') >= 0) {
            for (int i = 0; i + 1 < words.size(); i++) out.add(bucket('p', words.get(i), words.get(i + 1), "", buckets));
        }
        return out.toArray();
    }

    static int bucket(char kind, String a, String b, String c, int buckets) {
        int hash = 0x811c9dc5;
        hash = (hash ^ kind) * 0x01000193;
        hash = mix(hash, a);
        hash = (hash ^ 0x1f) * 0x01000193;
        hash = mix(hash, b);
        hash = (hash ^ 0x1f) * 0x01000193;
        hash = mix(hash, c);
        return Math.floorMod(hash, buckets);
    }

    private static int mix(int hash, String text) {
        for (int i = 0; i < text.length(); i++) hash = (hash ^ text.charAt(i)) * 0x01000193;
        return hash;
    }

    /** A growable int array, to avoid boxing every feature. */
    private static final class IntList {
        private int[] items;
        private int size;

        IntList(int capacity) {
            items = new int[Math.max(4, capacity)];
        }

        void add(int item) {
            if (size == items.length) items = java.util.Arrays.copyOf(items, size * 2);
            items[size++] = item;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(items, size);
        }
    }
}
