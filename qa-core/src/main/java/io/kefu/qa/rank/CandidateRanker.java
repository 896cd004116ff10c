package io.kefu.qa.rank;

import io.kefu.qa.embed.SemanticModel;
import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.index.IndexedPhrasing;
import io.kefu.qa.index.TermStatistics;
import io.kefu.qa.retrieve.Candidate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 5: scores every phrasing of each retrieved standard question with the learned model, and the entry's
 * phrasings read together as one text, and orders the standard questions by the evidence for them, best first.
 *
 * <p>The order uses a noisy-or of an entry's best {@link #EVIDENCE} phrasings and of its whole text: {@code 1 -
 * (1 - whole) * (1 - p1) * (1 - p2) * (1 - p3)}. A long customer message rarely matches one short phrasing well;
 * several phrasings that each match a part of it are evidence that adds up, where the best single phrasing is a
 * noisy winner-takes-all. A candidate whose best single match the model already finds more likely than not
 * ({@link #CONFIDENT}) still comes first, ordered by that match: many weak phrasings must not outvote one strong
 * one (怎么取消 彩铃 开通 is about cancelling, though 彩铃怎么开通 has more phrasings with 开通). Each candidate's {@link RankedCandidate#score() score} stays the calibrated probability
 * of its best single match (a phrasing or the whole text), the quantity the decision thresholds were chosen for:
 * the combined evidence is not a calibrated probability (its pieces are far from independent). With one phrasing
 * per entry, as in the open-domain benchmark, order and score are exactly what they were before.
 */
public final class CandidateRanker {

    /** How many of an entry's best phrasings count as evidence. */
    static final int EVIDENCE = 3;

    /** A single match at least this probable outranks any amount of weaker evidence. */
    static final double CONFIDENT = 0.5;

    private final RankingModel model;

    public CandidateRanker(RankingModel model) {
        this.model = model;
    }

    /** @param profiles the profiles of the index snapshot the candidates were retrieved from */
    public List<RankedCandidate> rank(AnalyzedText question, List<Candidate> candidates, PhrasingProfiles profiles) {
        return rank(question, profiles.index().encode(question), candidates, profiles);
    }

    /**
     * @param vector the question's learned vector when the index has a {@link SemanticModel} (then every match is
     *               scored by the model's blend of the lexical log-odds and the cosine), else null
     */
    public List<RankedCandidate> rank(AnalyzedText question, float[] vector, List<Candidate> candidates,
                                      PhrasingProfiles profiles) {
        TextProfile profile = TextProfile.of(question, profiles.index().statistics());
        var scored = new ArrayList<Scored>(candidates.size());
        var features = new double[PairFeatures.NAMES.size()];
        for (Candidate candidate : candidates) {
            EntryScore entry = score(profile, vector, candidate.entry().id(), profiles, features);
            // a retrieved entry has phrasings; its first hit has the best BM25 score
            scored.add(new Scored(new RankedCandidate(candidate.entry(), entry.matched().text(),
                    candidate.hits().get(0).score(), entry.best()), entry.evidence()));
        }
        scored.sort(CandidateRanker::bestFirst);
        return scored.stream().map(Scored::candidate).toList();
    }

    /** Confident first, then by the evidence (or the confident score), the score, the retrieval score; unboxed. */
    private static int bestFirst(Scored a, Scored b) {
        if (a.confident() != b.confident()) return a.confident() ? -1 : 1;
        int order = Double.compare(b.orderBy(), a.orderBy());
        if (order != 0) return order;
        order = Double.compare(b.candidate().score(), a.candidate().score());
        if (order != 0) return order;
        return Double.compare(b.candidate().retrieval(), a.candidate().retrieval());
    }

    private record Scored(RankedCandidate candidate, double evidence) {

        boolean confident() {
            return candidate.score() >= CONFIDENT;
        }

        double orderBy() {
            return confident() ? candidate.score() : evidence;
        }
    }

    /**
     * What the model says about one entry.
     *
     * @param evidence the noisy-or that orders the candidates
     * @param best     the calibrated probability of the best single match, a phrasing or the whole text
     * @param matched  the phrasing that scored best on its own
     */
    private record EntryScore(double evidence, double best, IndexedPhrasing matched) {
    }

    /** {@code features}: a buffer for each pair's features, which the model reads at once. */
    private EntryScore score(TextProfile question, float[] vector, String entryId, PhrasingProfiles profiles,
                             double[] features) {
        TermStatistics stats = profiles.index().statistics();
        List<IndexedPhrasing> phrasings = profiles.index().phrasingsOf(entryId);
        double[] probabilities = new double[phrasings.size()];
        IndexedPhrasing matched = null;
        double best = -1;
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] = probability(question, vector, phrasings.get(i), profiles, features);
            if (probabilities[i] > best) {
                best = probabilities[i];
                matched = phrasings.get(i);
            }
        }
        Arrays.sort(probabilities);
        double none = 1;
        for (int i = probabilities.length - 1; i >= Math.max(0, probabilities.length - EVIDENCE); i--) {
            none *= 1 - probabilities[i];
        }
        var whole = profiles.index().wholeEntry(entryId);
        double wholeProbability = whole.isPresent() ? probability(question, vector, whole.get(), profiles, features) : 0;
        none *= 1 - wholeProbability;
        return new EntryScore(1 - none, Math.max(best, wholeProbability), matched);
    }

    /**
     * The calibrated score of one standard question for a question, whether or not retrieval found it ({@code 0}
     * for an unknown id): its best phrasing or its whole text, the score {@link #rank} reports.
     */
    public double entrySimilarity(AnalyzedText question, String entryId, PhrasingProfiles profiles) {
        if (profiles.index().phrasingsOf(entryId).isEmpty()) return 0;
        return score(TextProfile.of(question, profiles.index().statistics()), profiles.index().encode(question), entryId,
                profiles, new double[PairFeatures.NAMES.size()]).best();
    }

    /**
     * The lexical model's probability of one match, or with a learned representation ({@code vector} not null) the
     * semantic model's blend of the lexical log-odds and the two texts' cosine.
     */
    private double probability(TextProfile question, float[] vector, IndexedPhrasing text, PhrasingProfiles profiles,
                               double[] features) {
        double[] raw = PairFeatures.extract(question, profiles.of(text), profiles.index().statistics().maxIdf(), features);
        if (vector == null) return model.probability(raw);
        SemanticModel semantic = profiles.index().semantic();
        return semantic.probability(model.logit(raw), SemanticModel.cosine(vector, profiles.index().vector(text.ordinal())));
    }
}
