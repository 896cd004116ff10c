package io.kefu.server.chat;

import io.kefu.server.cluster.BusResubscribed;
import io.kefu.server.conversation.ConversationMeters;
import io.kefu.server.conversation.ConversationService;
import io.kefu.server.conversation.CustomerChannel;
import io.kefu.server.conversation.Sender;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.system.FrameWriter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketSession;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The customer sockets open on this node, by conversation, so that what an agent or the queue says reaches the
 * customer as it happens. A customer with no socket here gets it by replay when it resumes.
 */
@Component
class CustomerSockets implements CustomerChannel {

    private static final Logger log = LoggerFactory.getLogger(CustomerSockets.class);

    private final Map<String, Set<Connection>> byConversation = new ConcurrentHashMap<>();
    private final FrameWriter frames;
    private final ConversationMeters meters;
    private final ObjectProvider<ConversationService> conversations;

    /** The service through a provider: it delivers through these sockets, so it is created after them. */
    CustomerSockets(FrameWriter frames, ConversationMeters meters, MeterRegistry registry,
                    ObjectProvider<ConversationService> conversations) {
        this.frames = frames;
        this.meters = meters;
        this.conversations = conversations;
        // counted when scraped, not kept up to date on every connect
        Gauge.builder("kefu.sockets.open", byConversation, map -> map.values().stream().mapToInt(Set::size).sum())
                .description("Open sockets on this node").tag("kind", "customer").register(registry);
    }

    void register(Connection connection) {
        byConversation.computeIfAbsent(connection.conversation().id(), id -> ConcurrentHashMap.newKeySet())
                .add(connection);
    }

    void unregister(Connection connection) {
        if (!connection.started()) return;
        byConversation.computeIfPresent(connection.conversation().id(), (id, set) -> {
            set.remove(connection);
            return set.isEmpty() ? null : set;
        });
    }

    /** Sends a stored message to the conversation's customer sockets. */
    @Override
    public void deliver(String conversationId, StoredMessage message) {
        Set<Connection> connections = connections(conversationId);
        for (Connection connection : connections) send(connection, ServerFrame.message(message));
        if (!connections.isEmpty()) meters.delivered(ChatSocketHandler.CHANNEL, message.sender());
    }

    @Override
    public void queue(String conversationId, int position, long waitSeconds) {
        for (Connection connection : connections(conversationId)) {
            send(connection, new ServerFrame.Queue("queue", connection.lastSeq(), position, waitSeconds));
        }
    }

    @Override
    public void agentTyping(String conversationId, boolean on) {
        for (Connection connection : connections(conversationId)) {
            send(connection, new ServerFrame.Typing("typing", connection.lastSeq(), Sender.AGENT.wireName(), on));
        }
    }

    /** Whether a customer socket of the conversation is open on this node. */
    @Override
    public boolean connected(String conversationId) {
        return byConversation.containsKey(conversationId);
    }

    /**
     * Sends every connected customer what was stored after the last message their socket got (this node missed the
     * other nodes' announcements for a while); the widget drops a number it has already.
     */
    @EventListener(BusResubscribed.class)
    void catchUp() {
        for (var entry : byConversation.entrySet()) {
            for (Connection connection : entry.getValue()) {
                for (StoredMessage missed : conversations.getObject().replay(entry.getKey(), connection.lastSeq())) {
                    send(connection, ServerFrame.message(missed));
                }
            }
        }
    }

    private Set<Connection> connections(String conversationId) {
        return byConversation.getOrDefault(conversationId, Set.of());
    }

    /**
     * Sends a frame if the socket is still there. A socket that died mid-conversation does not stop the work: what
     * was received is still answered and stored, and the client gets it by replay when it resumes.
     */
    void send(Connection connection, ServerFrame frame) {
        if (frame instanceof ServerFrame.Message || frame instanceof ServerFrame.Ack) connection.seen(frame.seq());
        WebSocketSession session = connection.session();
        if (!session.isOpen()) return;
        try {
            session.sendMessage(frames.write(frame));
        } catch (IOException | IllegalStateException e) {
            log.debug("chat socket {} gone; {} frame {} left for replay: {}", session.getId(), frame.type(),
                    frame.seq(), e.toString());
        }
    }
}
