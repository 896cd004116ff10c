package io.kefu.knowledge;

import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.ReplyKind;
import io.kefu.qa.Trace;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bot against the golden questions, written apart from the knowledge base and never used to tune it. The
 * expected results and their floors are data beside the questions ({@code golden/expected.yaml}), not constants
 * here; docs/benchmarks.md has the same numbers from the evaluator.
 */
class GoldenQuestionsTest {

    static final Path EXPECTED = Path.of("golden", "expected.yaml");

    /** {@code golden/expected.yaml}: metric name to value. */
    record Expected(Map<String, Double> results, Map<String, Double> floors) {
    }

    @Test
    void answersTheGoldenQuestionsAsExpectedAndAboveTheFloors() throws IOException {
        Expected expected = YAMLMapper.builder().build().readValue(EXPECTED.toFile(), Expected.class);
        List<String> lines = Files.readAllLines(Demo.GOLDEN, StandardCharsets.UTF_8);
        int inScope = 0;
        int top1 = 0;
        int answeredRight = 0;
        int outOfScope = 0;
        int rejected = 0;
        try (QaBot bot = Demo.KNOWLEDGE.botBuilder().build()) {
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\t", -1);
                Reply reply = bot.ask(cells[0]);
                if (cells[1].isEmpty()) {
                    outOfScope++;
                    if (reply.kind() != ReplyKind.ANSWER) rejected++;
                } else {
                    inScope++;
                    List<Trace.Candidate> ranked = reply.trace().candidates();
                    if (!ranked.isEmpty() && ranked.get(0).id().equals(cells[1])) top1++;
                    if (reply.kind() == ReplyKind.ANSWER && cells[1].equals(reply.id())) answeredRight++;
                }
            }
        }
        var measured = new LinkedHashMap<String, Double>();
        measured.put("recall_at_1", (double) top1 / inScope);
        measured.put("out_of_scope_rejection", (double) rejected / outOfScope);
        measured.put("overall_accuracy", (double) (answeredRight + rejected) / (inScope + outOfScope));
        System.out.printf("golden questions: recall@1 %.3f (%d/%d), out-of-scope rejection %.3f (%d/%d), overall accuracy"
                        + " %.3f (%d answered right, %d declined, of %d)%n", measured.get("recall_at_1"), top1, inScope,
                measured.get("out_of_scope_rejection"), rejected, outOfScope, measured.get("overall_accuracy"),
                answeredRight, rejected, inScope + outOfScope);
        assertEquals(expected.results().keySet(), measured.keySet(), "every result in " + EXPECTED + " is measured");
        measured.forEach((metric, value) -> {
            assertEquals(expected.results().get(metric), value, 0.0005,
                    metric + " moved: if that is intended, update " + EXPECTED + " and docs/benchmarks.md");
            assertTrue(value >= expected.floors().get(metric), metric + " " + value + " is under its floor");
        });
    }
}
