package io.kefu.server.agent;

import io.kefu.server.system.FrameWriter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** The agent console sockets open on this node, and sending frames to them. */
@Component
class AgentConsoles {

    private static final Logger log = LoggerFactory.getLogger(AgentConsoles.class);

    private final Set<AgentConsole> consoles = ConcurrentHashMap.newKeySet();
    private final FrameWriter frames;

    AgentConsoles(FrameWriter frames, MeterRegistry registry) {
        this.frames = frames;
        Gauge.builder("kefu.sockets.open", consoles, Set::size).description("Open sockets on this node")
                .tag("kind", "agent").register(registry);
    }

    void add(AgentConsole console) {
        consoles.add(console);
    }

    void remove(AgentConsole console) {
        consoles.remove(console);
    }

    boolean isEmpty() {
        return consoles.isEmpty();
    }

    /** Whether this user has another console open on this node. */
    boolean connected(String username) {
        return consoles.stream().anyMatch(c -> c.username().equals(username));
    }

    Collection<AgentConsole> all() {
        return List.copyOf(consoles);
    }

    void toAgent(String username, Object frame) {
        send(c -> c.username().equals(username), frame);
    }

    void toSupervisors(Object frame) {
        send(AgentConsole::supervisor, frame);
    }

    void toEveryone(Object frame) {
        send(c -> true, frame);
    }

    /** To the conversation's agent and every console that has it open. */
    void toConversation(String conversationId, String agent, Object frame) {
        send(c -> c.username().equals(agent) || c.watching().contains(conversationId), frame);
    }

    void send(AgentConsole console, Object frame) {
        if (!console.session().isOpen()) return;
        try {
            console.session().sendMessage(frames.write(frame));
        } catch (IOException | IllegalStateException e) {
            log.debug("agent console {} gone: {}", console.session().getId(), e.toString());
        }
    }

    private void send(Predicate<AgentConsole> who, Object frame) {
        if (consoles.isEmpty()) return;
        TextMessage text = frames.write(frame);
        for (AgentConsole console : consoles) {
            if (!who.test(console) || !console.session().isOpen()) continue;
            try {
                console.session().sendMessage(text);
            } catch (IOException | IllegalStateException e) {
                log.debug("agent console {} gone: {}", console.session().getId(), e.toString());
            }
        }
    }
}
