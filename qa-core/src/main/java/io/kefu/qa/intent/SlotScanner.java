package io.kefu.qa.intent;

import java.util.List;

/** Finds the values of one family of slot types in a normalised question. */
interface SlotScanner {

    /** The types this scanner can recognise; it is skipped when no template uses any of them. */
    List<String> types();

    void scan(String text, List<Recognition> out);
}
