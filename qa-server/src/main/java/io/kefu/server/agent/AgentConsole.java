package io.kefu.server.agent;

import org.springframework.web.socket.WebSocketSession;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One agent console socket: who signed in, what they may do, and the conversations they have open (so that their
 * messages reach this console even when they are not the assigned agent, e.g. a supervisor reading one).
 *
 * @param session     thread-safe (wrapped for concurrent sends)
 * @param supervisor  whether the signed-in account has the SUPERVISOR role (directly or through ADMIN)
 * @param displayName shown to customers on the agent's messages
 */
record AgentConsole(WebSocketSession session, String username, String displayName, boolean supervisor,
                    boolean admin, Set<String> watching) {

    AgentConsole(WebSocketSession session, String username, String displayName, boolean supervisor, boolean admin) {
        this(session, username, displayName, supervisor, admin, ConcurrentHashMap.newKeySet());
    }
}
