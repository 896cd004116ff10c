package io.kefu.server.chat;

import io.kefu.server.system.KefuProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import java.util.List;

/**
 * {@code /ws/chat}: the customer's socket. The boundary of the chat protocol: every frame is read, checked against
 * the limits and handled here, and anything wrong with it becomes an {@code error} frame on this connection only.
 */
@Component
class ChatSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(ChatSocketHandler.class);
    private static final String CONNECTION = Connection.class.getName();
    /** How long one send may block before the connection is given up as too slow. */
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 512 * 1024;

    private final ChatService chat;
    private final FrameReader reader;
    private final JsonMapper json;
    private final CustomerSockets sockets;
    private final HandoffEvents handoff;
    private final KefuProperties.Chat settings;
    private final String profileKey;
    private final ServerFrame.Limits limits;

    ChatSocketHandler(ChatService chat, FrameReader reader, JsonMapper json, CustomerSockets sockets,
                      HandoffEvents handoff, KefuProperties properties) {
        this.chat = chat;
        this.reader = reader;
        this.json = json;
        this.sockets = sockets;
        this.handoff = handoff;
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

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage text) throws IOException {
        // IOException: only from closing an abusive connection
        Connection connection = (Connection) session.getAttributes().get(CONNECTION);
        try {
            boolean allowed = connection.limit().tryAcquire(System.nanoTime());
            if (!allowed && connection.limit().abusive()) {
                session.close(CloseStatus.POLICY_VIOLATION.withReason("too many frames"));
                return;
            }
            ClientFrame frame = reader.read(text.getPayload());
            if (!allowed) {
                throw new ChatException("rate_limited", "发送太频繁了，请稍后再试。",
                        frame instanceof ClientFrame.Message message ? message.id() : null);
            }
            handle(connection, frame);
        } catch (ChatException e) {
            send(connection, ServerFrame.error(connection.lastSeq(), e));
        } catch (RuntimeException e) {
            log.error("chat frame failed (conversation {})",
                    connection.started() ? connection.conversation().id() : "none", e);
            send(connection, ServerFrame.error(connection.lastSeq(),
                    new ChatException("internal", "系统繁忙，请稍后再试。")));
        }
    }

    private void handle(Connection connection, ClientFrame frame) {
        if (frame instanceof ClientFrame.Hello hello) {
            hello(connection, hello);
        } else if (frame instanceof ClientFrame.Message message) {
            message(connection, message);
        } else if (frame instanceof ClientFrame.Typing typing) {
            handoff.customerTyping(connection.conversation().id(), typing.on());
        } else if (frame instanceof ClientFrame.Ping) {
            send(connection, ServerFrame.pong(connection.lastSeq()));
        } else if (frame instanceof ClientFrame.Close) {
            Conversation conversation = connection.conversation();
            ChatMessage closed = chat.close(conversation);
            send(connection, ServerFrame.message(closed));
            handoff.closedByCustomer(conversation.id(), closed);
        } else if (frame instanceof ClientFrame.Rate rate) {
            chat.rate(connection.conversation(), rate.stars(), rate.comment());
            send(connection, ServerFrame.rated(connection.lastSeq(), rate.stars()));
        }
    }

    private void hello(Connection connection, ClientFrame.Hello hello) {
        if (connection.started()) throw new ChatException("already_started", "会话已建立，无需重复发送 hello。");
        boolean vip = VisitorProfile.vip(hello.profile(), profileKey, json, Clock.systemUTC());
        ChatService.Session session = chat.start(hello.token(), hello.conversation(), vip);
        connection.start(session.conversation());
        send(connection, ServerFrame.welcome(session, settings.greeting(), settings.quickReplies(), limits));
        if (session.resumed()) {
            for (ChatMessage missed : chat.replay(session.conversation(), hello.lastSeq())) {
                send(connection, ServerFrame.message(missed));
            }
        }
        sockets.register(connection);
        handoff.connected(session.conversation().id());
    }

    private void message(Connection connection, ClientFrame.Message message) {
        Conversation conversation = connection.conversation();
        ChatService.Received received = chat.receive(conversation, message.id(), message.text());
        send(connection, ServerFrame.ack(received.message(), received.duplicate()));
        if (!received.duplicate()) handoff.added(conversation.id(), received.agent(), List.of(received.message()));
        if (!received.needsReply()) return;
        send(connection, ServerFrame.botTyping(connection.lastSeq(), true));
        ChatService.Replied replied = chat.reply(conversation, received, message.suggestion());
        for (ChatMessage reply : replied.messages()) sockets.deliver(conversation.id(), reply);
        if (replied.messages().isEmpty()) send(connection, ServerFrame.botTyping(connection.lastSeq(), false));
        handoff.added(conversation.id(), null, replied.messages());
        if (replied.escalation() != null) handoff.escalate(conversation.id(), replied.escalation());
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
                new ChatException("unsupported", "不支持二进制消息，请发送 JSON 文本。")));
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable error) {
        log.debug("chat socket {} failed: {}", session.getId(), error.toString());
    }

    private void send(Connection connection, ServerFrame frame) {
        sockets.send(connection, frame);
    }
}
