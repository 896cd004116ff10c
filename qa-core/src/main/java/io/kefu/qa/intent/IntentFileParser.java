package io.kefu.qa.intent;

import io.kefu.qa.KnowledgeException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one intents file (format in {@code docs/intents.md}) from the YAML tree rather than by data binding, so
 * that every problem can name the file, the intent or dictionary, and the field. Template syntax is checked here,
 * at load time; slot types can only be checked once every file is in, when the matcher is compiled.
 */
final class IntentFileParser {

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> FILE_KEYS = Set.of("entities", "intents");
    private static final Set<String> INTENT_KEYS = Set.of("name", "priority", "templates", "reply", "slots", "whole_message");
    private static final Set<String> TEMPLATE_KEYS = Set.of("text", "priority");

    private final String source;

    private IntentFileParser(String source) {
        this.source = source;
    }

    static IntentSet parse(String source, InputStream in) {
        JsonNode root;
        try {
            root = YAML.readTree(in);
        } catch (JacksonException e) {
            throw new KnowledgeException(source, "", "", "not valid YAML: " + e.getOriginalMessage());
        }
        var parser = new IntentFileParser(source);
        if (root == null || root.isMissingNode() || root.isNull()) return IntentSet.empty();
        if (!root.isObject()) throw parser.problem("", "", "expected a mapping with 'entities' and/or 'intents'");
        parser.onlyKeys(root, FILE_KEYS, "", "");
        return new IntentSet(parser.entities(root.path("entities")), parser.intents(root.path("intents")));
    }

    private List<EntityDictionary> entities(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return List.of();
        if (!node.isObject()) throw problem("", "entities", "expected a mapping from dictionary name to its values");
        var out = new ArrayList<EntityDictionary>();
        for (Map.Entry<String, JsonNode> dictionary : node.properties()) {
            String name = dictionary.getKey();
            String where = "entity " + name;
            if (!NAME.matcher(name).matches()) {
                throw problem(where, "entities", "bad dictionary name: use lower-case letters, digits and _");
            }
            if (SlotTypes.BUILT_IN.contains(name)) throw problem(where, "entities", "'" + name + "' is a built-in slot type");
            out.add(new EntityDictionary(name, values(where, name, dictionary.getValue()), source));
        }
        return out;
    }

    /** {@code {宽带: [网络, 光纤], 话费: 电话费, 流量: }} or a plain list {@code [北京, 上海]}. */
    private Map<String, List<String>> values(String where, String name, JsonNode node) {
        String field = "entities." + name;
        var values = new LinkedHashMap<String, List<String>>();
        if (node.isArray()) {
            for (JsonNode value : node) values.put(scalar(value, where, field), List.of());
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String value = entry.getKey().strip();
                if (value.isEmpty()) throw problem(where, field, "empty value");
                values.put(value, strings(entry.getValue(), where, field + "." + value));
            }
        } else {
            throw problem(where, field, "expected a mapping from value to synonyms, or a list of values");
        }
        if (values.isEmpty()) throw problem(where, field, "no values");
        var meaningOf = new HashMap<String, String>();
        values.forEach((value, synonyms) -> {
            for (String spelling : concat(value, synonyms)) {
                String earlier = meaningOf.putIfAbsent(Spelling.of(spelling), value);
                if (earlier != null && !earlier.equals(value)) {
                    throw problem(where, field + "." + value, "'" + spelling + "' already stands for '" + earlier + "'");
                }
            }
        });
        return values;
    }

    private List<Intent> intents(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) return List.of();
        if (!node.isArray()) throw problem("", "intents", "expected a list of intents");
        var out = new ArrayList<Intent>();
        var names = new HashSet<String>();
        for (int i = 0; i < node.size(); i++) {
            Intent intent = intent(node.get(i), i + 1);
            if (!names.add(intent.name())) throw problem("intent " + intent.name(), "name", "defined twice in this file");
            out.add(intent);
        }
        return out;
    }

    private Intent intent(JsonNode node, int position) {
        String where = "intent #" + position;
        if (!node.isObject()) throw problem(where, "", "expected a mapping with name, templates, ...");
        String name = node.path("name").isValueNode() ? node.path("name").asString().strip() : "";
        if (name.isEmpty()) throw problem(where, "name", "missing");
        where = "intent " + name;
        onlyKeys(node, INTENT_KEYS, where, "");
        int priority = integer(node.path("priority"), 0, where, "priority");
        JsonNode list = node.path("templates");
        if (!list.isArray()) throw problem(where, "templates", "missing: give a list (an empty list switches the intent off)");
        var templates = new ArrayList<Template>();
        for (int t = 0; t < list.size(); t++) templates.add(template(list.get(t), priority, where, t));
        String reply = node.path("reply").isMissingNode() || node.path("reply").isNull() ? ""
                : scalar(node.path("reply"), where, "reply").strip();
        JsonNode whole = node.path("whole_message");
        if (!whole.isMissingNode() && !whole.isBoolean()) throw problem(where, "whole_message", "expected true or false");
        var intent = new Intent(name, priority, templates, reply, slots(node.path("slots"), where), source,
                whole.asBoolean(false));
        for (int t = 0; t < templates.size(); t++) TemplateCompiler.expand(intent, t);
        return intent;
    }

    private Template template(JsonNode node, int intentPriority, String where, int index) {
        String field = "templates[" + index + "]";
        if (node.isObject()) {
            onlyKeys(node, TEMPLATE_KEYS, where, field);
            String text = scalar(node.path("text"), where, field + ".text");
            return new Template(text, integer(node.path("priority"), intentPriority, where + " template '" + text + "'",
                    field + ".priority"));
        }
        return new Template(scalar(node, where, field), intentPriority);
    }

    private Map<String, String> slots(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull()) return Map.of();
        if (!node.isObject()) throw problem(where, "slots", "expected a mapping from slot name to slot type");
        var slots = new LinkedHashMap<String, String>();
        for (Map.Entry<String, JsonNode> slot : node.properties()) {
            if (!NAME.matcher(slot.getKey()).matches()) {
                throw problem(where, "slots." + slot.getKey(), "bad slot name: use lower-case letters, digits and _");
            }
            slots.put(slot.getKey(), scalar(slot.getValue(), where, "slots." + slot.getKey()).strip());
        }
        return slots;
    }

    private List<String> strings(JsonNode node, String where, String field) {
        if (node.isMissingNode() || node.isNull()) return List.of();
        if (node.isValueNode()) return List.of(scalar(node, where, field));
        if (!node.isArray()) throw problem(where, field, "expected a list of synonyms");
        var out = new ArrayList<String>();
        for (JsonNode item : node) out.add(scalar(item, where, field));
        return out;
    }

    /** A string (or a number, as YAML reads 10086): non-blank. */
    private String scalar(JsonNode node, String where, String field) {
        if (!node.isValueNode() || node.isNull()) throw problem(where, field, "expected text");
        String text = node.asString();
        if (text.isBlank()) throw problem(where, field, "empty");
        return text;
    }

    private int integer(JsonNode node, int fallback, String where, String field) {
        if (node.isMissingNode() || node.isNull()) return fallback;
        if (!node.isIntegralNumber() || !node.canConvertToInt()) throw problem(where, field, "expected a whole number");
        return node.intValue();
    }

    private void onlyKeys(JsonNode node, Set<String> allowed, String where, String field) {
        for (String key : node.propertyNames()) {
            if (!allowed.contains(key)) {
                throw problem(where, field.isEmpty() ? key : field + "." + key, "unknown field; expected one of " + allowed.stream().sorted().toList());
            }
        }
    }

    private static List<String> concat(String first, List<String> rest) {
        var all = new ArrayList<String>(rest.size() + 1);
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private KnowledgeException problem(String where, String field, String problem) {
        return new KnowledgeException(source, where, field, problem);
    }
}
