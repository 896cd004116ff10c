package io.kefu.server.handoff;

import io.kefu.server.chat.ChatMessage;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffAccount;
import io.kefu.server.staff.StaffService;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code /ws/agent}: the agent console's socket. The handshake needs a signed-in session with the AGENT role (the
 * security filter checks it); here every frame is checked again against the account's roles and, for a
 * conversation, against whom it is assigned to (in {@link HandoffService}).
 */
@Component
class AgentSocketHandler extends TextWebSocketHandler {

    private static final Logger log = LoggerFactory.getLogger(AgentSocketHandler.class);
    private static final String CONSOLE = AgentConsole.class.getName();
    private static final int SEND_TIME_LIMIT_MS = 10_000;
    private static final int SEND_BUFFER_LIMIT = 2 * 1024 * 1024;

    private final HandoffService handoff;
    private final AgentConsoles consoles;
    private final StaffService staff;
    private final RoleHierarchy roles;
    private final JsonMapper json;

    AgentSocketHandler(HandoffService handoff, AgentConsoles consoles, StaffService staff, RoleHierarchy roles,
                       JsonMapper json) {
        this.handoff = handoff;
        this.consoles = consoles;
        this.staff = staff;
        this.roles = roles;
        this.json = json;
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
        consoles.add(console);
        handoff.consoleOpened(console);
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        AgentConsole console = (AgentConsole) session.getAttributes().get(CONSOLE);
        if (console == null) return;
        consoles.remove(console);
        handoff.consoleClosed(console);
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        AgentConsole console = (AgentConsole) session.getAttributes().get(CONSOLE);
        if (console == null) return;
        String ref = null;
        try {
            // no size check here: the container closes a connection whose frame exceeds its buffer (1009), which
            // is sized from kefu.chat.max-frame-chars for both sockets; texts have their own limits below
            JsonNode frame = read(message.getPayload());
            ref = frame.path("ref").isString() ? frame.path("ref").asString() : null;
            handle(console, frame, ref);
        } catch (HandoffException e) {
            consoles.send(console, new AgentFrames.Error("error", e.code(), e.getMessage(), ref));
        } catch (RuntimeException e) {
            log.error("agent frame from {} failed", console.username(), e);
            consoles.send(console, new AgentFrames.Error("error", "internal", "系统繁忙，请稍后再试。", ref));
        }
    }

    private void handle(AgentConsole console, JsonNode frame, String ref) {
        String type = field(frame, "type");
        String conversation = field(frame, "conversation");
        switch (type == null ? "" : type) {
            case "ping" -> consoles.send(console, new AgentFrames.Done("pong", ref, null));
            case "status" -> handoff.status(console, field(frame, "status"));
            case "pick" -> handoff.pick(console, conversation);
            case "open" -> consoles.send(console, handoff.open(console, conversation, ref));
            case "reply" -> {
                ChatMessage said = handoff.reply(console, conversation, field(frame, "text"));
                consoles.send(console, new AgentFrames.Done("sent", ref, conversation));
                log.debug("agent {} said #{} in {}", console.username(), said.seq(), conversation);
            }
            case "typing" -> handoff.typing(console, conversation, frame.path("on").asBoolean(true));
            case "note" -> handoff.note(console, conversation, field(frame, "text"));
            case "suggest" -> consoles.send(console, handoff.suggest(console, conversation, field(frame, "text")));
            case "transfer" -> {
                String group = field(frame, "group");
                if (group != null) handoff.transferToGroup(console, conversation, group);
                else handoff.transferToAgent(console, conversation, field(frame, "agent"));
            }
            case "handback" -> handoff.handBack(console, conversation);
            case "close" -> handoff.close(console, conversation, field(frame, "tag"));
            case "takeover" -> handoff.takeover(console, conversation);
            case "reassign" -> handoff.reassign(console, conversation, field(frame, "agent"));
            default -> throw new HandoffException("unknown_type", "不支持的消息类型。");
        }
        if (!"ping".equals(type) && !"open".equals(type) && !"suggest".equals(type) && !"reply".equals(type)
                && ref != null) {
            consoles.send(console, new AgentFrames.Done("done", ref, conversation));
        }
    }

    private JsonNode read(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            if (node == null || !node.isObject()) throw new HandoffException("bad_json", "消息格式不正确，请发送 JSON 对象。");
            return node;
        } catch (JacksonException e) {
            throw new HandoffException("bad_json", "消息格式不正确，请发送 JSON 对象。");
        }
    }

    private static String field(JsonNode frame, String name) {
        JsonNode value = frame.get(name);
        if (value == null || value.isNull()) return null;
        if (!value.isString()) throw new HandoffException("bad_frame", "消息格式不正确：字段 " + name + " 须为字符串。");
        return value.asString();
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
