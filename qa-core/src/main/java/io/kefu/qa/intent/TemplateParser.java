package io.kefu.qa.intent;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one template and expands it into the concrete patterns it stands for.
 *
 * <pre>
 * template     := alternatives                 (a top-level | works like one pair of parentheses)
 * alternatives := sequence ( '|' sequence )*
 * sequence     := ( literal | '(' alternatives ')' | '[' alternatives ']' | '{' name '?'? '}' )+
 * </pre>
 *
 * {@code {name?}} expands like {@code [{name}]}; the difference is that leaving out a {@code {name}} (possible only
 * inside an optional part) gives an expansion whose hits are never exact.
 *
 * <p>Expanding at compile time is what lets one Aho–Corasick automaton find every template at once; the price is
 * that a template with many independent optional parts multiplies out, so more than {@value #MAX_EXPANSIONS}
 * patterns is rejected rather than silently slowing every build down. Whitespace is ignored; full-width brackets
 * count as brackets (authors type with a Chinese input method). Problems are {@link IllegalArgumentException}s
 * whose message says where; the loader adds the file, intent and template.
 */
final class TemplateParser {

    static final int MAX_EXPANSIONS = 512;
    private static final Pattern SLOT_NAME = Pattern.compile("[a-z][a-z0-9_]*");

    private final String template;
    private int pos;

    private TemplateParser(String template) {
        this.template = template;
    }

    /** Every distinct expansion of a template, in the order they were written. */
    static List<Expansion> expand(String template) {
        var parser = new TemplateParser(template);
        List<Expansion> all = parser.alternatives(-1, (char) 0);
        for (Expansion expansion : all) {
            if (expansion.isEmpty()) {
                throw new IllegalArgumentException("every part is optional, so it would match empty text");
            }
            var seen = new HashSet<String>();
            for (Expansion.Slot slot : expansion.slots()) {
                if (!seen.add(slot.name())) throw new IllegalArgumentException("slot {" + slot.name() + "} appears twice");
            }
        }
        return all;
    }

    /** Alternatives up to {@code close} (0 at the top level), which is consumed. */
    private List<Expansion> alternatives(int openedAt, char close) {
        Set<Expansion> all = new LinkedHashSet<>();
        while (true) {
            List<Expansion> sequence = sequence();
            if (sequence == null) {
                throw new IllegalArgumentException(openedAt < 0 ? "empty template or empty alternative at the top level"
                        : "empty alternative in the '" + template.charAt(openedAt) + "' at position " + (openedAt + 1));
            }
            all.addAll(sequence);
            if (all.size() > MAX_EXPANSIONS) throw tooMany();
            if (pos == template.length()) {
                if (close != 0) {
                    throw new IllegalArgumentException("unbalanced brackets: '" + template.charAt(openedAt)
                            + "' at position " + (openedAt + 1) + " is never closed");
                }
                return new ArrayList<>(all);
            }
            char c = bracket(template.charAt(pos));
            if (c == '|') {
                pos++;
            } else if (c == close) {
                pos++;
                return new ArrayList<>(all);
            } else {
                throw new IllegalArgumentException("unbalanced brackets: '" + template.charAt(pos) + "' at position "
                        + (pos + 1) + (close == 0 ? " closes nothing" : " where '" + close + "' was expected"));
            }
        }
    }

    /** The parts up to the next '|' or closing bracket; null when there are none. */
    private List<Expansion> sequence() {
        List<Expansion> acc = List.of(Expansion.EMPTY);
        boolean any = false;
        while (pos < template.length()) {
            char raw = template.charAt(pos);
            char c = bracket(raw);
            if (c == '|' || c == ')' || c == ']' || c == '}') break;
            if (Character.isWhitespace(Spelling.of(raw))) {
                pos++;
                continue;
            }
            any = true;
            int at = pos++;
            switch (c) {
                case '(' -> acc = product(acc, alternatives(at, ')'));
                case '[' -> {
                    var optional = new ArrayList<Expansion>();
                    optional.add(Expansion.EMPTY);
                    optional.addAll(alternatives(at, ']'));
                    acc = product(acc, optional);
                }
                case '{' -> {
                    Expansion.Slot slot = slot(at);
                    Expansion filled = new Expansion(List.of(slot));
                    acc = product(acc, slot.optional() ? List.of(Expansion.EMPTY, filled) : List.of(filled));
                }
                default -> acc = product(acc, List.of(new Expansion(List.of(new Expansion.Text(String.valueOf(literal(raw, at)))))));
            }
        }
        return any ? acc : null;
    }

    private Expansion.Slot slot(int openedAt) {
        int close = pos;
        while (close < template.length() && bracket(template.charAt(close)) != '}') close++;
        if (close == template.length()) {
            throw new IllegalArgumentException("unbalanced brackets: '{' at position " + (openedAt + 1) + " is never closed");
        }
        String inside = template.substring(pos, close).strip();
        pos = close + 1;
        boolean optional = inside.endsWith("?") || inside.endsWith("？");
        String name = optional ? inside.substring(0, inside.length() - 1).strip() : inside;
        if (!SLOT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("bad slot name '{" + inside + "}' at position " + (openedAt + 1)
                    + ": use lower-case letters, digits and _, e.g. {phone} or {phone?}");
        }
        return new Expansion.Slot(name, optional);
    }

    private char literal(char raw, int at) {
        char c = Spelling.of(raw);
        if (!Character.isLetterOrDigit(c)) {
            throw new IllegalArgumentException("'" + raw + "' at position " + (at + 1) + " can never match: the normaliser "
                    + "turns punctuation into spaces (brackets are ( ) [ ] { } and | separates alternatives)");
        }
        return c;
    }

    /** Every left followed by every right, without duplicates ([a|b] next to [a] must not count twice). */
    private List<Expansion> product(List<Expansion> left, List<Expansion> right) {
        var out = new LinkedHashSet<Expansion>();
        for (Expansion a : left) {
            for (Expansion b : right) {
                out.add(a.then(b));
                if (out.size() > MAX_EXPANSIONS) throw tooMany();
            }
        }
        return new ArrayList<>(out);
    }

    private IllegalArgumentException tooMany() {
        return new IllegalArgumentException("expands to more than " + MAX_EXPANSIONS + " concrete patterns: split it "
                + "into several templates, or move long lists of words into an entity dictionary");
    }

    /** Full-width brackets as typed with a Chinese input method count as brackets. */
    private static char bracket(char c) {
        return switch (c) {
            case '（' -> '(';
            case '）' -> ')';
            case '［', '【' -> '[';
            case '］', '】' -> ']';
            case '｛' -> '{';
            case '｝' -> '}';
            case '｜' -> '|';
            default -> c;
        };
    }
}
