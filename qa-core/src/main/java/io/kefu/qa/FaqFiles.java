package io.kefu.qa;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Reads FAQ content in the reviewable YAML format of {@code knowledge/faq/*.yaml}: one file per category group,
 * each with a {@code domain}, a {@code category} and a list of {@code entries} (id, question, similar, answer).
 * Problems are reported as a {@link KnowledgeException} naming the file, the entry and the field.
 */
final class FaqFiles {

    static final String FOLDER = "faq";

    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** One FAQ file as written. */
    record FaqFile(String domain, String category, List<Entry> entries) {
    }

    /** One entry as written; validated into a {@link FaqEntry}. */
    record Entry(String id, String question, List<String> similar, String answer, String category) {
    }

    private FaqFiles() {
    }

    /** Every {@code faq/*.yaml} of a knowledge folder, in file-name order; an id may be used once. */
    static KnowledgeBase read(ContentSource source) {
        if (!source.hasFolder(FOLDER)) throw new KnowledgeException(source.toString(), "", "", "no faq/ folder");
        var entries = new ArrayList<FaqEntry>();
        var origin = new HashMap<String, String>();
        source.readAll(FOLDER, (name, in) -> {
            for (FaqEntry entry : parse(name, in)) {
                String earlier = origin.putIfAbsent(entry.id(), name);
                if (earlier != null) {
                    throw new KnowledgeException(name, "entry " + entry.id(), "id", "already used in " + earlier);
                }
                entries.add(entry);
            }
        });
        return new KnowledgeBase(entries);
    }

    /** Parses and validates one FAQ file. */
    static List<FaqEntry> parse(String name, InputStream in) {
        FaqFile file;
        try {
            file = YAML.readValue(in, FaqFile.class);
        } catch (JacksonException e) {
            throw new KnowledgeException(name, "", "", "not valid YAML: " + e.getOriginalMessage());
        }
        if (file == null || file.entries() == null) throw new KnowledgeException(name, "", "entries", "missing");
        var out = new ArrayList<FaqEntry>(file.entries().size());
        for (int i = 0; i < file.entries().size(); i++) {
            out.add(validate(name, i + 1, file.entries().get(i), file.category()));
        }
        return out;
    }

    private static FaqEntry validate(String name, int position, Entry entry, String fileCategory) {
        String where = "entry #" + position;
        if (entry == null) throw new KnowledgeException(name, where, "", "empty entry");
        if (blank(entry.id())) throw new KnowledgeException(name, where, "id", "missing");
        where = where + " (" + entry.id() + ")";
        if (blank(entry.question())) throw new KnowledgeException(name, where, "question", "missing");
        if (blank(entry.answer())) throw new KnowledgeException(name, where, "answer", "missing");
        List<String> similar = entry.similar() == null ? List.of() : entry.similar();
        for (int s = 0; s < similar.size(); s++) {
            if (blank(similar.get(s))) throw new KnowledgeException(name, where, "similar[" + s + "]", "empty phrasing");
        }
        String category = blank(entry.category()) ? (fileCategory == null ? "" : fileCategory) : entry.category();
        return new FaqEntry(entry.id().strip(), entry.question().strip(), similar.stream().map(String::strip).toList(),
                entry.answer().strip(), category);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
