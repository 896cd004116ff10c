package io.kefu.qa.eval;

import io.kefu.qa.dialog.DialogueState;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Multi-turn conversations ({@code knowledge/dev/conversations*.yaml}: a list of {@code id}, {@code title} and
 * {@code turns: [{say, expect}]}), played through the dialogue with its state carried from turn to turn, as the
 * server carries it. Every turn is scored, also after an earlier one went wrong.
 */
final class ConversationEvaluation {

    /** One conversation of the file. */
    record Conversation(String id, String title, List<Step> turns) {
    }

    /** What the customer says and what the bot should do with it. */
    record Step(String say, DialogueOutcome expect) {
    }

    private ConversationEvaluation() {
    }

    static List<Conversation> read(Path file) {
        JsonNode root;
        try {
            root = YAMLMapper.builder().build().readTree(file.toFile());
        } catch (JacksonException e) {
            throw new IllegalArgumentException(file + ": not valid YAML: " + e.getOriginalMessage());
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected a list of conversations");
        }
        var conversations = new ArrayList<Conversation>();
        for (JsonNode node : root) {
            String id = node.path("id").asString("");
            var steps = new ArrayList<Step>();
            for (JsonNode turn : node.path("turns")) {
                String say = turn.path("say").asString("");
                if (say.isBlank()) throw new IllegalArgumentException(file + ": conversation " + id + " has a turn without 'say'");
                steps.add(new Step(say, DialogueOutcome.parse(turn.path("expect").asString(""))));
            }
            if (id.isBlank() || steps.isEmpty()) throw new IllegalArgumentException(file + ": a conversation needs an id and turns");
            conversations.add(new Conversation(id, node.path("title").asString(""), steps));
        }
        return conversations;
    }

    /** @param errors receives "conversation#turn, said, expected, got" for each wrong turn */
    static Map<String, Object> run(DialogueHarness harness, List<Conversation> conversations, List<String> errors) {
        var tally = new OutcomeTally();
        int allRight = 0;
        for (Conversation conversation : conversations) {
            DialogueState state = DialogueState.start();
            boolean clean = true;
            for (int i = 0; i < conversation.turns().size(); i++) {
                Step step = conversation.turns().get(i);
                DialogueHarness.Played played = harness.play(state, step.say());
                state = played.turn().state();
                boolean right = played.outcome().meets(step.expect());
                tally.add(step.expect(), right);
                clean &= right;
                if (!right) {
                    errors.add(conversation.id() + "#" + (i + 1) + "\t" + step.say() + "\t" + step.expect() + "\t"
                            + played.outcome());
                }
            }
            if (clean) allRight++;
        }
        Map<String, Object> report = tally.report("turns_right", "turns");
        report.put("conversations", conversations.size());
        report.put("conversations_all_right", FaqMetrics.round((double) allRight / conversations.size()));
        return report;
    }
}
