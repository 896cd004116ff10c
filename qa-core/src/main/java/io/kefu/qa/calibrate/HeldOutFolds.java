package io.kefu.qa.calibrate;

import io.kefu.qa.FaqEntry;
import io.kefu.qa.KnowledgeBase;

import java.util.ArrayList;
import java.util.List;

/**
 * Leave-one-out without one index per phrasing: the similar phrasings are dealt into a few folds by their position
 * in their entry (the 1st, 5th, 9th... in fold 0 of 4), and each fold is one knowledge base without its phrasings.
 * Every similar phrasing is thus asked exactly once, against an index that does not have it, while its entry keeps
 * its standard question and most of its other phrasings; a fold removes at most a few phrasings of an entry.
 */
final class HeldOutFolds {

    /** A knowledge base without some phrasings, and those phrasings with the entry each belongs to. */
    record Fold(KnowledgeBase knowledge, List<CalibrationSet.LabelledQuestion> heldOut) {
    }

    private HeldOutFolds() {
    }

    /** At most {@code folds} folds (fewer when no entry has that many similar phrasings); none without any. */
    static List<Fold> of(KnowledgeBase full, int folds) {
        int longest = full.entries().stream().mapToInt(e -> e.similar().size()).max().orElse(0);
        int count = Math.min(folds, longest);
        var out = new ArrayList<Fold>(count);
        for (int fold = 0; fold < count; fold++) {
            var kept = new ArrayList<FaqEntry>(full.size());
            var heldOut = new ArrayList<CalibrationSet.LabelledQuestion>();
            for (FaqEntry entry : full.entries()) {
                var similar = new ArrayList<String>(entry.similar().size());
                for (int i = 0; i < entry.similar().size(); i++) {
                    if (i % count == fold) {
                        heldOut.add(new CalibrationSet.LabelledQuestion(entry.similar().get(i), entry.id()));
                    } else {
                        similar.add(entry.similar().get(i));
                    }
                }
                kept.add(new FaqEntry(entry.id(), entry.question(), similar, entry.answer(), entry.category()));
            }
            out.add(new Fold(new KnowledgeBase(kept), heldOut));
        }
        return out;
    }
}
