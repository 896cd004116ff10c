package io.kefu.server.content;

import io.kefu.qa.KnowledgeException;
import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.intent.Intent;
import io.kefu.qa.intent.IntentFiles;
import io.kefu.qa.intent.IntentMatcher;
import io.kefu.qa.intent.IntentSet;
import org.springframework.stereotype.Component;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks an intents file as the content team edits it (docs/intents.md): parsed and compiled together with the
 * built-in intents and the deployment's own, exactly as the bot would, so that a template that does not compile is
 * refused with where (intent, template, field) and why.
 */
@Component
class IntentCheck {

    private static final int MAX_LENGTH = 200_000;

    private final KnowledgeFolder folder;

    IntentCheck(KnowledgeFolder folder) {
        this.folder = folder;
    }

    /**
     * @param where the intent and template or field at fault, or null when the file is fine
     * @param why   the problem as the parser says it, or null
     */
    record Verdict(boolean ok, List<String> intents, String where, String why) {
    }

    Verdict check(String name, String yaml) {
        if (yaml == null || yaml.isBlank()) throw ContentException.invalid("请粘贴意图模板文件（YAML）的内容。");
        if (yaml.length() > MAX_LENGTH) throw ContentException.invalid("文件过长，最多 " + MAX_LENGTH + " 字。");
        String source = name == null || name.isBlank() ? "intents/edited.yaml" : name;
        try {
            IntentSet edited = IntentFiles.parse(source, new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
            IntentMatcher.compile(folder.intents().overriddenBy(edited));
            return new Verdict(true, edited.intents().stream().map(Intent::name).toList(), null, null);
        } catch (KnowledgeException e) {
            String where = String.join(" ", List.of(e.location(), e.field()).stream().filter(s -> !s.isEmpty()).toList());
            return new Verdict(false, List.of(), where.isEmpty() ? source : where, e.getMessage());
        } catch (IllegalArgumentException e) {
            return new Verdict(false, List.of(), source, e.getMessage());
        }
    }
}
