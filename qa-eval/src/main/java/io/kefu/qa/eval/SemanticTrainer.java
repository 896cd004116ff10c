package io.kefu.qa.eval;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;
import io.kefu.qa.Lexicon;
import io.kefu.qa.QaBot;
import io.kefu.qa.Reply;
import io.kefu.qa.Trace;
import io.kefu.qa.embed.SemanticModel;
import io.kefu.qa.internal.QuestionFeatures;
import io.kefu.qa.internal.RetrievalProbe;
import io.kefu.qa.rank.RankingModel;
import io.kefu.qa.rank.Thresholds;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reproduces the semantic model ({@code train-semantic}): trains the question encoder on training pairs, fits the
 * blend of its cosine with the lexical model's log-odds on scores the encoder made for pairs it had not seen (two
 * folds), chooses the blended probability's thresholds on an FAQ task simulated from LCQMC {@code dev} with the
 * encoder that never saw its queries, then trains the shipped encoder on all pairs and, with {@code --kb}, refines
 * it on the knowledge base's own phrasings (those of one entry are positives, other entries the negatives).
 */
final class SemanticTrainer {

    private static final long SEED = 20261205L;
    private static final int RANKING_DEPTH = 30;

    private final PrintStream out;
    private final Lexicon lexicon;
    private final RankingModel lexical;
    private final Map<String, int[]> features = new HashMap<>();
    private QuestionFeatures analyzer;
    private String kinds;
    private int minTexts;

    SemanticTrainer(PrintStream out, Lexicon lexicon, RankingModel lexical) {
        this.out = out;
        this.lexicon = lexicon;
        this.lexical = lexical;
    }

    void train(Arguments options) {
        int buckets = Integer.parseInt(options.get("buckets", "131072"));
        int dimension = Integer.parseInt(options.get("dimension", "64"));
        int epochs = Integer.parseInt(options.get("epochs", "10"));
        int refineEpochs = Integer.parseInt(options.get("refine-epochs", "3"));
        double learningRate = Double.parseDouble(options.get("learning-rate", "0.05"));
        kinds = options.get("features", "cbw");
        minTexts = Integer.parseInt(options.get("min-texts", "20"));
        analyzer = QuestionFeatures.of(lexicon, buckets, kinds);
        long start = System.nanoTime();

        List<BenchmarkData.Pair> training = new ArrayList<>();
        for (String spec : options.all("pairs")) {
            List<BenchmarkData.Pair> pairs = Trainer.split(spec);
            String name = Path.of(spec).getParent() == null ? spec : Path.of(spec).getParent().getFileName().toString();
            pairs.forEach(p -> sources.put(p, name));
            training.addAll(pairs);
        }
        if (training.isEmpty()) throw new IllegalArgumentException("give training pairs with --pairs FILE:SPLIT");
        FaqSimulation.Task task = FaqSimulation.fromPairs(Trainer.split(options.require("faq-pairs")), Trainer.SIMULATION_SEED);
        var rankingQueries = new ArrayList<BenchmarkData.Query>();
        var tuningQueries = new ArrayList<BenchmarkData.Query>();
        Trainer.halves(task, rankingQueries, tuningQueries);
        Set<String> reserved = Trainer.tuningTexts(task, tuningQueries);
        var folds = new PairFolds(training, reserved);

        var byFold = List.of(new ArrayList<EncoderTraining.Example>(), new ArrayList<EncoderTraining.Example>());
        var all = new ArrayList<EncoderTraining.Example>();
        for (BenchmarkData.Pair pair : training) {
            var example = new EncoderTraining.Example(features(pair.q1()), features(pair.q2()), pair.same(), -1);
            byFold.get(folds.fold(pair)).add(example);
            all.add(example);
        }
        out.printf("%d training pairs (%d / %d by fold), %d texts analysed in %d s%n", training.size(),
                byFold.get(0).size(), byFold.get(1).size(), features.size(), (System.nanoTime() - start) / 1_000_000_000);

        var encoders = new EncoderTraining[2];
        for (int f = 0; f < 2; f++) encoders[f] = fit("fold " + f, byFold.get(f), buckets, dimension, epochs, learningRate);

        diagnose(training, folds, encoders);
        if (Boolean.parseBoolean(options.get("diagnose-only", "false"))) return;

        // the blend, on out-of-fold cosines: pairs in both directions, and what retrieval hands the ranker
        var pairScorer = new PairScorer(lexicon, training);
        var rows = new ArrayList<double[]>();
        var labels = new ArrayList<Boolean>();
        for (BenchmarkData.Pair pair : training) {
            EncoderTraining other = encoders[1 - folds.fold(pair)];
            double cosine = cosine(other, pair.q1(), pair.q2());
            for (double[] direction : pairScorer.features(pair)) {
                rows.add(SemanticModel.blendFeatures(lexical.logit(direction), cosine));
                labels.add(pair.same());
            }
        }
        int pairRows = rows.size();
        try (var probe = RetrievalProbe.build(task.knowledge(), lexicon)) {
            for (BenchmarkData.Query query : rankingQueries) {
                EncoderTraining other = encoders[1 - folds.fold(query.text())];
                for (RetrievalProbe.Retrieved hit : probe.retrieve(query.text(), RANKING_DEPTH, false)) {
                    rows.add(SemanticModel.blendFeatures(lexical.logit(hit.features()), cosine(other, query.text(), hit.text())));
                    labels.add(hit.entryId().equals(query.expectedId()));
                }
            }
        }
        double[] blend = new LogisticRegression(400, 0.05, 1e-4).fit(rows, labels, false);
        out.printf("blend %s on %d pair and %d ranking rows%n", java.util.Arrays.toString(blend), pairRows,
                rows.size() - pairRows);
        report("lexical alone, out of fold", rows.subList(0, pairRows), labels.subList(0, pairRows), null);
        report("blend, out of fold", rows.subList(0, pairRows), labels.subList(0, pairRows), blend);
        perSource(training, rows, blend);

        String provenance = "EvaluatorCli train-semantic " + String.join(" ", options.all("pairs")) + " --faq-pairs "
                + options.require("faq-pairs") + (options.get("kb", null) == null ? "" : " --kb " + options.get("kb", null))
                + " (" + buckets + " buckets × " + dimension + ", " + epochs + " epochs, refined " + refineEpochs
                + "), " + LocalDate.now();
        SemanticModel unseen = model(encoders[0], blend, new double[]{0.5, 0.25, 0}, provenance);
        ThresholdSearch.Choice choice = chooseThresholds(unseen, new FaqSimulation.Task(task.knowledge(), tuningQueries));
        double[] thresholds = {choice.thresholds().answer(), choice.thresholds().clarify(), choice.thresholds().margin()};
        out.printf("thresholds %.4f / %.4f / %.3f, tuning overall accuracy %.4f%n", thresholds[0], thresholds[1],
                thresholds[2], choice.accuracy());

        EncoderTraining shipped = fit("all", all, buckets, dimension, epochs, learningRate);
        String general = options.get("general-out", null);
        if (general != null) model(shipped, blend, thresholds, provenance).save(Path.of(general));
        String kb = options.get("kb", null);
        if (kb != null) refine(shipped, EvaluatorCli.knowledgeBase(Path.of(kb)), refineEpochs, learningRate);
        Path target = Path.of(options.get("out",
                EvaluatorCli.DEFAULT_KNOWLEDGE.resolve(io.kefu.qa.KnowledgeFolder.SEMANTIC_MODEL).toString()));
        model(shipped, blend, thresholds, provenance).save(target);
        var summary = new LinkedHashMap<String, Object>();
        summary.put("training_pairs", training.size());
        summary.put("blend", blend);
        summary.put("answer_threshold", FaqMetrics.round(thresholds[0]));
        summary.put("clarify_threshold", FaqMetrics.round(thresholds[1]));
        summary.put("margin", thresholds[2]);
        summary.put("tuning_overall_accuracy", FaqMetrics.round(choice.accuracy()));
        summary.put("seconds", (System.nanoTime() - start) / 1_000_000_000);
        summary.put("model", target.toString());
        Report.table(out, "train-semantic", summary);
        out.println(Report.json(summary));
    }

    private EncoderTraining fit(String name, List<EncoderTraining.Example> examples, int buckets, int dimension,
                                int epochs, double learningRate) {
        var training = new EncoderTraining(buckets, dimension, SEED);
        if (minTexts > 1) {
            training.trainOnlyCommon(examples, minTexts);
            out.printf("encoder %s: %d rows learn (features in at least %d texts)%n", name, training.trainableRows, minTexts);
        }
        for (int e = 0; e < epochs; e++) {
            double loss = training.epoch(examples, 128, learningRate, 1.0);
            out.printf("encoder %s epoch %d: loss %.4f%n", name, e + 1, loss);
        }
        return training;
    }

    /**
     * Refines an encoder on a knowledge base's phrasings, without each entry's last similar phrasing (the
     * evaluator's holdout split asks those): every two phrasings of one entry are a positive pair.
     */
    private void refine(EncoderTraining encoder, KnowledgeBase knowledge, int epochs, double learningRate) {
        KnowledgeBase kept = HoldoutSplit.lastSimilar(knowledge).knowledge();
        var examples = new ArrayList<EncoderTraining.Example>();
        for (int e = 0; e < kept.size(); e++) {
            List<String> phrasings = kept.entries().get(e).phrasings();
            for (int i = 0; i < phrasings.size(); i++) {
                for (int j = i + 1; j < phrasings.size(); j++) {
                    examples.add(new EncoderTraining.Example(features(phrasings.get(i)), features(phrasings.get(j)), true, e));
                }
            }
        }
        for (int e = 0; e < epochs; e++) {
            double loss = encoder.epoch(examples, 128, learningRate, 0.2);
            out.printf("refine on %d pairs of the knowledge base, epoch %d: loss %.4f%n", examples.size(), e + 1, loss);
        }
    }

    private ThresholdSearch.Choice chooseThresholds(SemanticModel model, FaqSimulation.Task task) {
        var outcomes = new ArrayList<ThresholdSearch.Outcome>();
        try (QaBot bot = QaBot.builder().knowledge(task.knowledge()).lexicon(lexicon).model(lexical).semantic(model)
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
            out.printf("tuning recall@1 with the blend %.4f over %d in-KB queries%n", (double) top1 / inKb, inKb);
        }
        return ThresholdSearch.best(outcomes, 1.0, 100);
    }

    /**
     * Per training set: the accuracy of the cosine when its threshold is chosen on the pairs the encoder trained on
     * and applied to the other fold's (as the {@code pairs} command chooses its threshold on a training split), and
     * the best accuracy any threshold reaches on the other fold, for the lexical model and for the cosine.
     */
    private void diagnose(List<BenchmarkData.Pair> training, PairFolds folds, EncoderTraining[] encoders) {
        var bySource = new LinkedHashMap<String, List<BenchmarkData.Pair>>();
        for (BenchmarkData.Pair pair : training) bySource.computeIfAbsent(pair.split() + ":" + source(pair), k -> new ArrayList<>()).add(pair);
        for (var entry : bySource.entrySet()) {
            var seen = new ArrayList<double[]>();
            var unseen = new ArrayList<double[]>();
            for (BenchmarkData.Pair pair : entry.getValue()) {
                int fold = folds.fold(pair);
                double label = pair.same() ? 1 : 0;
                if (fold == 0) seen.add(new double[]{cosine(encoders[0], pair.q1(), pair.q2()), label});
                else unseen.add(new double[]{cosine(encoders[0], pair.q1(), pair.q2()), label});
            }
            double threshold = bestThreshold(seen);
            out.printf("%s: cosine in-sample %.4f, out of fold at that threshold %.4f, out of fold best %.4f (%d / %d pairs)%n",
                    entry.getKey(), accuracy(seen, threshold), accuracy(unseen, threshold),
                    accuracy(unseen, bestThreshold(unseen)), seen.size(), unseen.size());
        }
    }

    /**
     * Per training set, as the {@code pairs} command scores a pair (the mean of both directions): the best accuracy
     * of the lexical model and of the blend on out-of-fold cosines, and the blend's threshold there, which is where
     * {@code pairs --threshold} should decide for a model trained on that split (a threshold chosen on pairs the
     * encoder has seen would sit where its memory, not its judgment, separates them).
     */
    private void perSource(List<BenchmarkData.Pair> training, List<double[]> rows, double[] blend) {
        var bySource = new LinkedHashMap<String, List<double[]>>();
        for (int i = 0; i < training.size(); i++) {
            BenchmarkData.Pair pair = training.get(i);
            double[] forward = rows.get(2 * i);
            double[] backward = rows.get(2 * i + 1);
            double lexical = (sigmoid(forward[1]) + sigmoid(backward[1])) / 2;
            double blended = (sigmoid(dot(blend, forward)) + sigmoid(dot(blend, backward))) / 2;
            bySource.computeIfAbsent(pair.split() + ":" + source(pair), k -> new ArrayList<>())
                    .add(new double[]{lexical, blended, pair.same() ? 1 : 0});
        }
        for (var entry : bySource.entrySet()) {
            var lexical = entry.getValue().stream().map(r -> new double[]{r[0], r[2]}).toList();
            var blended = entry.getValue().stream().map(r -> new double[]{r[1], r[2]}).toList();
            double t = bestThreshold(blended);
            out.printf("%s out of fold: lexical best %.4f, blend best %.4f at threshold %.3f%n", entry.getKey(),
                    accuracy(lexical, bestThreshold(lexical)), accuracy(blended, t), t);
        }
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static double dot(double[] w, double[] x) {
        double z = 0;
        for (int j = 0; j < w.length; j++) z += w[j] * x[j];
        return z;
    }

    private final Map<BenchmarkData.Pair, String> sources = new HashMap<>();

    private String source(BenchmarkData.Pair pair) {
        return sources.getOrDefault(pair, "");
    }

    private static double bestThreshold(List<double[]> scored) {
        double best = 0;
        double bestAccuracy = -1;
        for (double t = -1; t <= 1; t += 0.005) {
            double accuracy = accuracy(scored, t);
            if (accuracy > bestAccuracy) {
                bestAccuracy = accuracy;
                best = t;
            }
        }
        return best;
    }

    private static double accuracy(List<double[]> scored, double threshold) {
        int correct = 0;
        for (double[] s : scored) if ((s[0] >= threshold) == (s[1] == 1)) correct++;
        return scored.isEmpty() ? 0 : (double) correct / scored.size();
    }

    /** Best-threshold accuracy of the lexical probability or the blend on rows (a check on training data). */
    private void report(String name, List<double[]> rows, List<Boolean> labels, double[] blend) {
        var scores = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double z = 0;
            if (blend == null) z = rows.get(i)[1];
            else for (int j = 0; j < blend.length; j++) z += blend[j] * rows.get(i)[j];
            scores[i] = z;
        }
        double best = 0;
        for (double t = -10; t <= 10; t += 0.05) {
            int correct = 0;
            for (int i = 0; i < scores.length; i++) if ((scores[i] >= t) == labels.get(i)) correct++;
            best = Math.max(best, (double) correct / scores.length);
        }
        out.printf("%s: best-threshold accuracy %.4f%n", name, best);
    }

    private SemanticModel model(EncoderTraining encoder, double[] blend, double[] thresholds, String provenance) {
        return SemanticModel.of(encoder.table, encoder.buckets, encoder.dimension, kinds, encoder.seed, blend, thresholds,
                provenance);
    }

    private double cosine(EncoderTraining encoder, String a, String b) {
        float[] x = encoder.encode(features(a));
        float[] y = encoder.encode(features(b));
        return SemanticModel.cosine(x, y);
    }

    private int[] features(String text) {
        return features.computeIfAbsent(text, analyzer::of);
    }
}
