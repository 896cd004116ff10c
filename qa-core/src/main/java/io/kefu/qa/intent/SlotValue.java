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

    /** The value as it may appear in logs and echoed replies, as {@link PersonalNumbers} masks it. */
    public String masked() {
        return PersonalNumbers.maskValue(type, value);
    }

    @Override
    public String toString() {
        return "SlotValue[" + type + "=" + masked() + " @" + start + ".." + end + "]";
    }
}
