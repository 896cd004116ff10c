package io.kefu.qa.intent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A named list of values a slot can take, each with the other ways customers say it, e.g. {@code product}:
 * 宽带 ← 网络, 光纤. A slot of this type receives the canonical value whichever spelling was used.
 *
 * @param name   the slot type it defines
 * @param values canonical value to its synonyms, in file order
 * @param source the file it came from, for error messages
 */
public record EntityDictionary(String name, Map<String, List<String>> values, String source) {

    public EntityDictionary {
        Objects.requireNonNull(name, "name");
        var copy = new LinkedHashMap<String, List<String>>();
        values.forEach((value, synonyms) -> copy.put(value, List.copyOf(synonyms)));
        values = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(source, "source");
    }
}
