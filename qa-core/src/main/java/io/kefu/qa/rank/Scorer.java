package io.kefu.qa.rank;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** Turns a {@link PairFeatures} vector into a log-odds that the two texts ask the same thing. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes(@JsonSubTypes.Type(value = LogisticScorer.class, name = "logistic"))
public sealed interface Scorer permits LogisticScorer {

    double logit(double[] features);
}
