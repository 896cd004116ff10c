package io.kefu.qa.intent;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The slot types one matcher knows (the built-in ones and its entity dictionaries), each with the marker character
 * that stands for "a value of this type" in the skeleton of a question and in the compiled templates.
 *
 * <p>Markers come from Unicode's private-use area, which the normaliser never lets through (it is neither a letter
 * nor a digit), so a customer cannot type one.
 */
final class SlotTypes {

    static final String MOBILE = "mobile";
    static final String AMOUNT = "amount";
    static final String DATE = "date";
    static final String ID_CARD = "id_card";
    static final String BANK_CARD = "bank_card";
    static final String NUMBER = "number";
    /** Never recognised in a text: the type of free-text form slots (a description, a message to leave). */
    static final String TEXT = "text";
    static final List<String> BUILT_IN = List.of(MOBILE, AMOUNT, DATE, ID_CARD, BANK_CARD, NUMBER, TEXT);

    static final char FIRST_MARKER = '\uE000';
    static final char LAST_MARKER = '\uF8FF';

    private final Map<String, Character> markers = new HashMap<>();

    SlotTypes(Collection<String> entityTypes) {
        for (String type : BUILT_IN) markers.put(type, (char) (FIRST_MARKER + markers.size()));
        for (String type : entityTypes) {
            if (markers.containsKey(type)) throw new IllegalArgumentException("entity dictionary '" + type + "' is defined twice or shadows a built-in type");
            if (FIRST_MARKER + markers.size() > LAST_MARKER) throw new IllegalArgumentException("too many entity dictionaries");
            markers.put(type, (char) (FIRST_MARKER + markers.size()));
        }
    }

    boolean isKnown(String type) {
        return markers.containsKey(type);
    }

    char marker(String type) {
        Character marker = markers.get(type);
        if (marker == null) throw new IllegalArgumentException("unknown slot type " + type);
        return marker;
    }

    static boolean isMarker(char c) {
        return c >= FIRST_MARKER && c <= LAST_MARKER;
    }

    /** For error messages: what an author may write. */
    String describe() {
        return "built-in types " + String.join(", ", BUILT_IN) + (markers.size() > BUILT_IN.size()
                ? "; entity dictionaries " + String.join(", ", markers.keySet().stream()
                .filter(t -> !BUILT_IN.contains(t)).sorted().toList()) : "; no entity dictionaries");
    }
}
