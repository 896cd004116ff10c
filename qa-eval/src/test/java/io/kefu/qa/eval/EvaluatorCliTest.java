package io.kefu.qa.eval;

import io.kefu.qa.embed.SemanticModel;
import io.kefu.qa.rank.RankingModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The evaluator's commands on small fixtures of the benchmark format (never on ../shared). */
class EvaluatorCliTest {

    private static final Path BENCH = Path.of("src", "test", "resources", "bench");
    /** qa-core's small knowledge folder and the model the product ships: one copy of each in the repository. */
    private static final Path FIXTURE = Path.of("..", "qa-core", "src", "test", "resources", "fixture");
    /** qa-core's dialogue fixture (with a form and its intent) and the development sets written for it here. */
    private static final Path DIALOGUE = Path.of("..", "qa-core", "src", "test", "resources", "dialogue");
    private static final Path DIALOGUE_SETS = Path.of("src", "test", "resources", "dialogue");
    private static final Path SHIPPED_MODEL =
            Path.of("..", "knowledge", "src", "main", "resources", "knowledge", "ranker-model.json");

    private static JsonNode run(String... args) {
        var buffer = new ByteArrayOutputStream();
        new EvaluatorCli(new PrintStream(buffer, true, StandardCharsets.UTF_8)).run(args);
        List<String> lines = buffer.toString(StandardCharsets.UTF_8).lines().toList();
        return JsonMapper.builder().build().readTree(lines.get(lines.size() - 1));
    }

    private static String[] common(String... args) {
        var all = new java.util.ArrayList<>(List.of(args));
        all.addAll(List.of("--knowledge", FIXTURE.toString(), "--model", SHIPPED_MODEL.toString()));
        return all.toArray(String[]::new);
    }

    @Test
    void evalPrintsEveryMetricAsTheLastLine() {
        JsonNode result = run(common("eval", "--kb", BENCH.resolve("sample-kb.tsv").toString(),
                "--queries", BENCH.resolve("sample-queries.tsv").toString(), "--judged", BENCH.resolve("sample-judged.tsv").toString()));
        for (String key : List.of("engine", "queries", "recall_at_1", "recall_at_5", "mrr", "judged_accuracy_at_1",
                "ook_precision", "ook_recall", "ook_f1", "overall_accuracy", "p50_ms", "p99_ms", "index_build_ms")) {
            assertTrue(result.has(key), key);
        }
        assertEquals("default", result.get("engine").asString());
        assertEquals(7, result.get("queries").asInt());
        assertEquals(2, result.get("ook_queries").asInt());
        assertTrue(result.get("recall_at_1").asDouble() >= 0.8, "four of five easy queries at least: " + result);
        assertEquals(1.0, result.get("recall_at_5").asDouble());
        assertEquals(1.0, result.get("judged_accuracy_at_1").asDouble(), "济南 must outscore 石狮");
    }

    @Test
    void holdoutAsksEachEntrysLastSimilarPhrasingAgainstTheRest() {
        JsonNode result = run(common("eval", "--kb", FIXTURE.toString(), "--queries", "holdout"));
        assertEquals(12, result.get("queries").asInt(), "every fixture entry has at least two similar phrasings");
        assertEquals(0, result.get("ook_queries").asInt());
        assertTrue(result.get("recall_at_5").asDouble() >= 0.75, result.toString());
    }

    @Test
    void bothEnginesRunOnTheSameDataWithRatios() {
        JsonNode result = run(common("eval", "--kb", BENCH.resolve("sample-kb.tsv").toString(),
                "--queries", BENCH.resolve("sample-queries.tsv").toString(), "--engine", "both"));
        assertEquals("baseline", result.get("baseline").get("engine").asString());
        double ratio = result.get("ratio_to_baseline").get("mrr").asDouble();
        assertEquals(result.get("mrr").asDouble() / result.get("baseline").get("mrr").asDouble(), ratio, 1e-3);
    }

    @Test
    void pairsPicksTheThresholdOnOneSplitAndReportsAnother() {
        JsonNode result = run(common("pairs", "--pairs", BENCH.resolve("sample-pairs.tsv").toString(),
                "--tune-split", "dev", "--test-split", "test"));
        assertEquals(6, result.get("pairs").asInt());
        assertTrue(result.get("accuracy").asDouble() >= 0.5, result.toString());
        assertTrue(result.get("threshold").asDouble() > 0 && result.get("threshold").asDouble() < 1);
    }

    @Test
    void trainWritesAModelTheBotCanLoad(@TempDir Path dir) {
        Path model = dir.resolve("model.json");
        JsonNode result = run("train", "--pairs", BENCH.resolve("sample-pairs.tsv") + ":dev",
                "--faq-pairs", BENCH.resolve("sample-pairs.tsv") + ":dev", "--knowledge", FIXTURE.toString(),
                "--kb", FIXTURE.toString(), "--iterations", "50", "--out", model.toString());
        assertTrue(Files.exists(model));
        RankingModel loaded = RankingModel.load(model);
        assertEquals(result.get("answer_threshold").asDouble(), loaded.thresholds().answer(), 1e-4);
        assertTrue(result.get("knowledge_base_ranking_examples").asInt() > 0);
    }

    @Test
    void trainSemanticWritesAModelThatPairsAndEvalUse(@TempDir Path dir) {
        Path model = dir.resolve("semantic-model.bin");
        String pairs = BENCH.resolve("sample-pairs.tsv").toString();
        JsonNode result = run(common("train-semantic", "--pairs", pairs + ":dev", "--faq-pairs", pairs + ":dev",
                "--kb", FIXTURE.toString(), "--buckets", "4096", "--dimension", "8", "--epochs", "2",
                "--refine-epochs", "1", "--min-texts", "1", "--out", model.toString()));
        SemanticModel loaded = SemanticModel.load(model);
        assertEquals(SemanticModel.BLEND_WEIGHTS, result.get("blend").size());
        assertEquals(result.get("answer_threshold").asDouble(), loaded.thresholds()[0], 1e-4);
        assertEquals(4096, loaded.buckets());
        assertTrue(loaded.provenance().contains("train-semantic"), loaded.provenance());

        JsonNode scored = run(common("pairs", "--pairs", pairs, "--tune-split", "dev", "--test-split", "test",
                "--semantic", model.toString(), "--threshold", "0.5"));
        assertEquals(0.5, scored.get("threshold").asDouble(), 1e-9, "the given threshold, not one chosen on dev");
        JsonNode lexical = run(common("eval", "--kb", FIXTURE.toString(), "--queries", "holdout", "--semantic", "none"));
        JsonNode semantic = run(common("eval", "--kb", FIXTURE.toString(), "--queries", "holdout",
                "--semantic", model.toString()));
        assertEquals(lexical.get("queries").asInt(), semantic.get("queries").asInt());
    }

    @Test
    void intentsScoresTheTopTemplateHitAndCountsNoHitAsWrong(@TempDir Path dir) throws java.io.IOException {
        Path errors = dir.resolve("errors.tsv");
        JsonNode result = run("intents", "--templates", BENCH.resolve("sample-intents.yaml").toString(),
                "--utterances", BENCH.resolve("sample-utterances.tsv").toString(), "--split", "test",
                "--errors", errors.toString());
        assertEquals(5, result.get("utterances").asInt(), "the train row is left out");
        assertEquals(0.8, result.get("accuracy").asDouble(), 1e-9, "讲个笑话 has no template");
        assertEquals(0.8, result.get("coverage").asDouble(), 1e-9);
        // weather, train and music are perfect; joke has recall 0: (1 + 1 + 1 + 0) / 4
        assertEquals(0.75, result.get("macro_f1").asDouble(), 1e-9);
        assertEquals(List.of("讲个笑话\tjoke.QUERY\t"), Files.readAllLines(errors));
    }

    @Test
    void calibrateFitsThresholdsOnAKnowledgeFolderAndEvalUsesThemOnceKept(@TempDir Path dir) throws java.io.IOException {
        Path folder = dir.resolve("knowledge");
        Files.createDirectories(folder.resolve("faq"));
        Files.createDirectories(folder.resolve("calibration"));
        var faq = new StringBuilder("entries:\n");
        String[] services = {"彩铃", "国际漫游", "宽带", "电子发票", "服务密码", "银行卡", "信用卡额度", "转账限额", "积分", "副卡"};
        for (int e = 0; e < services.length; e++) {
            String s = services[e];
            faq.append("  - id: s").append(e).append("\n    question: ").append(s).append("怎么办理\n    similar: [办理")
                    .append(s).append(", ").append(s).append("办理方法, 想办").append(s).append(", ").append(s)
                    .append("在哪办, 如何办理").append(s).append("]\n    answer: 请到营业厅办理").append(s).append("。\n");
        }
        Files.writeString(folder.resolve("faq").resolve("services.yaml"), faq);
        Files.write(folder.resolve(io.kefu.qa.KnowledgeFolder.OUT_OF_SCOPE), List.of("今天天气怎么样", "红烧肉的做法",
                "推荐一部电影", "世界杯几号开始", "附近有好吃的吗", "讲个笑话", "猫咪掉毛正常吗", "明天下雨吗", "高考分数线",
                "学英语的方法", "减肥吃什么", "宝宝发烧了", "油价涨了没", "机票退票", "火车票改签", "失眠睡不着", "周末去哪玩",
                "股票行情", "医院挂号", "驾照换证", "房价走势", "养狗注意什么"));
        Path kept = folder.resolve(io.kefu.qa.KnowledgeFolder.KEPT_CALIBRATION);
        JsonNode made = run(common("calibrate", "--kb", folder.toString(), "--out", kept.toString()));
        assertEquals("calibrated", made.get("method").asString(), made.toString());
        assertEquals(50, made.get("held_out_phrasings").asInt());
        assertEquals(22, made.get("generic_out_of_scope").asInt());
        assertTrue(made.get("rejection").asDouble() >= 0.95, made.toString());
        assertTrue(Files.exists(kept));
        Path queries = dir.resolve("queries.tsv");
        Files.write(queries, List.of("query\texpected_id", "想办理彩铃\ts0", "今天会不会下雨\t"));
        JsonNode evaluated = run(common("eval", "--kb", folder.toString(), "--queries", queries.toString()));
        assertEquals(made.get("bands"), evaluated.get("calibration").get("bands"), "eval uses the kept calibration");
        JsonNode model = run(common("eval", "--kb", folder.toString(), "--queries", queries.toString(), "--thresholds", "model"));
        assertEquals("model", model.get("calibration").get("method").asString());
    }

    @Test
    void calibrateSaysWhyItKeepsTheModelsThresholds() {
        JsonNode result = run(common("calibrate", "--kb", BENCH.resolve("sample-kb.tsv").toString()));
        assertEquals("model", result.get("method").asString());
        assertTrue(result.get("reason").asString().contains("0 in scope (0 held-out phrasings"), result.toString());
    }

    @Test
    void evalReportsDirectAnswersAndTheRightEntryFirst() {
        JsonNode result = run(common("eval", "--kb", BENCH.resolve("sample-kb.tsv").toString(),
                "--queries", BENCH.resolve("sample-queries.tsv").toString(), "--engine", "both"));
        double answered = result.get("answer_accuracy").asDouble();
        double first = result.get("right_entry_first").asDouble();
        assertTrue(answered <= first && first <= result.get("recall_at_1").asDouble(), result.toString());
        JsonNode baseline = result.get("baseline");
        assertEquals(baseline.get("answer_accuracy").asDouble(), baseline.get("right_entry_first").asDouble(),
                "the baseline never asks back");
    }

    /** A dialogue command on the dialogue fixture and one of its sets, with its errors written to {@code errors}. */
    private static JsonNode playDialogue(String command, String setOption, String set, Path errors) {
        return run(common(command, "--kb", DIALOGUE.toString(), "--" + setOption, DIALOGUE_SETS.resolve(set).toString(),
                "--errors", errors.toString()));
    }

    @Test
    void actionsPlaysEachMessageAsANewConversation(@TempDir Path dir) throws java.io.IOException {
        Path errors = dir.resolve("errors.tsv");
        JsonNode result = playDialogue("actions", "cases", "actions.tsv", errors);
        assertEquals(8, result.get("cases").asInt());
        assertEquals(0.875, result.get("accuracy").asDouble(), 1e-9, result.toString());
        assertEquals(1.0, result.get("form_accuracy").asDouble(), result.toString());
        assertEquals(1.0, result.get("handoff_accuracy").asDouble(), result.toString());
        assertEquals(0.5, result.get("intent_accuracy").asDouble(), 1e-9, "谢谢 is labelled goodbye on purpose");
        assertEquals(List.of("谢谢\tintent:goodbye\tintent:thanks"), Files.readAllLines(errors));
    }

    @Test
    void conversationsCarryTheStateFromTurnToTurn(@TempDir Path dir) throws java.io.IOException {
        Path errors = dir.resolve("errors.tsv");
        JsonNode result = playDialogue("conversations", "file", "conversations.yaml", errors);
        assertEquals(10, result.get("turns").asInt());
        assertEquals(0.9, result.get("turns_right").asDouble(), 1e-9, result.toString());
        assertEquals(1.0, result.get("form_prompt_accuracy").asDouble(), "the same detail asked again");
        assertEquals(1.0, result.get("form_done_accuracy").asDouble());
        assertEquals(1.0, result.get("faq_accuracy").asDouble(), "怎么取消 follows 彩铃怎么开通");
        assertEquals(List.of("d3#2\t周末去哪里爬山好\tnone\thandoff:no_answer"), Files.readAllLines(errors),
                "the second miss in a row hands over, whatever the label says");
    }

    @Test
    void badArgumentsAreExplained() {
        var error = assertThrows(IllegalArgumentException.class,
                () -> run("eval", "--kb", "no/such/kb.tsv", "--queries", "x"));
        assertTrue(error.getMessage().contains("no such file"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> run("frobnicate"));
        var outcome = assertThrows(IllegalArgumentException.class, () -> DialogueOutcome.parse("faq"));
        assertTrue(outcome.getMessage().contains("malformed"), outcome.getMessage());
    }
}
