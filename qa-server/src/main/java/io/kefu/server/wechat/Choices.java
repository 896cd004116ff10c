package io.kefu.server.wechat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a bare number from a WeChat user means, after the last message they were sent: WeChat text has no buttons,
 * so suggestions and quick replies go out numbered, and the rating prompt asks for 1 to 5.
 *
 * @param options  the numbered choices ("1" is the first); empty when none was offered
 * @param ratingOf the closed conversation a number from 1 to 5 rates, or {@code null}
 */
public record Choices(List<Option> options, String ratingOf) {

    public static final Choices NONE = new Choices(List.of(), null);

    /**
     * One numbered choice.
     *
     * @param text         what choosing it sends, as if typed
     * @param suggestionId the standard question chosen ("您是不是想问"), or {@code null} for a quick reply
     */
    public record Option(String text, String suggestionId) {
    }

    public Choices {
        options = options == null ? List.of() : List.copyOf(options);
    }

    public static Choices rating(String conversationId) {
        return new Choices(List.of(), conversationId);
    }

    public boolean none() {
        return options.isEmpty() && ratingOf == null;
    }

    /** The option a reply such as {@code 2} (or the full-width {@code ２}) chooses. */
    public Optional<Option> chosen(String reply) {
        int n = number(reply);
        return n >= 1 && n <= options.size() ? Optional.of(options.get(n - 1)) : Optional.empty();
    }

    /** The stars a reply gives the closed conversation, when a rating was asked for. */
    public OptionalInt stars(String reply) {
        int n = number(reply);
        return ratingOf != null && n >= 1 && n <= 5 ? OptionalInt.of(n) : OptionalInt.empty();
    }

    /** A reply of one digit, 0 otherwise. */
    private static int number(String reply) {
        String text = reply == null ? "" : reply.strip();
        if (text.length() != 1) return 0;
        char c = text.charAt(0);
        if (c >= '０' && c <= '９') c = (char) ('0' + (c - '０'));
        return c >= '1' && c <= '9' ? c - '0' : 0;
    }
}
