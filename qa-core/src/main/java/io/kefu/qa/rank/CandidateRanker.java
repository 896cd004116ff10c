package io.kefu.qa.rank;

import io.kefu.qa.expand.AnalyzedText;
import io.kefu.qa.index.FaqIndex;
import io.kefu.qa.index.IndexedPhrasing;
import io.kefu.qa.index.TermStatistics;
import io.kefu.qa.retrieve.Candidate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Stage 5: scores every retrieved phrasing with the learned model and keeps, per standard question, its best
 * phrasing. The result is ordered by calibrated score, best first.
 */
public final class CandidateRanker {

    private final RankingModel model;

    public CandidateRanker(RankingModel model) {
        this.model = model;
    }

    public List<RankedCandidate> rank(AnalyzedText question, List<Candidate> candidates, FaqIndex index) {
        TermStatistics stats = index.statistics();
        TextProfile profile = TextProfile.of(question, stats);
        var ranked = new ArrayList<RankedCandidate>(candidates.size());
        for (Candidate candidate : candidates) {
            RankedCandidate best = null;
            for (FaqIndex.Hit hit : candidate.hits()) {
                double score = model.probability(PairFeatures.extract(profile, hit.phrasing().profile(), stats.maxIdf()));
                if (best == null || score > best.score()) {
                    best = new RankedCandidate(candidate.entry(), hit.phrasing().text(), hit.score(), score);
                }
            }
            var whole = index.wholeEntry(candidate.entry().id());
            if (whole.isPresent()) {
                double score = model.probability(PairFeatures.extract(profile, whole.get().profile(), stats.maxIdf()));
                if (score > best.score()) best = new RankedCandidate(candidate.entry(), best.matched(), best.retrieval(), score);
            }
            ranked.add(best);
        }
        ranked.sort(Comparator.comparingDouble(RankedCandidate::score).reversed()
                .thenComparing(Comparator.comparingDouble(RankedCandidate::retrieval).reversed()));
        return ranked;
    }

    /** The calibrated score of one phrasing for a question, whether or not retrieval found it. */
    public double similarity(AnalyzedText question, IndexedPhrasing phrasing, TermStatistics stats) {
        return model.probability(PairFeatures.extract(TextProfile.of(question, stats), phrasing.profile(), stats.maxIdf()));
    }

    public RankingModel model() {
        return model;
    }
}
