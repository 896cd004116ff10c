package io.kefu.qa.dialog;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything a dialogue remembers between two customer messages. Immutable, and plain data so that it can be
 * stored as JSON with the conversation and picked up by any server node.
 *
 * @param form         the form being filled, or {@code null}
 * @param topic        the standard question answered last, for follow-ups such as 那国际的呢, or {@code null}
 * @param misses       how many messages in a row got no answer
 * @param lastActivity when the customer last wrote, in epoch milliseconds (0 for a new dialogue)
 */
public record DialogueState(FormProgress form, Topic topic, int misses, long lastActivity) {

    public static DialogueState start() {
        return new DialogueState(null, null, 0, 0);
    }

    /**
     * A form in progress.
     *
     * @param intent   the form's intent
     * @param values   slot name → value collected so far, unmasked
     * @param failures replies in a row that did not give the value asked for
     */
    public record FormProgress(String intent, Map<String, String> values, int failures) {
        public FormProgress {
            values = Map.copyOf(values);
        }

        FormProgress with(String slot, String value) {
            var next = new LinkedHashMap<>(values);
            next.put(slot, value);
            return new FormProgress(intent, next, 0);
        }

        FormProgress failed() {
            return new FormProgress(intent, values, failures + 1);
        }
    }

    /** The standard question a follow-up refers to. */
    public record Topic(String id, String question) {
    }

    DialogueState withForm(FormProgress next) {
        return new DialogueState(next, topic, misses, lastActivity);
    }

    DialogueState withTopic(Topic next) {
        return new DialogueState(form, next, 0, lastActivity);
    }

    DialogueState withMisses(int next) {
        return new DialogueState(form, topic, next, lastActivity);
    }

    DialogueState at(long millis) {
        return new DialogueState(form, topic, misses, millis);
    }
}
