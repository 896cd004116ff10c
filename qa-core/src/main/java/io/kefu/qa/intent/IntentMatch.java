package io.kefu.qa.intent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One template found in a question.
 *
 * @param intent   the intent's name
 * @param template the template as written in the content
 * @param priority the template's priority (the intent's unless the template sets its own)
 * @param slots    slot name to recognised value, in template order; an optional slot that was not in the text is
 *                 absent
 * @param coverage the share of the question's characters (spaces not counted) that the template matched, 0–1
 * @param exact    the template covers the whole question, filler such as 哦, 好的 or a final 吧 aside, and every
 *                 required slot ({@code {name}}, not {@code {name?}}) is filled
 * @param mood     whether the message asks the bot to do it, asks a question about it, or states it
 */
public record IntentMatch(String intent, String template, int priority, Map<String, SlotValue> slots,
                          double coverage, boolean exact, Mood mood) {

    public IntentMatch {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(mood, "mood");
        slots = Collections.unmodifiableMap(new LinkedHashMap<>(slots));
    }

    /** A hit stated plainly (neither a request nor a question). */
    public IntentMatch(String intent, String template, int priority, Map<String, SlotValue> slots, double coverage,
                       boolean exact) {
        this(intent, template, priority, slots, coverage, exact, Mood.STATEMENT);
    }
}
