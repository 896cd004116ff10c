package io.kefu.qa.intent;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * The intents and entity dictionaries one matcher is compiled from.
 *
 * @param entities entity dictionaries, names unique
 * @param intents  intents, names unique, in the order they were written (the last tie-breaker between hits)
 */
public record IntentSet(List<EntityDictionary> entities, List<Intent> intents) {

    public IntentSet {
        entities = List.copyOf(entities);
        intents = List.copyOf(intents);
    }

    public static IntentSet empty() {
        return new IntentSet(List.of(), List.of());
    }

    /**
     * This set with every intent and entity dictionary of {@code overrides} replacing the one of the same name (in
     * its place) or added at the end. This is how {@code knowledge/intents/} overrides the built-in intents.
     */
    public IntentSet overriddenBy(IntentSet overrides) {
        var entityByName = new LinkedHashMap<String, EntityDictionary>();
        entities.forEach(e -> entityByName.put(e.name(), e));
        overrides.entities.forEach(e -> entityByName.put(e.name(), e));
        var intentByName = new LinkedHashMap<String, Intent>();
        intents.forEach(i -> intentByName.put(i.name(), i));
        overrides.intents.forEach(i -> intentByName.put(i.name(), i));
        return new IntentSet(List.copyOf(entityByName.values()), List.copyOf(intentByName.values()));
    }

    public Optional<Intent> intent(String name) {
        return intents.stream().filter(i -> i.name().equals(name)).findFirst();
    }
}
