package io.kefu.qa.intent;

import io.kefu.qa.KnowledgeException;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the intent templates in a normalised question.
 *
 * <pre>{@code
 * IntentMatcher matcher = IntentMatcher.compile(KnowledgeFolder.open(knowledgeDir).intents());
 * List<IntentMatch> hits = matcher.match(normalizer.normalize("帮我查下13800138000的话费").text());
 * // hits.get(0): bill_query, exact, slots {phone=138****8000}
 * }</pre>
 *
 * <p>Two passes, both Aho–Corasick automata, so the cost does not grow with the number of templates: slot values
 * are recognised first (entity dictionaries through one automaton, the built-in types through small scanners), each
 * recognised span is replaced by its type's marker (every combination of replaced and kept spans is one
 * {@link Reading}), and the templates, expanded at compile time into concrete patterns, are found in those
 * skeletons by the second automaton. Measured on the development machine (2 shared cores, warm JIT, CPU time per
 * question): about 8 µs for the SMP2019 check's 130 templates (6,365 patterns, 1,044 dictionary spellings) on its
 * short utterances, about 12 µs for the bundled 64 templates (5,083 patterns) on the longer golden questions; most
 * of it is slot recognition and building the result, not the template automaton (about 2 µs).
 *
 * <p>Immutable and thread-safe.
 */
public final class IntentMatcher {

    /** Dates like 今天 are resolved in the customers' time zone unless a clock is given. */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    /** Longer input is cut: the normaliser already clips questions to 500 characters. */
    private static final int MAX_LENGTH = 1000;

    /** Best first: exact, then priority, then coverage, then the more specific (more literal text, more slots). */
    private static final Comparator<Hit> ORDER = IntentMatcher::compare;

    private final IntentSet intents;
    private final SlotTypes types;
    private final SlotRecognizer recognizer;
    private final SlotRecognizer everyType;
    private final List<CompiledTemplate> templates;
    private final TemplateAutomaton automaton;

    private IntentMatcher(IntentSet intents, Clock clock) {
        this.intents = intents;
        this.types = new SlotTypes(intents.entities().stream().map(EntityDictionary::name).toList());
        TemplateCompiler.Result compiled = TemplateCompiler.compile(intents, types);
        this.templates = compiled.templates();
        this.automaton = compiled.automaton();
        // one set of scanners: the entity automaton is built once for both recognizers
        List<SlotScanner> scanners = SlotRecognizer.scanners(intents.entities(), clock);
        this.recognizer = new SlotRecognizer(scanners, compiled.usedTypes());
        var allTypes = new java.util.HashSet<>(SlotTypes.BUILT_IN);
        intents.entities().forEach(e -> allTypes.add(e.name()));
        this.everyType = new SlotRecognizer(scanners, allTypes);
    }

    /**
     * Compiles every template.
     *
     * @throws KnowledgeException       naming the file, intent and template of a template that does not parse,
     *                                  expands too far, or uses a slot type that is neither built in nor a dictionary
     * @throws IllegalArgumentException when two entity dictionaries have the same name
     */
    public static IntentMatcher compile(IntentSet intents) {
        return compile(intents, Clock.system(DEFAULT_ZONE));
    }

    /** As {@link #compile(IntentSet)}, resolving relative dates (今天, 上个月) with {@code clock}. */
    public static IntentMatcher compile(IntentSet intents, Clock clock) {
        return new IntentMatcher(Objects.requireNonNull(intents, "intents"), Objects.requireNonNull(clock, "clock"));
    }

    /**
     * The intents whose templates occur in the question, one hit per intent (its best template hit), best first:
     * exact hits before partial ones, then higher priority, then higher coverage. No hit is an empty list.
     *
     * @param normalizedText the question after {@code TextNormalizer}; slot spans refer to positions in it
     */
    public List<IntentMatch> match(String normalizedText) {
        if (normalizedText == null || normalizedText.isBlank()) return List.of();
        String text = normalizedText.length() > MAX_LENGTH ? normalizedText.substring(0, MAX_LENGTH) : normalizedText;
        int[] nonSpace = nonSpaceBefore(text);
        var best = new HashMap<String, Hit>();
        var demanded = new HashSet<String>();
        for (Reading reading : Reading.all(text, recognizer.recognize(text), types)) {
            automaton.find(reading, (begin, end, pattern) -> {
                if (splitsAsciiWord(text, reading, begin, end)) return;
                CompiledTemplate template = templates.get(pattern.template());
                int start = reading.from()[begin];
                int stop = reading.to()[end - 1];
                boolean exact = !pattern.missingRequired() && Phrasing.onlyFillerAround(text, start, stop);
                if (template.intent().wholeMessage() && !exact) return;
                String name = template.intent().name();
                if (!demanded.contains(name) && Phrasing.demands(text, start, stop)) demanded.add(name);
                var hit = new Hit(template, reading, begin, end, pattern,
                        (double) (nonSpace[stop] - nonSpace[start]) / nonSpace[text.length()], exact);
                best.merge(name, hit, (a, b) -> ORDER.compare(a, b) <= 0 ? a : b);
            });
        }
        var hits = new ArrayList<>(best.values());
        hits.sort(ORDER);
        boolean asks = !hits.isEmpty() && Phrasing.asksQuestion(text);
        return hits.stream().map(hit -> {
            String name = hit.template().intent().name();
            Mood mood = demanded.contains(name) ? Mood.DEMAND : asks ? Mood.QUESTION : Mood.STATEMENT;
            return hit.toMatch(text, mood);
        }).toList();
    }

    /**
     * {@link #match(String)} for a message whose polite filler the normaliser stripped: when the message as written
     * ({@code unstripped}) is wholly a conversation move, its hits, because the filler was the message ("好的 谢谢"
     * is thanks, though "好的" alone is a yes); otherwise the hits of the stripped text.
     */
    public List<IntentMatch> match(String normalizedText, String unstripped) {
        if (unstripped != null && !unstripped.equals(normalizedText)) {
            List<IntentMatch> whole = match(unstripped);
            if (!whole.isEmpty() && whole.get(0).exact() && wholeMessage(whole.get(0).intent())) return whole;
        }
        return match(normalizedText);
    }

    private boolean wholeMessage(String intent) {
        return intents.intent(intent).map(Intent::wholeMessage).orElse(false);
    }

    /** What this matcher was compiled from. */
    public IntentSet intents() {
        return intents;
    }

    /** How many concrete patterns the templates expanded into. */
    public int patterns() {
        return automaton.size();
    }

    /** A literal "hi" must not match inside "hifi": ASCII letters and digits at the edges match whole words only. */
    private static boolean splitsAsciiWord(String text, Reading reading, int begin, int end) {
        boolean startsLiteral = reading.slots()[begin] == null;
        boolean endsLiteral = reading.slots()[end - 1] == null;
        return (startsLiteral && Spelling.cutsAsciiWord(text, reading.from()[begin]))
                || (endsLiteral && Spelling.cutsAsciiWord(text, reading.to()[end - 1]));
    }

    /** {@link #ORDER}, written out: it runs for every occurrence of every template, and boxing would show. */
    private static int compare(Hit a, Hit b) {
        if (a.exact() != b.exact()) return a.exact() ? -1 : 1;
        int byPriority = Integer.compare(b.template().template().priority(), a.template().template().priority());
        if (byPriority != 0) return byPriority;
        int byCoverage = Double.compare(b.coverage(), a.coverage());
        if (byCoverage != 0) return byCoverage;
        int byLiteral = Integer.compare(b.pattern().literalChars(), a.pattern().literalChars());
        if (byLiteral != 0) return byLiteral;
        int bySlots = Integer.compare(b.pattern().slotNames().size(), a.pattern().slotNames().size());
        return bySlots != 0 ? bySlots : Integer.compare(a.template().index(), b.template().index());
    }

    /** {@code counts[i]}: characters before position i that are not spaces. */
    private static int[] nonSpaceBefore(String text) {
        int[] counts = new int[text.length() + 1];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            counts[i + 1] = counts[i] + (Character.isWhitespace(c) || SlotTypes.isMarker(c) ? 0 : 1);
        }
        return counts;
    }

    /** One occurrence of one template's expansion in one reading. */
    /**
     * Every value of one slot type in a text, in order: how a form reads the answer to "请提供您的手机号码"
     * when the customer replies with just the number, or with a sentence around it.
     *
     * @param type a built-in type or an entity dictionary of this matcher
     */
    public List<SlotValue> recognize(String normalizedText, String type) {
        if (!types.isKnown(type)) throw new IllegalArgumentException("unknown slot type " + type);
        if (normalizedText == null || normalizedText.isBlank()) return List.of();
        return everyType.recognize(normalizedText).stream().filter(r -> r.type().equals(type))
                .map(r -> r.toSlotValue(normalizedText)).toList();
    }

    /** Whether {@code type} is a built-in slot type or one of this matcher's entity dictionaries. */
    public boolean knowsType(String type) {
        return types.isKnown(type);
    }

    private record Hit(CompiledTemplate template, Reading reading, int begin, int end, TemplateAutomaton.Pattern pattern,
                       double coverage, boolean exact) {

        IntentMatch toMatch(String text, Mood mood) {
            var slots = new LinkedHashMap<String, SlotValue>();
            int next = 0;
            for (int k = begin; k < end; k++) {
                Recognition value = reading.slots()[k];
                if (value != null) slots.put(pattern.slotNames().get(next++), value.toSlotValue(text));
            }
            Template written = template.template();
            return new IntentMatch(template.intent().name(), written.text(), written.priority(), slots, coverage, exact,
                    mood);
        }
    }
}
