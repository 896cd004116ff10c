package io.kefu.server.agent;

import io.kefu.server.conversation.StoredMessage;
import io.kefu.server.queue.HandoffException;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffAccount;
import io.kefu.server.staff.StaffService;
import io.kefu.server.system.StoreOutage;
import io.kefu.server.system.FrameParts;
import io.kefu.server.system.KefuProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.BinaryMessage;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.ConcurrentWebSocketSessionDecorator;
import org.springframework.web.socket.handler.TextWebSocketHandler;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /ws/agent}: the agent console's socket. The handshake needs a signed-in session with the AGENT role (the
 * security filter checks it); here every frame is checked again against the account's roles and, for a
 * conversation, against whom it is assigned to. Frames are read into {@link AgentCommand}s and carried out by
 * {@link Presence}, {@link AssignmentCommands} and {@link ConversationCommands}.
 */
@Component
class AgentSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(AgentSocketHandler.class);
    private static final String CONSOLE = AgentConsole.class.getName();
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 2 * 1024 * 1024;

    private final AgentCommandReader reader;
    private final Presence presence;
    private final AssignmentCommands assignments;
    private final ConversationCommands work;
    private final AgentConsoles consoles;
    private final StaffService staff;
    private final RoleHierarchy roles;
    /** A console's frame beyond this closes its connection (1009); texts in it have their own limits. */
    private final int maxFrameChars;

    AgentSocketHandler(AgentCommandReader reader, Presence presence, AssignmentCommands assignments,
                       ConversationCommands work, AgentConsoles consoles, StaffService staff, RoleHierarchy roles,
                       KefuProperties properties) {
        this.reader = reader;
        this.presence = presence;
        this.assignments = assignments;
        this.work = work;
        this.consoles = consoles;
        this.staff = staff;
        this.roles = roles;
        this.maxFrameChars = properties.chat().maxFrameChars() * 2;
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws IOException {
        Set<String> granted = session.getPrincipal() instanceof Authentication auth && auth.isAuthenticated()
                ? roles.getReachableGrantedAuthorities(auth.getAuthorities()).stream()
                .map(GrantedAuthority::getAuthority).collect(Collectors.toSet())
                : Set.of();
        StaffAccount account = session.getPrincipal() == null ? null
                : staff.find(session.getPrincipal().getName()).filter(StaffAccount::enabled).orElse(null);
        if (account == null || !granted.contains(Role.AGENT.authority())) {
            session.close(CloseStatus.POLICY_VIOLATION.withReason("sign in as an agent"));
            return;
        }
        var safe = new ConcurrentWebSocketSessionDecorator(session, SEND_TIME_LIMIT_MS, SEND_BUFFER_LIMIT);
        var console = new AgentConsole(safe, account.username(), account.displayName(),
                granted.contains(Role.SUPERVISOR.authority()), granted.contains(Role.ADMIN.authority()));
        session.getAttributes().put(CONSOLE, console);
        presence.opened(console);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        AgentConsole console = (AgentConsole) session.getAttributes().get(CONSOLE);
        if (console != null) presence.closed(console);
    }

    /** Frames may come in parts: the container's per-socket text buffer is small ({@link FrameParts}). */
    @Override
    public boolean supportsPartialMessages() {
        return true;
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage part) throws IOException {
        AgentConsole console = (AgentConsole) session.getAttributes().get(CONSOLE);
        if (console == null) return;
        String text = FrameParts.whole(session, part, maxFrameChars);
        if (text == null) return;
        AgentCommand command = reader.read(text);
        try {
            Object answer = handle(console, command);
            if (answer != null) consoles.send(console, answer);
        } catch (HandoffException e) {
            consoles.send(console, new AgentFrames.Error("error", e.code(), e.getMessage(), command.ref()));
        } catch (RuntimeException e) {
            if (StoreOutage.is(e)) {
                log.warn("agent frame from {} not handled, the database is out of reach: {}", console.username(),
                        StoreOutage.summary(e));
                consoles.send(console, new AgentFrames.Error("error", "unavailable", "系统暂时无法保存，请稍后重试。",
                        command.ref()));
                return;
            }
            log.error("agent frame from {} failed", console.username(), e);
            consoles.send(console, new AgentFrames.Error("error", "internal", "系统繁忙，请稍后再试。", command.ref()));
        }
    }

    /** Carries out a command; returns the frame that answers it, or null for none. */
    private Object handle(AgentConsole console, AgentCommand command) {
        String ref = command.ref();
        if (command instanceof AgentCommand.Unreadable unreadable) {
            throw unreadable.problem();
        } else if (command instanceof AgentCommand.Ping) {
            return new AgentFrames.Done("pong", ref, null);
        } else if (command instanceof AgentCommand.Open open) {
            return work.open(console, open.conversation(), ref);
        } else if (command instanceof AgentCommand.Suggest suggest) {
            return work.suggest(console, suggest.conversation(), suggest.text());
        } else if (command instanceof AgentCommand.Reply reply) {
            StoredMessage said = work.reply(console, reply.conversation(), reply.id(), reply.text());
            log.debug("agent {} said #{} in {}", console.username(), said.seq(), reply.conversation());
            return new AgentFrames.Done("sent", ref, reply.conversation());
        }
        String conversation = act(console, command);
        return ref == null ? null : new AgentFrames.Done("done", ref, conversation);
    }

    /** Carries out a command answered with {@code done}; returns the conversation it was about, if any. */
    private String act(AgentConsole console, AgentCommand command) {
        if (command instanceof AgentCommand.SetStatus status) {
            presence.status(console, status.status());
            return null;
        } else if (command instanceof AgentCommand.Typing typing) {
            work.typing(console, typing.conversation(), typing.on());
            return typing.conversation();
        } else if (command instanceof AgentCommand.Note note) {
            work.note(console, note.conversation(), note.text());
            return note.conversation();
        } else if (command instanceof AgentCommand.Pick pick) {
            assignments.pick(console, pick.conversation());
            return pick.conversation();
        } else if (command instanceof AgentCommand.TransferToGroup transfer) {
            assignments.transferToGroup(console, transfer.conversation(), transfer.group());
            return transfer.conversation();
        } else if (command instanceof AgentCommand.TransferToAgent transfer) {
            assignments.transferToAgent(console, transfer.conversation(), transfer.agent());
            return transfer.conversation();
        } else if (command instanceof AgentCommand.HandBack handBack) {
            assignments.handBack(console, handBack.conversation());
            return handBack.conversation();
        } else if (command instanceof AgentCommand.Close close) {
            assignments.close(console, close.conversation(), close.tag());
            return close.conversation();
        } else if (command instanceof AgentCommand.Takeover takeover) {
            assignments.takeover(console, takeover.conversation());
            return takeover.conversation();
        } else if (command instanceof AgentCommand.Reassign reassign) {
            assignments.reassign(console, reassign.conversation(), reassign.agent());
            return reassign.conversation();
        }
        throw new IllegalStateException("unhandled agent command " + command);
    }

    @Override
    protected void handleBinaryMessage(WebSocketSession session, BinaryMessage message) {
        AgentConsole console = (AgentConsole) session.getAttributes().get(CONSOLE);
        if (console != null) {
            consoles.send(console, new AgentFrames.Error("error", "unsupported", "不支持二进制消息。", null));
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable error) {
        log.debug("agent socket {} failed: {}", session.getId(), error.toString());
    }
}
