package io.kefu.qa;

import io.kefu.qa.calibrate.RankingProbe;

/** The pipeline's ranking over one snapshot, for a calibration; closes the snapshot when it owns it. */
final class PipelineProbe implements RankingProbe {

    private final MatchingPipeline pipeline;
    private final Snapshot snapshot;
    private final boolean owned;

    PipelineProbe(MatchingPipeline pipeline, Snapshot snapshot, boolean owned) {
        this.pipeline = pipeline;
        this.snapshot = snapshot;
        this.owned = owned;
    }

    @Override
    public Top top(String question) {
        return pipeline.top(question, snapshot);
    }

    @Override
    public void close() {
        if (owned) snapshot.close();
    }
}
