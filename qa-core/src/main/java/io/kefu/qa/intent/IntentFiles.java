package io.kefu.qa.intent;

import io.kefu.qa.KnowledgeException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * Reads intent content: {@code knowledge/intents/*.yaml} (entity dictionaries and intents with their templates,
 * format in {@code docs/intents.md}) over the built-in intents that ship with qa-core (greeting, thanks, goodbye,
 * human, complaint, affirm, deny, cancel, chitchat). An intent or dictionary in the knowledge folder replaces the
 * built-in one of the same name. Problems are {@link KnowledgeException}s naming the file, the intent and the field.
 *
 * <pre>{@code
 * IntentSet intents = IntentFiles.withBuiltins(List.of(
 *         IntentFiles.parse("intents/bank.yaml", in1), IntentFiles.parse("intents/telecom.yaml", in2)));
 * }</pre>
 * {@code KnowledgeFolder} reads a knowledge folder's intents this way.
 */
public final class IntentFiles {

    public static final String INTENTS_FOLDER = "intents";
    /** The built-in intents on qa-core's classpath. */
    public static final String BUILTIN = "io/kefu/qa/intent/builtin-intents.yaml";

    private IntentFiles() {
    }

    /** The built-in intents with their Chinese templates and replies. */
    public static IntentSet builtin() {
        try (InputStream in = IntentFiles.class.getClassLoader().getResourceAsStream(BUILTIN)) {
            if (in == null) throw new IllegalStateException("qa-core is missing its resource " + BUILTIN);
            return parse("classpath:" + BUILTIN, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One intents file; {@code name} is what error messages call it. Template syntax is checked here; slot types,
     * which may come from another file, when the set is compiled.
     */
    public static IntentSet parse(String name, InputStream in) {
        return IntentFileParser.parse(name, in);
    }

    /** One intents file on disk, without the built-ins (e.g. for the evaluator). */
    public static IntentSet fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(file.toString(), in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** The files of one folder as one set: an intent or dictionary name defined in two files is an error. */
    public static IntentSet combine(List<IntentSet> files) {
        var intentSource = new HashMap<String, String>();
        var entitySource = new HashMap<String, String>();
        var intents = new ArrayList<Intent>();
        var entities = new ArrayList<EntityDictionary>();
        for (IntentSet file : files) {
            for (EntityDictionary dictionary : file.entities()) {
                String earlier = entitySource.putIfAbsent(dictionary.name(), dictionary.source());
                if (earlier != null) {
                    throw new KnowledgeException(dictionary.source(), "entity " + dictionary.name(), "entities",
                            "already defined in " + earlier);
                }
                entities.add(dictionary);
            }
            for (Intent intent : file.intents()) {
                String earlier = intentSource.putIfAbsent(intent.name(), intent.source());
                if (earlier != null) {
                    throw new KnowledgeException(intent.source(), "intent " + intent.name(), "name", "already defined in " + earlier);
                }
                intents.add(intent);
            }
        }
        return new IntentSet(entities, intents);
    }

    /**
     * The built-in intents overridden by the files of a knowledge folder's {@code intents/}, given in file-name
     * order, with every slot type checked: the whole content is here, so an unknown slot type fails at load time.
     */
    public static IntentSet withBuiltins(List<IntentSet> files) {
        IntentSet intents = builtin().overriddenBy(combine(files));
        TemplateCompiler.checkTypes(intents);
        return intents;
    }
}
