package io.kefu.qa.intent;

import io.kefu.qa.KnowledgeException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns every template of an {@link IntentSet} into the patterns of one {@link TemplateAutomaton}: each expansion
 * spelled with its literal text and one marker character per slot, the marker of the slot's type.
 */
final class TemplateCompiler {

    /** What a matcher needs from compilation. */
    record Result(List<CompiledTemplate> templates, TemplateAutomaton automaton, Set<String> usedTypes) {
    }

    private TemplateCompiler() {
    }

    static Result compile(IntentSet intents, SlotTypes types) {
        var templates = new ArrayList<CompiledTemplate>();
        var patterns = new HashMap<String, List<TemplateAutomaton.Pattern>>();
        var usedTypes = new HashSet<String>();
        for (Intent intent : intents.intents()) {
            checkSlotSection(intent, types);
            for (int t = 0; t < intent.templates().size(); t++) {
                Template template = intent.templates().get(t);
                var compiled = new CompiledTemplate(templates.size(), intent, template);
                templates.add(compiled);
                List<Expansion> expansions = expand(intent, t);
                Set<String> required = new HashSet<>();
                expansions.forEach(e -> e.slots().stream().filter(s -> !s.optional()).forEach(s -> required.add(s.name())));
                for (Expansion expansion : expansions) {
                    var spelling = new StringBuilder();
                    var slotNames = new ArrayList<String>();
                    int literal = 0;
                    for (Expansion.Piece piece : expansion.pieces()) {
                        if (piece instanceof Expansion.Text text) {
                            spelling.append(text.text());
                            literal += text.text().length();
                        } else if (piece instanceof Expansion.Slot slot) {
                            String type = knownType(intent, t, slot, types);
                            usedTypes.add(type);
                            spelling.append(types.marker(type));
                            slotNames.add(slot.name());
                        }
                    }
                    boolean missingRequired = !expansion.slots().stream().map(Expansion.Slot::name).toList().containsAll(required);
                    patterns.computeIfAbsent(spelling.toString(), k -> new ArrayList<>(1))
                            .add(new TemplateAutomaton.Pattern(compiled.index(), List.copyOf(slotNames), missingRequired, literal));
                }
            }
        }
        return new Result(List.copyOf(templates), new TemplateAutomaton(patterns), Set.copyOf(usedTypes));
    }

    /**
     * Checks that every slot of every template, and every entry of every {@code slots} section, has a type that is
     * built in or an entity dictionary of the set; what {@link #compile} checks, without building anything.
     */
    static void checkTypes(IntentSet intents) {
        var types = new SlotTypes(intents.entities().stream().map(EntityDictionary::name).toList());
        for (Intent intent : intents.intents()) {
            checkSlotSection(intent, types);
            for (int t = 0; t < intent.templates().size(); t++) {
                for (Expansion expansion : expand(intent, t)) {
                    for (Expansion.Slot slot : expansion.slots()) knownType(intent, t, slot, types);
                }
            }
        }
    }

    private static String knownType(Intent intent, int templateIndex, Expansion.Slot slot, SlotTypes types) {
        String type = intent.slotType(slot.name());
        if (!types.isKnown(type)) {
            throw new KnowledgeException(intent.source(), where(intent, templateIndex), "templates[" + templateIndex + "]",
                    "unknown slot type '" + type + "' for slot {" + slot.name() + "}; known: " + types.describe());
        }
        return type;
    }

    /** Expansions of one template; syntax errors name the file, the intent and the template. */
    static List<Expansion> expand(Intent intent, int templateIndex) {
        try {
            return TemplateParser.expand(intent.templates().get(templateIndex).text());
        } catch (IllegalArgumentException e) {
            throw new KnowledgeException(intent.source(), where(intent, templateIndex), "templates[" + templateIndex + "]",
                    e.getMessage());
        }
    }

    static String where(Intent intent, int templateIndex) {
        return "intent " + intent.name() + " template '" + intent.templates().get(templateIndex).text() + "'";
    }

    private static void checkSlotSection(Intent intent, SlotTypes types) {
        for (Map.Entry<String, String> slot : intent.slots().entrySet()) {
            if (!types.isKnown(slot.getValue())) {
                throw new KnowledgeException(intent.source(), "intent " + intent.name(), "slots." + slot.getKey(),
                        "unknown slot type '" + slot.getValue() + "'; known: " + types.describe());
            }
        }
    }
}
