package io.kefu.qa;

import io.kefu.qa.expand.HomophoneCorrector;
import io.kefu.qa.expand.TextAnalyzer;
import io.kefu.qa.index.FaqIndex;
import io.kefu.qa.rank.PhrasingProfiles;

/**
 * One knowledge base ready to answer: its index, its vocabulary for homophone correction and the ranking profiles
 * of its phrasings, all made from the same build and swapped in and out together.
 */
record Snapshot(FaqIndex index, HomophoneCorrector homophones, PhrasingProfiles profiles) implements AutoCloseable {

    static Snapshot build(KnowledgeBase knowledge, TextAnalyzer analyzer) {
        FaqIndex index = FaqIndex.build(knowledge, analyzer);
        return new Snapshot(index, HomophoneCorrector.of(index.statistics().conceptsByFrequency()),
                PhrasingProfiles.of(index));
    }

    /** See {@link FaqIndex#tryAcquire()}. */
    boolean tryAcquire() {
        return index.tryAcquire();
    }

    void release() {
        index.release();
    }

    @Override
    public void close() {
        index.close();
    }
}
