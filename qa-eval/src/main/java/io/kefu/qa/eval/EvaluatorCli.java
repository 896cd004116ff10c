package io.kefu.qa.eval;

import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.KnowledgeException;
import io.kefu.qa.KnowledgeFolder;
import io.kefu.qa.Lexicon;
import io.kefu.qa.QaBot;
import io.kefu.qa.embed.SemanticModel;
import io.kefu.qa.internal.IntentClassifier;
import io.kefu.qa.rank.RankingModel;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The evaluator's command line.
 *
 * <pre>
 * eval  --kb KB.tsv|KNOWLEDGE_DIR --queries Q.tsv|holdout [--judged J.tsv] [--engine default|baseline|both]
 *       [calibration options, see {@link CalibrationOptions}]
 * calibrate --kb KB.tsv|KNOWLEDGE_DIR [calibration options] [--out THRESHOLDS.json]
 * pairs --pairs PAIRS.tsv --tune-split S --test-split T [--threshold X] (X instead of the best on S)
 * train --pairs FILE:SPLIT [--pairs FILE:SPLIT ...] --faq-pairs FILE:SPLIT [--out MODEL.json]
 * train-semantic --pairs FILE:SPLIT [--pairs ...] --faq-pairs FILE:SPLIT [--kb KNOWLEDGE_DIR] [--out MODEL.bin]
 *       [--general-out MODEL.bin] [--buckets N] [--dimension D] [--epochs E] [--refine-epochs R]
 * intents --templates INTENTS.yaml --utterances UTTERANCES.tsv [--split S] [--errors FILE]
 * actions --kb KNOWLEDGE_DIR --cases ACTIONS.tsv [--errors FILE]           (see {@link DialogueCommands})
 * conversations --kb KNOWLEDGE_DIR --file CONVERSATIONS.yaml [--errors FILE]
 * common: [--knowledge DIR] (lexicon and models; default knowledge/src/main/resources/knowledge) [--model FILE]
 *         [--semantic FILE|none] (default: the knowledge folder's semantic-model.bin, if any)
 * </pre>
 * The last line printed is always one JSON object.
 */
public final class EvaluatorCli {

    /** {@code --queries holdout}: each entry's last similar phrasing, taken out of the knowledge base, is a query. */
    static final String HOLDOUT = "holdout";

    static final Path DEFAULT_KNOWLEDGE = Path.of("knowledge", "src", "main", "resources", "knowledge");

    private final PrintStream out;

    EvaluatorCli(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: eval|pairs|train|train-semantic|calibrate|bench|intents|actions|conversations --name value ... (see EvaluatorCli javadoc or docs/benchmarks.md)");
            System.exit(2);
        }
        try {
            new EvaluatorCli(System.out).run(args);
        } catch (IllegalArgumentException | KnowledgeException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    void run(String[] args) {
        var options = new Arguments(args, 1);
        switch (args[0]) {
            case "eval" -> eval(options);
            case "pairs" -> pairs(options);
            case "train" -> new Trainer(out, lexicon(options)).train(options);
            case "train-semantic" -> new SemanticTrainer(out, lexicon(options), model(options)).train(options);
            case "calibrate" -> new CalibrateCommand(out).run(options);
            case "bench" -> bench(options);
            case "intents" -> intents(options);
            case "actions" -> new DialogueCommands(out).actions(options);
            case "conversations" -> new DialogueCommands(out).conversations(options);
            default -> throw new IllegalArgumentException("unknown command " + args[0]);
        }
    }

    private void eval(Arguments options) {
        String which = options.get("engine", "default");
        Path kb = Path.of(options.require("kb"));
        var full = knowledgeBase(kb);
        // a knowledge folder's own intents take part, as in the product: a request starts a form, not an answer
        java.util.function.Supplier<QaBot.Builder> base = Files.isDirectory(kb)
                ? () -> KnowledgeFolder.open(kb).botBuilder() : QaBot::builder;
        boolean holdout = options.get("queries", "").equals(HOLDOUT);
        var split = holdout ? HoldoutSplit.lastSimilar(full) : null;
        var knowledge = holdout ? split.knowledge() : full;
        List<BenchmarkData.Query> queries = holdout ? split.queries()
                : withoutTrainingTexts(BenchmarkData.queries(options.path("queries")), options.get("exclude-texts-of", null));
        Map<String, Set<String>> judged = options.get("judged", null) == null
                ? Map.of() : BenchmarkData.judgedNegatives(options.path("judged"));
        Map<String, Object> defaults = null;
        Map<String, Object> baseline = null;
        if (which.equals("default") || which.equals("both")) {
            var calibration = CalibrationOptions.from(options, kb);
            SemanticModel semantic = semantic(options);
            defaults = evaluate(() -> new DefaultEngine(calibration.apply(withSemantic(base.get().knowledge(knowledge)
                            .lexicon(lexicon(options)).model(model(options)), semantic))), queries, judged,
                    options.get("errors", null), knowledge);
        }
        if (which.equals("baseline") || which.equals("both")) {
            double threshold = Double.parseDouble(options.get("baseline-threshold",
                    String.valueOf(BaselineEngine.DEFAULT_THRESHOLD)));
            baseline = evaluate(() -> new BaselineEngine(knowledge, threshold), queries, judged, null, knowledge);
        }
        if (defaults == null && baseline == null) throw new IllegalArgumentException("--engine must be default, baseline or both");
        if (defaults != null && baseline != null) {
            var ratios = new LinkedHashMap<String, Object>();
            for (String metric : List.of("recall_at_1", "recall_at_5", "mrr", "judged_accuracy_at_1", "ook_f1",
                    "overall_accuracy", "answer_accuracy", "right_entry_first", "p50_ms", "p99_ms", "index_build_ms")) {
                double b = ((Number) baseline.get(metric)).doubleValue();
                double d = ((Number) defaults.get(metric)).doubleValue();
                ratios.put(metric, b == 0 ? null : FaqMetrics.round(d / b));
            }
            Report.table(out, "default / baseline", ratios);
            var combined = new LinkedHashMap<>(defaults);
            combined.put("baseline", baseline);
            combined.put("ratio_to_baseline", ratios);
            out.println(Report.json(combined));
        } else {
            out.println(Report.json(defaults != null ? defaults : baseline));
        }
    }

    /** @param errorsFile where to list the in-KB queries ranked wrong at 1 (query, expected, got), or null */
    private Map<String, Object> evaluate(java.util.function.Supplier<Engine> factory, List<BenchmarkData.Query> queries,
                                         Map<String, Set<String>> judged, String errorsFile, KnowledgeBase knowledge) {
        long start = System.nanoTime();
        var errors = new java.util.ArrayList<String>();
        Map<String, io.kefu.qa.FaqEntry> byId = knowledge.byId();
        try (Engine engine = factory.get()) {
            long buildMillis = (System.nanoTime() - start) / 1_000_000;
            Map<String, Object> report = FaqEvaluation.run(engine, buildMillis, queries, judged,
                    Math.min(500, queries.size()), (query, result) -> {
                        String top = result.rankedIds().isEmpty() ? "" : result.rankedIds().get(0);
                        if (query.inKb() && !top.equals(query.expectedId())) {
                            errors.add(query.text() + "\t" + byId.get(query.expectedId()).question() + "\t"
                                    + (top.isEmpty() ? "" : byId.get(top).question()));
                        }
                    });
            if (engine instanceof DefaultEngine bot) {
                out.println("thresholds: " + bot.calibration().summary());
                report.put("calibration", CalibrateCommand.report(bot.calibration()));
            }
            Report.table(out, engine.name(), report);
            if (errorsFile != null) writeLines(Path.of(errorsFile), errors);
            return report;
        }
    }

    static void writeLines(Path file, List<String> lines) {
        try {
            Files.write(file, lines);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /**
     * With {@code --exclude-texts-of FILE:SPLIT}, drops the queries whose text (benchmark-normalised) occurs in
     * those pairs: the ranker trained on them, so this subset shows whether it learned or remembered.
     */
    private List<BenchmarkData.Query> withoutTrainingTexts(List<BenchmarkData.Query> queries, String spec) {
        if (spec == null) return queries;
        int colon = spec.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException("--exclude-texts-of expects FILE:SPLIT");
        String split = spec.substring(colon + 1);
        var seen = FaqSimulation.keys(BenchmarkData.pairs(Path.of(spec.substring(0, colon))).stream()
                .filter(p -> p.split().equals(split)).toList());
        List<BenchmarkData.Query> kept = queries.stream().filter(q -> !seen.contains(FaqSimulation.key(q.text()))).toList();
        out.printf("excluded %d of %d queries whose text is in %s%n", queries.size() - kept.size(), queries.size(), spec);
        return kept;
    }

    private void bench(Arguments options) {
        var knowledge = knowledgeBase(Path.of(options.require("kb")));
        List<String> queries = BenchmarkData.queries(options.path("queries")).stream().map(BenchmarkData.Query::text).toList();
        int builds = Integer.parseInt(options.get("builds", "3"));
        int warmup = Integer.parseInt(options.get("warmup-rounds", "2"));
        int rounds = Integer.parseInt(options.get("rounds", "3"));
        Lexicon lexicon = lexicon(options);
        RankingModel model = model(options);
        SemanticModel semantic = semantic(options);
        Map<String, Object> defaults = LatencyBenchmark.run(() -> new DefaultEngine(withSemantic(QaBot.builder()
                        .knowledge(knowledge).lexicon(lexicon).model(model), semantic)),
                queries, builds, warmup, rounds);
        Report.table(out, "default", defaults);
        Map<String, Object> baseline = LatencyBenchmark.run(() -> new BaselineEngine(knowledge, BaselineEngine.DEFAULT_THRESHOLD),
                queries, builds, warmup, rounds);
        Report.table(out, "baseline", baseline);
        var ratios = new LinkedHashMap<String, Object>();
        for (String metric : List.of("p50_ms", "p99_ms", "allocated_kb_per_question", "first_build_ms",
                "rebuild_ms_median")) {
            double b = ((Number) baseline.get(metric)).doubleValue();
            ratios.put(metric, b == 0 ? null : FaqMetrics.round(((Number) defaults.get(metric)).doubleValue() / b));
        }
        Report.table(out, "default / baseline", ratios);
        var combined = new LinkedHashMap<>(defaults);
        combined.put("kb_entries", knowledge.size());
        combined.put("baseline", baseline);
        combined.put("ratio_to_baseline", ratios);
        out.println(Report.json(combined));
    }

    private void pairs(Arguments options) {
        List<BenchmarkData.Pair> all = BenchmarkData.pairs(options.path("pairs"));
        String tuneSplit = options.require("tune-split");
        String testSplit = options.require("test-split");
        List<BenchmarkData.Pair> tune = all.stream().filter(p -> p.split().equals(tuneSplit)).toList();
        List<BenchmarkData.Pair> test = all.stream().filter(p -> p.split().equals(testSplit)).toList();
        if (tune.isEmpty() || test.isEmpty()) throw new IllegalArgumentException("no pairs in split " + (tune.isEmpty() ? tuneSplit : testSplit));
        String fixed = options.get("threshold", null);
        Map<String, Object> report = PairEvaluation.run(new PairScorer(lexicon(options), tune, semantic(options)),
                model(options), tune, test, fixed == null ? null : Double.valueOf(fixed));
        Report.table(out, "pairs " + options.require("pairs") + " (" + tuneSplit + " → " + testSplit + ")", report);
        out.println(Report.json(report));
    }

    /** Templates alone (no built-in intents: the labels are the file's), top hit as the prediction. */
    private void intents(Arguments options) {
        Path templates = options.path("templates");
        IntentClassifier classifier = IntentClassifier.fromFile(templates);
        String split = options.get("split", null);
        List<IntentEvaluation.Utterance> utterances = IntentEvaluation.utterances(options.path("utterances"), split);
        var errors = new java.util.ArrayList<String>();
        Map<String, Object> report = IntentEvaluation.run(classifier, utterances, out, errors);
        Report.table(out, "intents " + templates + (split == null ? "" : " (" + split + ")"), report);
        String errorsFile = options.get("errors", null);
        if (errorsFile != null) writeLines(Path.of(errorsFile), errors);
        out.println(Report.json(report));
    }

    static KnowledgeBase knowledgeBase(Path kb) {
        if (Files.isDirectory(kb)) return KnowledgeFolder.open(kb).faq();
        if (!Files.exists(kb)) throw new IllegalArgumentException("--kb: no such file " + kb);
        return BenchmarkData.knowledgeBase(kb);
    }

    static Lexicon lexicon(Arguments options) {
        Path dir = Path.of(options.get("knowledge", DEFAULT_KNOWLEDGE.toString()));
        return Files.isDirectory(dir) ? KnowledgeFolder.open(dir).lexicon() : Lexicon.empty();
    }

    /**
     * The semantic model: {@code --semantic FILE}, {@code --semantic none} for lexical ranking only, by default the
     * knowledge folder's {@value KnowledgeFolder#SEMANTIC_MODEL} when it has one.
     */
    static SemanticModel semantic(Arguments options) {
        String explicit = options.get("semantic", null);
        if ("none".equals(explicit)) return null;
        Path file = explicit != null ? Path.of(explicit)
                : Path.of(options.get("knowledge", DEFAULT_KNOWLEDGE.toString())).resolve(KnowledgeFolder.SEMANTIC_MODEL);
        if (!Files.exists(file)) {
            if (explicit != null) throw new IllegalArgumentException("--semantic: no such file " + file);
            return null;
        }
        return SemanticModel.load(file);
    }

    static QaBot.Builder withSemantic(QaBot.Builder builder, SemanticModel semantic) {
        return semantic == null ? builder.lexicalOnly() : builder.semantic(semantic);
    }

    static RankingModel model(Arguments options) {
        String explicit = options.get("model", null);
        Path file = explicit != null ? Path.of(explicit)
                : Path.of(options.get("knowledge", DEFAULT_KNOWLEDGE.toString())).resolve(KnowledgeFolder.MODEL);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no ranking model at " + file + ": run from the repository root, or pass --model");
        }
        return RankingModel.load(file);
    }
}
