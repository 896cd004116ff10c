package io.kefu.server.chat;

import io.kefu.server.content.AnswerVotes;
import io.kefu.server.conversation.ConversationException;
import io.kefu.server.conversation.ConversationMeters;
import io.kefu.server.conversation.ConversationService;
import io.kefu.server.conversation.CustomerTexts;
import io.kefu.server.conversation.InboundMessage;
import io.kefu.server.conversation.Outcome;
import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.system.FrameParts;
import io.kefu.server.system.KefuProperties;
import io.kefu.server.system.StoreOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.time.Clock;

/**
 * {@code /ws/chat}: the customer's socket. The boundary of the chat protocol: every frame is read and checked
 * against the limits here, translated into a call of the {@link ConversationService} and its result back into
 * frames; anything wrong with it becomes an {@code error} frame on this connection only.
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final String CONNECTION = Connection.class.getName();
    /** How long one send may block before the connection is given up as too slow. */
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 512 * 1024;

    /** The channel name stored with the conversations started here. */
    static final String CHANNEL = "web";

    private final ConversationService conversations;
    private final AnswerVotes votes;
    private final FrameReader reader;
    private final JsonMapper json;
    private final CustomerSockets sockets;
    private final KefuProperties.Chat settings;
    private final String profileKey;
    private final ServerFrame.Limits limits;
    private final ConversationMeters meters;

    ChatSocketHandler(ConversationService conversations, FrameReader reader, JsonMapper json, CustomerSockets sockets,
                      KefuProperties properties, ConversationMeters meters, AnswerVotes votes) {
        this.meters = meters;
        this.votes = votes;
        this.conversations = conversations;
        this.reader = reader;
        this.json = json;
        this.sockets = sockets;
        this.settings = properties.chat();
        this.profileKey = properties.handoff().profileKey();
        this.limits = new ServerFrame.Limits(settings.maxMessageLength(), settings.framesPerSecond(), settings.burst(),
                settings.maxFrameChars());
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        var safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT);
        session.getAttributes().put(CONNECTION, new Connection(safe,
                new FrameRateLimit(settings.framesPerSecond(), settings.burst(), System.nanoTime())));
    }

    /** Frames may come in parts: the container's per-socket text buffer is small ({@link FrameParts}). */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage part) throws IOException {
        // IOException: only from closing an abusive connection
        String text = FrameParts.whole(session, part, settings.maxFrameChars() * 2);
        if (text == null) return;
        Connection connection = (Connection) session.getAttributes().get(CONNECTION);
        ClientFrame frame = null;
        try {
            boolean allowed = connection.limit().tryAcquire(System.nanoTime());
            if (!allowed && connection.limit().abusive()) {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("too many frames"));
                return;
            }
            frame = reader.read(text);
            if (!allowed) {
                throw new ConversationException("rate_limited", CustomerTexts.RATE_LIMITED,
                        frame instanceof ClientFrame.Message message ? message.id() : null);
            }
            // every log line written while the frame is handled names its conversation (docs/operations.md)
            if (connection.started()) MDC.put("conversation", connection.conversation().id());
            handle(connection, frame);
        } catch (ConversationException e) {
            send(connection, ServerFrame.error(connection.lastSeq(), e));
        } catch (RuntimeException e) {
            if (StoreOutage.is(e)) {
                unavailable(connection, frame, e);
                return;
            }
            log.error("chat frame failed (conversation {})",
                    connection.started() ? connection.conversation().id() : "none", e);
            send(connection, ServerFrame.error(connection.lastSeq(),
                    new ConversationException("internal", CustomerTexts.INTERNAL)));
        } finally {
            MDC.remove("conversation");
        }
    }

    /**
     * The database is out of reach: a message gets a temporary error with its id (the widget sends it again); a
     * hello closes the socket with 1013, "try again later", on which the widget reconnects after a pause.
     */
    private void unavailable(Connection connection, ClientFrame frame, RuntimeException e) throws IOException {
        log.warn("chat frame not handled, the database is out of reach: {}", StoreOutage.summary(e));
        if (frame instanceof ClientFrame.Hello) {
            connection.session().close(CloseStatus.SERVICE_OVERLOAD.withReason("try again later"));
            return;
        }
        send(connection, ServerFrame.error(connection.lastSeq(), new ConversationException("unavailable",
                CustomerTexts.UNAVAILABLE, frame instanceof ClientFrame.Message message ? message.id() : null)));
    }

    private void handle(Connection connection, ClientFrame frame) {
        if (frame instanceof ClientFrame.Hello hello) {
            hello(connection, hello);
        } else if (frame instanceof ClientFrame.Message message) {
            message(connection, message);
        } else if (frame instanceof ClientFrame.Typing typing) {
            conversations.typing(connection.conversation().id(), typing.on());
        } else if (frame instanceof ClientFrame.Ping) {
            send(connection, ServerFrame.pong(connection.lastSeq()));
        } else if (frame instanceof ClientFrame.Close) {
            send(connection, ServerFrame.message(conversations.close(connection.conversation().id())));
        } else if (frame instanceof ClientFrame.Rate rate) {
            conversations.rate(connection.conversation().id(), rate.stars(), rate.comment());
            send(connection, ServerFrame.rated(connection.lastSeq(), rate.stars()));
        } else if (frame instanceof ClientFrame.Vote vote) {
            votes.vote(connection.conversation().id(), vote.seq(), vote.helpful());
        }
    }

    private void hello(Connection connection, ClientFrame.Hello hello) {
        if (connection.started()) throw new ConversationException("already_started", CustomerTexts.ALREADY_STARTED);
        boolean vip = VisitorProfile.vip(hello.profile(), profileKey, json, Clock.systemUTC());
        ConversationService.Session session = conversations.start(CHANNEL, hello.token(), hello.conversation(), vip);
        connection.start(session.conversation());
        send(connection, ServerFrame.welcome(session, settings.greeting(), settings.quickReplies(), limits));
        if (session.resumed()) {
            for (StoredMessage missed : conversations.replay(session.conversation().id(), hello.lastSeq())) {
                send(connection, ServerFrame.message(missed));
            }
        }
        sockets.register(connection);
        conversations.connected(session.conversation().id(), session.visitorId(),
                VisitorProfile.customer(hello.profile(), profileKey, json, Clock.systemUTC()).orElse(null));
    }

    /** Acknowledged once stored; the bot's typing indicator while it answers; its replies come through the sockets. */
    private void message(Connection connection, ClientFrame.Message message) {
        var inbound = new InboundMessage(connection.conversation().id(), message.text(), message.id(),
                message.suggestion());
        var acknowledged = new boolean[1];
        Outcome outcome;
        try {
            outcome = conversations.receive(inbound, (stored, duplicate, answering) -> {
                acknowledged[0] = true;
                send(connection, ServerFrame.ack(stored, duplicate));
                if (answering) send(connection, ServerFrame.botTyping(connection.lastSeq(), true));
            });
        } catch (RuntimeException e) {
            if (!acknowledged[0] || !StoreOutage.is(e)) throw e;
            // stored and acknowledged, then the reply could not be stored: not "not sent", which would be untrue
            log.warn("no reply to a stored message, the database is out of reach: {}", StoreOutage.summary(e));
            send(connection, ServerFrame.botTyping(connection.lastSeq(), false));
            throw new ConversationException("unavailable", CustomerTexts.REPLY_UNAVAILABLE);
        }
        if (!outcome.duplicate()) meters.received(CHANNEL);
        if (outcome.answered() && outcome.replies().isEmpty()) {
            send(connection, ServerFrame.botTyping(connection.lastSeq(), false));
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        Connection connection = (Connection) session.getAttributes().get(CONNECTION);
        if (connection != null) sockets.unregister(connection);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        Connection connection = (Connection) session.getAttributes().get(CONNECTION);
        send(connection, ServerFrame.error(connection.lastSeq(),
                new ConversationException("unsupported", CustomerTexts.BINARY)));
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable error) {
        log.debug("chat socket {} failed: {}", session.getId(), error.toString());
    }

    private void send(Connection connection, ServerFrame frame) {
        sockets.send(connection, frame);
    }
}
