package io.kefu.qa.eval;

import io.kefu.qa.KnowledgeFolder;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The evaluator's dialogue commands, on a knowledge folder and through the dialogue the server uses:
 *
 * <pre>
 * actions       --kb KNOWLEDGE_DIR --cases ACTIONS.tsv [--errors FILE]
 * conversations --kb KNOWLEDGE_DIR --file CONVERSATIONS.yaml [--errors FILE]
 * common: [--model FILE] (default: the folder's own model, else the evaluator's default)
 * </pre>
 */
final class DialogueCommands {

    private final PrintStream out;

    DialogueCommands(PrintStream out) {
        this.out = out;
    }

    /** Each message of an actions file as the first message of a new conversation. */
    void actions(Arguments options) {
        List<ActionEvaluation.Case> cases = ActionEvaluation.cases(options.path("cases"));
        play("actions " + options.require("cases"), options, (harness, errors) -> ActionEvaluation.run(harness, cases, errors));
    }

    /** Each conversation of a conversations file, turn by turn, its state carried along. */
    void conversations(Arguments options) {
        List<ConversationEvaluation.Conversation> conversations = ConversationEvaluation.read(options.path("file"));
        play("conversations " + options.require("file"), options,
                (harness, errors) -> ConversationEvaluation.run(harness, conversations, errors));
    }

    /** Runs an evaluation on the folder's dialogue, prints its report and writes its errors if asked to. */
    private void play(String title, Arguments options,
                      BiFunction<DialogueHarness, List<String>, Map<String, Object>> evaluation) {
        var errors = new ArrayList<String>();
        Map<String, Object> report;
        try (DialogueHarness harness = harness(options)) {
            report = evaluation.apply(harness, errors);
        }
        Report.table(out, title, report);
        String errorsFile = options.get("errors", null);
        if (errorsFile != null) EvaluatorCli.writeLines(Path.of(errorsFile), errors);
        out.println(Report.json(report));
    }

    private static DialogueHarness harness(Arguments options) {
        Path kb = Path.of(options.require("kb"));
        if (!Files.isDirectory(kb)) throw new IllegalArgumentException("--kb must be a knowledge folder: " + kb);
        KnowledgeFolder folder = KnowledgeFolder.open(kb);
        // the folder's own model unless one is named; a folder without one gets the evaluator's default
        boolean own = folder.model().isPresent() && options.get("model", null) == null;
        return new DialogueHarness(folder, own ? null : EvaluatorCli.model(options));
    }
}
