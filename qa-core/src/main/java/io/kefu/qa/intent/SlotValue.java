package io.kefu.qa.intent;

import java.util.Objects;

/**
 * A value recognised in the customer's text and given to a template slot.
 *
 * <p>{@link #toString()} shows the {@link #masked()} form only, so a slot value that ends up in a log line never
 * leaks a full phone, ID-card or bank-card number.
 *
 * @param type  the slot type: a built-in type ({@code mobile}, {@code amount}, {@code date}, {@code id_card},
 *              {@code bank_card}, {@code number}) or the name of an entity dictionary
 * @param text  the span of the normalised text as the customer wrote it, e.g. {@code 138 0013 8000} or {@code 光纤}
 * @param start where the span starts in the normalised text (inclusive)
 * @param end   where it ends (exclusive)
 * @param value the canonical value: digits only for numbers and cards, leading zeros kept ({@code 13800138000}, ID cards with an
 *              upper-case {@code X}), a plain decimal for amounts ({@code 50}), ISO-8601 for dates ({@code 2026-11-22},
 *              or {@code 2026-11} for a month), the canonical dictionary value for entities ({@code 宽带} for 光纤)
 */
public record SlotValue(String type, String text, int start, int end, String value) {

    public SlotValue {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(value, "value");
        if (start < 0 || end < start) throw new IllegalArgumentException("bad span " + start + ".." + end);
    }

    /** The value as it may appear in logs and echoed replies: 138****8000, 1101**********123X, ****1234. */
    public String masked() {
        return switch (type) {
            case SlotTypes.MOBILE -> value.length() == 11 ? value.substring(0, 3) + "****" + value.substring(7) : stars(value.length());
            case SlotTypes.ID_CARD -> value.length() > 8
                    ? value.substring(0, 4) + stars(value.length() - 8) + value.substring(value.length() - 4)
                    : stars(value.length());
            case SlotTypes.BANK_CARD -> value.length() > 4 ? "****" + value.substring(value.length() - 4) : stars(value.length());
            default -> value;
        };
    }

    private static String stars(int count) {
        return "*".repeat(count);
    }

    @Override
    public String toString() {
        return "SlotValue[" + type + "=" + masked() + " @" + start + ".." + end + "]";
    }
}
