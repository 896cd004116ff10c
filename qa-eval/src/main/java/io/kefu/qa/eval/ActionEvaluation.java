package io.kefu.qa.eval;

import io.kefu.qa.dialog.DialogueState;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Single messages whose right outcome is not simply an FAQ answer ({@code knowledge/dev/actions*.tsv}: columns
 * {@code query} and {@code expected}): each is the first message of a new conversation, answered by the dialogue.
 */
final class ActionEvaluation {

    /** One labelled message. */
    record Case(String query, DialogueOutcome expected) {
    }

    private ActionEvaluation() {
    }

    static List<Case> cases(Path file) {
        List<Case> cases = Tsv.read(file).stream().map(row -> new Case(Tsv.require(row, "query", file),
                DialogueOutcome.parse(Tsv.require(row, "expected", file)))).toList();
        if (cases.isEmpty()) throw new IllegalArgumentException(file + " has no cases");
        return cases;
    }

    /** @param errors receives "query, expected, got" for each wrong case */
    static Map<String, Object> run(DialogueHarness harness, List<Case> cases, List<String> errors) {
        var tally = new OutcomeTally();
        for (Case c : cases) {
            DialogueOutcome got = harness.play(DialogueState.start(), c.query()).outcome().started();
            boolean right = got.meets(c.expected());
            tally.add(c.expected(), right);
            if (!right) errors.add(c.query() + "\t" + c.expected() + "\t" + got);
        }
        return tally.report("accuracy", "cases");
    }
}
