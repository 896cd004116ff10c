package io.kefu.server.content;

/**
 * One of the content team's test questions.
 *
 * @param expected the entry that should answer it, or null: the bot should not answer it (out of scope)
 * @param mustPass a publish that fails it is blocked
 */
public record TestQuestion(long id, String question, String expected, boolean mustPass) {

    boolean inScope() {
        return expected != null;
    }
}
