package io.kefu.qa.intent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An intent as written in an intents file.
 *
 * @param name      unique name, e.g. {@code bill_query}; an intent in {@code knowledge/intents/} replaces a built-in
 *                  intent of the same name
 * @param priority  the default priority of its templates
 * @param templates its templates; an empty list switches the intent off
 * @param reply     a fixed reply, or empty when the intent needs more than a fixed text (a form, a hand-off)
 * @param slots     slot name to slot type; a slot not listed here has the type of its own name ({@code {product}}
 *                  is a {@code product}). May list slots no template mentions, for a form to ask for.
 * @param source    the file it came from, for error messages
 * @param wholeMessage whether it counts only as the whole message, filler aside (好的, 不是, 谢谢, 拜拜): a question
 *                  that merely contains 不 or 好 is not a refusal or a yes, so a partial hit of it is no hit
 */
public record Intent(String name, int priority, List<Template> templates, String reply, Map<String, String> slots,
                     String source, boolean wholeMessage) {

    public Intent {
        Objects.requireNonNull(name, "name");
        templates = List.copyOf(templates);
        reply = reply == null ? "" : reply;
        slots = Collections.unmodifiableMap(new LinkedHashMap<>(slots));
        Objects.requireNonNull(source, "source");
    }

    /** An intent that may be found anywhere in a message. */
    public Intent(String name, int priority, List<Template> templates, String reply, Map<String, String> slots,
                  String source) {
        this(name, priority, templates, reply, slots, source, false);
    }

    /** The type a slot of this intent is bound to. */
    public String slotType(String slot) {
        return slots.getOrDefault(slot, slot);
    }
}
