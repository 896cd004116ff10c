package io.kefu.qa;

import io.kefu.qa.dialog.FormAction;
import io.kefu.qa.dialog.FormDefinition;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads form definitions from {@code knowledge/forms/*.yaml}:
 *
 * <pre>
 * forms:
 *   - intent: fault_report
 *     title: 故障申告
 *     slots:
 *       - {name: account, type: number, prompt: 请提供宽带账号或手机号码。, invalid: 号码好像不对，请重新输入。}
 *       - {name: problem, type: fault, free_text: true, prompt: 请描述故障现象。, invalid: 请简单描述一下故障现象。}
 *     action: ticket                      # or: action: webhook, url: https://..., timeout_ms: 3000
 *     done: 已为您登记（工单号 {ticket}）。
 * </pre>
 *
 * qa-core ships forms of its own ({@value #BUILTIN}: the leave-message form the server opens when no agent can take
 * a conversation over); a form of the same intent in a knowledge folder replaces one of them.
 */
final class FormFiles {

    static final String FORMS_FOLDER = "forms";
    /** The built-in forms on qa-core's classpath. */
    static final String BUILTIN = "io/kefu/qa/dialog/builtin-forms.yaml";
    private static final Duration DEFAULT_WEBHOOK_TIMEOUT = Duration.ofSeconds(3);

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    record File(List<Form> forms) {
    }

    record Form(String intent, String title, List<Slot> slots, String action, String url, Long timeout_ms,
                String done) {
    }

    record Slot(String name, String type, String prompt, String invalid, Boolean free_text) {
    }

    private FormFiles() {
    }

    /** The forms qa-core ships. */
    static List<FormDefinition> builtin() {
        try (InputStream in = FormFiles.class.getClassLoader().getResourceAsStream(BUILTIN)) {
            if (in == null) throw new IllegalStateException("qa-core is missing its resource " + BUILTIN);
            return parse("classpath:" + BUILTIN, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The forms of a knowledge folder's files, in order, followed by the built-in forms the folder does not
     * replace. An intent with a form in two of the folder's files is a {@link KnowledgeException}.
     *
     * @param files the forms of each file, with the file's name
     */
    static List<FormDefinition> withBuiltins(Map<String, List<FormDefinition>> files) {
        var byIntent = new LinkedHashMap<String, FormDefinition>();
        var source = new HashMap<String, String>();
        files.forEach((file, forms) -> {
            for (FormDefinition form : forms) {
                String earlier = source.putIfAbsent(form.intent(), file);
                if (earlier != null) {
                    throw new KnowledgeException(file, "form " + form.intent(), "intent", "already has a form in " + earlier);
                }
                byIntent.put(form.intent(), form);
            }
        });
        for (FormDefinition form : builtin()) byIntent.putIfAbsent(form.intent(), form);
        return List.copyOf(byIntent.values());
    }

    static List<FormDefinition> parse(String name, InputStream in) {
        File file;
        try {
            file = YAML.readValue(in, File.class);
        } catch (JacksonException e) {
            throw new KnowledgeException(name, "", "", "not valid YAML: " + e.getOriginalMessage());
        }
        if (file == null || file.forms() == null) throw new KnowledgeException(name, "", "forms", "missing");
        var out = new ArrayList<FormDefinition>();
        for (int i = 0; i < file.forms().size(); i++) out.add(definition(name, "form #" + (i + 1), file.forms().get(i)));
        return out;
    }

    private static FormDefinition definition(String file, String where, Form form) {
        if (form == null || blank(form.intent())) throw new KnowledgeException(file, where, "intent", "missing");
        where = where + " (" + form.intent() + ")";
        require(file, where, "title", form.title());
        require(file, where, "done", form.done());
        if (form.slots() == null || form.slots().isEmpty()) throw new KnowledgeException(file, where, "slots", "missing");
        var slots = new ArrayList<FormDefinition.FormSlot>();
        for (Slot slot : form.slots()) {
            if (slot == null) throw new KnowledgeException(file, where, "slots", "empty slot");
            require(file, where, "slots.name", slot.name());
            require(file, where, "slots." + slot.name() + ".type", slot.type());
            require(file, where, "slots." + slot.name() + ".prompt", slot.prompt());
            require(file, where, "slots." + slot.name() + ".invalid", slot.invalid());
            slots.add(new FormDefinition.FormSlot(slot.name(), slot.type(), slot.prompt(), slot.invalid(),
                    Boolean.TRUE.equals(slot.free_text())));
        }
        return new FormDefinition(form.intent(), form.title(), slots, action(file, where, form), form.done());
    }

    private static FormAction action(String file, String where, Form form) {
        String action = blank(form.action()) ? "ticket" : form.action();
        return switch (action) {
            case "ticket" -> new FormAction.Ticket();
            case "webhook" -> {
                require(file, where, "url", form.url());
                try {
                    yield new FormAction.Webhook(URI.create(form.url()), form.timeout_ms() == null
                            ? DEFAULT_WEBHOOK_TIMEOUT : Duration.ofMillis(form.timeout_ms()));
                } catch (IllegalArgumentException e) {
                    throw new KnowledgeException(file, where, "url", e.getMessage());
                }
            }
            default -> throw new KnowledgeException(file, where, "action", "must be ticket or webhook, got " + action);
        };
    }

    private static void require(String file, String where, String field, String value) {
        if (blank(value)) throw new KnowledgeException(file, where, field, "missing");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
