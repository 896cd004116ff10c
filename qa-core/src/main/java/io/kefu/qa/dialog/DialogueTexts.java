package io.kefu.qa.dialog;

import io.kefu.qa.KnowledgeException;
import tools.jackson.core.JacksonException;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the dialogue says by itself: the customer-facing texts that are neither answers nor a form's own prompts
 * (转接, not understood, cancelled, resumed...). They are content: qa-core ships every one of them
 * ({@value #BUILTIN}) and a knowledge folder's {@code texts.yaml} replaces any of them by name, the way its
 * intents replace the built-in intents. Immutable.
 */
public final class DialogueTexts {

    /** The built-in texts on qa-core's classpath. */
    public static final String BUILTIN = "io/kefu/qa/dialog/builtin-texts.yaml";

    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]+)}");

    /** The texts by their name in the file, with the placeholders each may use. */
    enum Key {
        CLARIFY("clarify"),
        NOT_FOUND("not_found"),
        ACKNOWLEDGED("acknowledged"),
        HANDOFF("handoff"),
        HANDOFF_COMPLAINT("handoff_complaint"),
        FORM_FAILED("form_failed"),
        FORM_CANCELLED("form_cancelled", "form"),
        FORM_TIMED_OUT("form_timed_out", "form"),
        FORM_RESUMED("form_resumed", "form", "prompt"),
        WEBHOOK_FAILED("webhook_failed", "ticket"),
        HUMAN_BUTTON("human_button"),
        CANCEL_BUTTON("cancel_button");

        final String fileName;
        final Set<String> placeholders;

        Key(String fileName, String... placeholders) {
            this.fileName = fileName;
            this.placeholders = Set.of(placeholders);
        }

        static Key named(String name) {
            return Arrays.stream(values()).filter(k -> k.fileName.equals(name)).findFirst().orElse(null);
        }
    }

    private final Map<Key, String> texts;

    private DialogueTexts(Map<Key, String> texts) {
        this.texts = texts;
    }

    /** Every text, as qa-core ships it. */
    public static DialogueTexts builtin() {
        try (InputStream in = DialogueTexts.class.getClassLoader().getResourceAsStream(BUILTIN)) {
            if (in == null) throw new IllegalStateException("qa-core is missing its resource " + BUILTIN);
            DialogueTexts texts = parse("classpath:" + BUILTIN, in);
            if (texts.texts.size() != Key.values().length) {
                throw new IllegalStateException(BUILTIN + " must set every text, it sets " + texts.texts.keySet());
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One texts file ({@code name: text} lines); it may set some texts only. An unknown name, an empty text or a
     * placeholder the text cannot have is a {@link KnowledgeException} naming the file and the text.
     */
    public static DialogueTexts parse(String name, InputStream in) {
        Map<?, ?> file;
        try {
            file = YAML.readValue(in, Map.class);
        } catch (JacksonException e) {
            throw new KnowledgeException(name, "", "", "not valid YAML: " + e.getOriginalMessage());
        }
        var texts = new EnumMap<Key, String>(Key.class);
        if (file == null) return new DialogueTexts(texts);
        file.forEach((field, value) -> {
            Key key = Key.named(String.valueOf(field));
            if (key == null) throw new KnowledgeException(name, "", String.valueOf(field), "no such text");
            if (!(value instanceof String text) || text.isBlank()) {
                throw new KnowledgeException(name, "", key.fileName, "must be a text");
            }
            Matcher placeholder = PLACEHOLDER.matcher(text);
            while (placeholder.find()) {
                if (!key.placeholders.contains(placeholder.group(1))) {
                    throw new KnowledgeException(name, "", key.fileName, "cannot use {" + placeholder.group(1)
                            + "}; it may use " + key.placeholders);
                }
            }
            texts.put(key, text.strip());
        });
        return new DialogueTexts(texts);
    }

    /** These texts with every text {@code overrides} sets replacing the one of the same name. */
    public DialogueTexts overriddenBy(DialogueTexts overrides) {
        var merged = new EnumMap<>(texts);
        merged.putAll(overrides.texts);
        return new DialogueTexts(merged);
    }

    /** The names of the texts set here, as they are written in a texts file. */
    public Set<String> names() {
        var names = new java.util.LinkedHashSet<String>();
        texts.keySet().forEach(key -> names.add(key.fileName));
        return names;
    }

    String get(Key key) {
        String text = texts.get(key);
        if (text == null) throw new IllegalStateException("no text " + key.fileName);
        return text;
    }

    /** The text with its placeholders filled in, in one pass: a value is never read for placeholders itself. */
    String format(Key key, Map<String, String> values) {
        return fill(get(key), values);
    }

    /** Fills {@code {name}} placeholders in one pass; a placeholder without a value stays as it is. */
    static String fill(String template, Map<String, String> values) {
        Matcher placeholder = PLACEHOLDER.matcher(template);
        var out = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : placeholder.group()));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DialogueTexts other && texts.equals(other.texts);
    }

    @Override
    public int hashCode() {
        return texts.hashCode();
    }

    /** The texts by their name in the file, for logs and tests. */
    @Override
    public String toString() {
        var named = new LinkedHashMap<String, String>();
        texts.forEach((key, text) -> named.put(key.fileName, text));
        return named.toString();
    }
}
