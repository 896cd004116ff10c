package io.kefu.qa.intent;

import java.util.ArrayList;
import java.util.List;

/**
 * One concrete pattern a template stands for once its optional parts and alternatives are chosen: literal text and
 * slots in order, e.g. 帮我查 · {phone?} · 的话费.
 */
record Expansion(List<Piece> pieces) {

    static final Expansion EMPTY = new Expansion(List.of());

    /** A piece of an expansion. */
    sealed interface Piece permits Text, Slot {
    }

    record Text(String text) implements Piece {
    }

    /** @param optional written {@code {name?}} */
    record Slot(String name, boolean optional) implements Piece {
    }

    Expansion {
        pieces = List.copyOf(pieces);
    }

    /** This followed by {@code next}; neighbouring text pieces merge so that equal patterns compare equal. */
    Expansion then(Expansion next) {
        if (pieces.isEmpty()) return next;
        if (next.pieces.isEmpty()) return this;
        var joined = new ArrayList<>(pieces);
        Piece last = joined.get(joined.size() - 1);
        Piece first = next.pieces.get(0);
        if (last instanceof Text a && first instanceof Text b) {
            joined.set(joined.size() - 1, new Text(a.text() + b.text()));
            joined.addAll(next.pieces.subList(1, next.pieces.size()));
        } else {
            joined.addAll(next.pieces);
        }
        return new Expansion(joined);
    }

    boolean isEmpty() {
        return pieces.isEmpty();
    }

    List<Slot> slots() {
        return pieces.stream().filter(Slot.class::isInstance).map(Slot.class::cast).toList();
    }
}
