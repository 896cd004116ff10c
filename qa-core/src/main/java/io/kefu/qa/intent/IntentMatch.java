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
 * @param exact    the template covers the whole question and every required slot ({@code {name}}, not
 *                 {@code {name?}}) is filled
 */
public record IntentMatch(String intent, String template, int priority, Map<String, SlotValue> slots,
                          double coverage, boolean exact) {

    public IntentMatch {
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(template, "template");
        slots = Collections.unmodifiableMap(new LinkedHashMap<>(slots));
    }
}
