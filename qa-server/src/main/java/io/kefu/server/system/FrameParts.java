package io.kefu.server.system;

import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;

/**
 * Text frames put together from the parts the container hands over. The container's text buffer is kept small,
 * because every idle socket holds one (with a buffer the size of the largest frame, 16 KB of the 39 KB an idle chat
 * socket held); a frame larger than the buffer arrives in parts, which are kept on the session only until the last
 * one. A frame beyond {@code maxChars} closes its connection with 1009, as the container did when the buffer was
 * that large.
 */
public final class FrameParts {

    private static final String KEY = FrameParts.class.getName();

    private FrameParts() {
    }

    /** The whole frame once its last part is here; null before that, and after closing for a frame too large. */
    public static String whole(WebSocketSession session, TextMessage part, int maxChars) throws IOException {
        StringBuilder started = (StringBuilder) session.getAttributes().get(KEY);
        if (started == null && part.isLast()) return part.getPayload();   // the usual frame: one part, nothing kept
        if (started == null) {
            started = new StringBuilder();
            session.getAttributes().put(KEY, started);
        }
        started.append(part.getPayload());
        if (started.length() > maxChars) {
            session.getAttributes().remove(KEY);
            session.close(CloseStatus.TOO_BIG_TO_PROCESS);
            return null;
        }
        if (!part.isLast()) return null;
        session.getAttributes().remove(KEY);
        return started.toString();
    }
}
