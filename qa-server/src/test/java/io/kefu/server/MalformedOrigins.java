package io.kefu.server;

import org.springframework.boot.test.system.CapturedOutput;

import java.util.List;
import java.util.function.ToIntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** {@code Origin} headers that are no origin at all, as anyone can send them to a WebSocket handshake. */
public final class MalformedOrigins {

    private static final List<String> HEADERS = List.of("http://a:b", "%%%", "http://exa mple");

    private MalformedOrigins() {
    }

    /**
     * Opens a socket with each ({@code handshake} returns the HTTP status of the refusal, or -1 when accepted): each
     * must be refused with 403 and one warning in the log, with no ERROR and no stack trace.
     */
    public static void assertRefused(CapturedOutput log, ToIntFunction<String> handshake) {
        for (String origin : HEADERS) {
            int before = log.getAll().length();
            assertEquals(403, handshake.applyAsInt(origin), origin);
            String logged = log.getAll().substring(before);
            assertEquals(1, logged.lines().filter(line -> line.contains(" WARN ")).count(), logged);
            assertFalse(logged.contains("ERROR") || logged.contains("\tat "), "no stack trace: " + logged);
        }
    }
}
