package io.kefu.server.chat;

/** A frame the customer's client sends; {@link FrameReader} makes them from JSON. See docs/protocol.md. */
sealed interface ClientFrame {

    /**
     * Start, or resume with the visitor token, the conversation and the last sequence number seen; {@code profile}
     * is a visitor profile signed by the embedding page's server ({@link VisitorProfile}), or null.
     */
    record Hello(String token, String conversation, long lastSeq, String profile) implements ClientFrame {
    }

    /** A customer message; {@code suggestion} is the standard question id when a suggestion button was clicked. */
    record Message(String id, String text, String suggestion) implements ClientFrame {
    }

    record Typing(boolean on) implements ClientFrame {
    }

    record Ping() implements ClientFrame {
    }

    record Close() implements ClientFrame {
    }

    record Rate(int stars, String comment) implements ClientFrame {
    }

    /** 有帮助 ({@code helpful}) or 没帮助 on the bot's answer number {@code seq}. */
    record Vote(long seq, boolean helpful) implements ClientFrame {
    }
}
