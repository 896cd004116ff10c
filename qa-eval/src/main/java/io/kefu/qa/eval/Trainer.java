package io.kefu.qa.eval;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.Lexicon;
import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.Trace;
import io.kefu.qa.internal.RetrievalProbe;
import io.kefu.qa.rank.LogisticScorer;
import io.kefu.qa.rank.RankingModel;
import io.kefu.qa.rank.Thresholds;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reproduces the shipped ranking model: learns the logistic-regression weights from labelled training pairs, then
 * chooses the decision thresholds on an FAQ task simulated from training pairs (never from reported queries).
 */
final class Trainer {

    static final long SIMULATION_SEED = 20251122L;
    /** As many phrasings per training query as the pipeline's retrieval stage hands the ranker by default. */
    private static final int RANKING_DEPTH = 30;

    private final PrintStream out;
    private final Lexicon lexicon;

    Trainer(PrintStream out, Lexicon lexicon) {
        this.out = out;
        this.lexicon = lexicon;
    }

    void train(Arguments options) {
        List<BenchmarkData.Pair> training = new ArrayList<>();
        for (String spec : options.all("pairs")) training.addAll(split(spec));
        if (training.isEmpty()) throw new IllegalArgumentException("give training pairs with --pairs FILE:SPLIT");
        boolean quadratic = Boolean.parseBoolean(options.get("quadratic", "true"));
        int iterations = Integer.parseInt(options.get("iterations", "400"));

        FaqSimulation.Task task = FaqSimulation.fromPairs(split(options.require("faq-pairs")), SIMULATION_SEED);
        var rankingQueries = new ArrayList<BenchmarkData.Query>();
        var tuningQueries = new ArrayList<BenchmarkData.Query>();
        halves(task, rankingQueries, tuningQueries);
        var rows = new ArrayList<double[]>();
        var labels = new ArrayList<Boolean>();
        java.util.Set<String> tuningTexts = tuningTexts(task, tuningQueries);
        var pairScorer = new PairScorer(lexicon, training);
        addPairExamples(pairScorer, training.stream().filter(p -> !mentions(p, tuningTexts)).toList(), rows, labels);
        List<BenchmarkData.Pair> tuningPairs = training.stream().filter(p -> mentions(p, tuningTexts)).toList();
        int pairExamples = rows.size();
        out.printf("simulation: %d KB entries, %d queries for ranking examples, %d for tuning%n",
                task.knowledge().size(), rankingQueries.size(), tuningQueries.size());
        addRankingExamples(task, rankingQueries, rows, labels);
        int benchmarkExamples = rows.size() - pairExamples;
        String ownKnowledge = options.get("kb", null);
        if (ownKnowledge != null) addKnowledgeBaseExamples(EvaluatorCli.knowledgeBase(Path.of(ownKnowledge)), rows, labels);
        int knowledgeBaseExamples = rows.size() - pairExamples - benchmarkExamples;
        String dump = options.get("dump-tuning", null);
        if (dump != null) SimulationFiles.write(Path.of(dump), task.knowledge(), tuningQueries);

        long start = System.nanoTime();
        Function<List<double[]>, LogisticScorer> fit = examples -> new LogisticScorer(quadratic,
                new LogisticRegression(iterations, 0.05, 1e-4).fit(examples, labels, quadratic));
        LogisticScorer scorer = fit.apply(rows);
        out.printf("fitted %s on %d pair, %d benchmark ranking and %d knowledge-base ranking examples in %d ms%n",
                scorer, pairExamples, benchmarkExamples, knowledgeBaseExamples,
                (System.nanoTime() - start) / 1_000_000);

        String provenance = "EvaluatorCli train " + String.join(" ", options.all("pairs").stream()
                .map(spec -> "--pairs " + Path.of(spec).getFileName()).toList()) + " --faq-pairs "
                + Path.of(options.require("faq-pairs")).getFileName()
                + (ownKnowledge == null ? "" : " --kb " + ownKnowledge) + " on " + LocalDate.now();
        var provisional = RankingModel.of(scorer, new Thresholds(0.5, 0.25, 0), provenance);
        var tuning = new FaqSimulation.Task(task.knowledge(), tuningQueries);
        ThresholdSearch.Choice choice = chooseThresholds(provisional, tuning);
        // The thresholds are chosen on queries the provisional model never saw; the shipped model is then refitted
        // with the pairs that had to be held back for that, as more data helps it more than it shifts its scale.
        int heldBack = addPairExamples(pairScorer, tuningPairs, rows, labels);
        RankingModel model = RankingModel.of(heldBack == 0 ? scorer : fit.apply(rows), choice.thresholds(), provenance);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("pair_examples", pairExamples);
        summary.put("pair_examples_added_for_refit", heldBack);
        summary.put("benchmark_ranking_examples", benchmarkExamples);
        summary.put("knowledge_base_ranking_examples", knowledgeBaseExamples);
        summary.put("answer_threshold", FaqMetrics.round(choice.thresholds().answer()));
        summary.put("clarify_threshold", FaqMetrics.round(choice.thresholds().clarify()));
        summary.put("margin", choice.thresholds().margin());
        summary.put("tuning_overall_accuracy", FaqMetrics.round(choice.accuracy()));
        ThresholdSearch.Choice baseline = chooseBaselineThreshold(tuning);
        summary.put("baseline_threshold", FaqMetrics.round(baseline.thresholds().answer() * BASELINE_SCALE));
        summary.put("baseline_tuning_overall_accuracy", FaqMetrics.round(baseline.accuracy()));
        Path target = Path.of(options.get("out", EvaluatorCli.DEFAULT_KNOWLEDGE.resolve("ranker-model.json").toString()));
        model.save(target);
        summary.put("model", target.toString());
        Report.table(out, "train", summary);
        out.println(Report.json(summary));
    }

    /** Splits a simulated task's queries in two halves by group: ranking examples, and threshold tuning. */
    static void halves(FaqSimulation.Task task, List<BenchmarkData.Query> ranking, List<BenchmarkData.Query> tuning) {
        for (BenchmarkData.Query query : task.queries()) {
            String group = query.inKb() ? query.expectedId() : query.text();
            (Math.floorMod(group.hashCode(), 2) == 0 ? ranking : tuning).add(query);
        }
    }

    /**
     * The texts the tuning half is about: its queries and the standard questions they should find. Pairs that
     * mention them are kept out of training, or the thresholds would be chosen on what the model has seen.
     */
    static java.util.Set<String> tuningTexts(FaqSimulation.Task task, List<BenchmarkData.Query> tuning) {
        var byId = task.knowledge().byId();
        var texts = new java.util.HashSet<String>();
        for (BenchmarkData.Query query : tuning) {
            texts.add(FaqSimulation.key(query.text()));
            if (query.inKb()) texts.add(FaqSimulation.key(byId.get(query.expectedId()).question()));
        }
        return texts;
    }

    private static boolean mentions(BenchmarkData.Pair pair, java.util.Set<String> texts) {
        return texts.contains(FaqSimulation.key(pair.q1())) || texts.contains(FaqSimulation.key(pair.q2()));
    }

    /** Every labelled pair, in both directions, as the pair benchmarks will score it; returns how many rows. */
    private static int addPairExamples(PairScorer scorer, List<BenchmarkData.Pair> pairs, List<double[]> rows,
                                       List<Boolean> labels) {
        for (BenchmarkData.Pair pair : pairs) {
            for (double[] direction : scorer.features(pair)) {
                rows.add(direction);
                labels.add(pair.same());
            }
        }
        return 2 * pairs.size();
    }

    /**
     * What retrieval really hands the ranker: for each training query, every phrasing Lucene returns, labelled
     * by whether it belongs to the query's standard question. These are the hard negatives pairs alone lack.
     */
    private void addRankingExamples(FaqSimulation.Task task, List<BenchmarkData.Query> queries, List<double[]> rows,
                                    List<Boolean> labels) {
        try (var probe = RetrievalProbe.build(task.knowledge(), lexicon)) {
            for (BenchmarkData.Query query : queries) {
                for (RetrievalProbe.Retrieved hit : probe.retrieve(query.text(), RANKING_DEPTH, false)) {
                    rows.add(hit.features());
                    labels.add(hit.entryId().equals(query.expectedId()));
                }
            }
        }
    }

    /**
     * The deployment's own content as training data: every similar phrasing asks the index once, its own exact
     * text is left out of the results (as if the customer had typed it for the first time), and the other
     * phrasings of its entry are the positives. Teaches the ranker the short, typo-ridden style of service
     * questions that open-domain pairs lack. The golden questions are never used here.
     */
    private void addKnowledgeBaseExamples(KnowledgeBase knowledge, List<double[]> rows, List<Boolean> labels) {
        // trained on what the evaluator's holdout development split leaves in the knowledge base, so its questions
        // are neither asked here nor found here as documents
        KnowledgeBase training = HoldoutSplit.lastSimilar(knowledge).knowledge();
        try (var probe = RetrievalProbe.build(training, lexicon)) {
            for (FaqEntry entry : training.entries()) {
                for (String phrasing : entry.similar()) {
                    for (RetrievalProbe.Retrieved hit : probe.retrieve(phrasing, RANKING_DEPTH + 1, true)) {
                        if (hit.sameText()) continue;
                        rows.add(hit.features());
                        labels.add(hit.entryId().equals(entry.id()));
                    }
                }
            }
        }
    }

    private ThresholdSearch.Choice chooseThresholds(RankingModel model, FaqSimulation.Task task) {
        var outcomes = new ArrayList<ThresholdSearch.Outcome>();
        try (QaBot bot = QaBot.builder().knowledge(task.knowledge()).lexicon(lexicon).model(model)
                .thresholds(new Thresholds(0, 0, 0)).build()) {
            int top1 = 0;
            int inKb = 0;
            for (BenchmarkData.Query query : task.queries()) {
                Reply reply = bot.ask(query.text());
                List<Trace.Candidate> ranked = reply.trace().candidates();
                boolean correct = !ranked.isEmpty() && ranked.get(0).id().equals(query.expectedId());
                if (query.inKb()) {
                    inKb++;
                    if (correct) top1++;
                }
                outcomes.add(new ThresholdSearch.Outcome(query.inKb(), correct,
                        ranked.isEmpty() ? 0 : ranked.get(0).score(), ranked.size() > 1 ? ranked.get(1).score() : 0));
            }
            out.printf("tuning recall@1 %.4f over %d in-KB queries%n", (double) top1 / inKb, inKb);
        }
        return ThresholdSearch.best(outcomes, 1.0, 100);
    }

    /** BM25 scores are unbounded; they are searched on a 0..BASELINE_SCALE grid. */
    private static final double BASELINE_SCALE = 40.0;

    private ThresholdSearch.Choice chooseBaselineThreshold(FaqSimulation.Task task) {
        var outcomes = new ArrayList<ThresholdSearch.Outcome>();
        int top1 = 0;
        int inKb = 0;
        try (var baseline = new BaselineEngine(task.knowledge(), 0)) {
            for (BenchmarkData.Query query : task.queries()) {
                Engine.Result result = baseline.ask(query.text());
                boolean correct = !result.rankedIds().isEmpty() && result.rankedIds().get(0).equals(query.expectedId());
                if (query.inKb()) {
                    inKb++;
                    if (correct) top1++;
                }
                outcomes.add(new ThresholdSearch.Outcome(query.inKb(), correct,
                        Math.min(1, baseline.topScore(query.text()) / BASELINE_SCALE), 0));
            }
        }
        out.printf("baseline tuning recall@1 %.4f over %d in-KB queries%n", (double) top1 / inKb, inKb);
        return ThresholdSearch.best(outcomes, 1.0, 400);
    }

    static List<BenchmarkData.Pair> split(String spec) {
        int colon = spec.lastIndexOf(':');
        if (colon < 0) throw new IllegalArgumentException("expected FILE:SPLIT, got " + spec);
        Path file = Path.of(spec.substring(0, colon));
        String split = spec.substring(colon + 1);
        List<BenchmarkData.Pair> pairs = BenchmarkData.pairs(file).stream().filter(p -> p.split().equals(split)).toList();
        if (pairs.isEmpty()) throw new IllegalArgumentException("no pairs of split '" + split + "' in " + file);
        return pairs;
    }

}
