package io.kefu.qa.rank;

import io.kefu.qa.FaqEntry;

/**
 * A standard question with the ranker's verdict.
 *
 * @param entry     the standard question
 * @param matched   the phrasing that scored best
 * @param retrieval its BM25 score from the retrieval stage
 * @param score     the calibrated probability that the customer means this entry
 */
public record RankedCandidate(FaqEntry entry, String matched, double retrieval, double score) {
}
