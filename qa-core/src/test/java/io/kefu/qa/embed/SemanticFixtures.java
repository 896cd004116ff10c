package io.kefu.qa.embed;

import java.util.Map;

/** Small hand-made semantic models for tests: characters given a direction each, every other feature nothing. */
public final class SemanticFixtures {

    public static final int BUCKETS = 1024;
    public static final int DIMENSION = 8;

    private SemanticFixtures() {
    }

    /**
     * A model that reads characters only ({@code c}) and maps each character of {@code topics} to the unit vector
     * of its dimension, so texts whose characters share a topic come out parallel; unknown characters add nothing.
     */
    public static SemanticModel byTopic(Map<String, Integer> topics, double[] blend) {
        var table = new float[BUCKETS * DIMENSION];
        topics.forEach((character, topic) ->
                table[HashedFeatures.bucket('c', character, "", "", BUCKETS) * DIMENSION + topic] = 1f);
        return SemanticModel.of(table, BUCKETS, DIMENSION, "c", 7, blend, new double[]{0.5, 0.25, 0}, "test fixture");
    }
}
