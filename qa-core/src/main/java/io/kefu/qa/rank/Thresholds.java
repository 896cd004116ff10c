package io.kefu.qa.rank;

/**
 * When the bot answers, asks "您是不是想问", or declines.
 *
 * @param answer  the best candidate's score must reach this to be answered
 * @param clarify below {@code answer} but at least this: offer suggestions instead
 * @param margin  an answer also needs this lead over the runner-up; a closer race is clarified
 */
public record Thresholds(double answer, double clarify, double margin) {

    public Thresholds {
        if (!(clarify >= 0 && clarify <= answer && answer <= 1)) {
            throw new IllegalArgumentException("thresholds need 0 <= clarify <= answer <= 1, got " + clarify + ", " + answer);
        }
        if (margin < 0 || margin > 1) throw new IllegalArgumentException("margin must be in [0,1], got " + margin);
    }
}
