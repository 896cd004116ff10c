package io.kefu.server.agent;

import io.kefu.server.chat.ChatClient;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static io.kefu.server.chat.ChatClient.frame;

/**
 * The scaffolding of the hand-off tests against the server a {@code @SpringBootTest} class runs on a random port (a
 * JUnit extension: {@code @RegisterExtension final HandoffFixture fixture = new HandoffFixture();}): agents created and
 * signed in through the real form, customers connected with a conversation, and everything closed again after each
 * test ({@link #close}), so that the queue starts empty for the next.
 */
final class HandoffFixture implements BeforeEachCallback, AfterEachCallback {

    static final String PASSWORD = "agent-pass-1";
    private static final AtomicInteger NAMES = new AtomicInteger();

    private final List<Customer> customers = new ArrayList<>();
    private final List<AgentClient> agents = new ArrayList<>();
    private int port;
    private StaffService staff;
    private JdbcClient jdbc;

    /** Finds the test's server: its port, its accounts and its database. */
    @Override
    public void beforeEach(ExtensionContext test) {
        ApplicationContext server = SpringExtension.getApplicationContext(test);
        this.port = Integer.parseInt(server.getEnvironment().getRequiredProperty("local.server.port"));
        this.staff = server.getBean(StaffService.class);
        this.jdbc = server.getBean(JdbcClient.class);
    }

    @Override
    public void afterEach(ExtensionContext test) {
        close();
    }

    /** The server's port. */
    int port() {
        return port;
    }

    /** The server's database, to check what it stored. */
    JdbcClient jdbc() {
        return jdbc;
    }

    /**
     * A customer's socket and conversation id. Frames other than messages that an {@link #until} passed over are
     * kept, in order, for the next look: the queue's sweep may announce a position before the message a test waits
     * for first, and a test that then waits for the position must still find it. Messages are numbered and come in
     * order, so one passed over is never wanted later.
     */
    record Customer(ChatClient socket, String conversation, List<JsonNode> passedOver) {

        Customer(ChatClient socket, String conversation) {
            this(socket, conversation, new ArrayList<>());
        }

        /** The first frame, kept or new, that matches; the others stay kept. */
        JsonNode until(Predicate<JsonNode> wanted) {
            for (Iterator<JsonNode> kept = passedOver.iterator(); kept.hasNext(); ) {
                JsonNode frame = kept.next();
                if (wanted.test(frame)) {
                    kept.remove();
                    return frame;
                }
            }
            while (true) {
                JsonNode frame = socket.next();
                if (wanted.test(frame)) return frame;
                if (!frame.get("type").asString().equals("message")) passedOver.add(frame);
            }
        }

        JsonNode message(String from, String kind) {
            return until(f -> f.get("type").asString().equals("message") && f.get("from").asString().equals(from)
                    && (kind == null || f.get("kind").asString().equals(kind)));
        }

        void say(String id, String text) {
            socket.send(ChatClient.message(id, text));
        }
    }

    /** A new agent account with a fresh user name; returns the user name. */
    String newAgent(String displayName, int capacity, Set<Role> roles, Set<String> skills) {
        String username = "agent" + NAMES.incrementAndGet();
        staff.create(new StaffService.NewStaff(username, displayName, PASSWORD, roles, capacity, skills), "test");
        return username;
    }

    /** A new agent, signed in with the console open (and so online). */
    AgentClient agentOnline(String displayName, int capacity) {
        return signIn(newAgent(displayName, capacity, Set.of(Role.AGENT), Set.of()));
    }

    /** Opens a console for an existing account, once it has said who is signed in. */
    AgentClient signIn(String username) {
        return opened(AgentClient.connect(port, username, PASSWORD));
    }

    /** A console opened some other way, closed with the others. */
    AgentClient opened(AgentClient agent) {
        agents.add(agent);
        agent.until("me");
        return agent;
    }

    Customer customer() {
        return customer(null);
    }

    /** A customer who said hello, with a signed visitor profile or {@code null}. */
    Customer customer(String profile) {
        ChatClient socket = ChatClient.connect(port);
        var hello = frame("hello").put("v", 1);
        if (profile != null) hello.put("profile", profile);
        socket.send(hello);
        var customer = new Customer(socket, socket.next("welcome").get("conversation").asString());
        customers.add(customer);
        return customer;
    }

    /** Closes every console and customer socket, and every conversation of the test. */
    void close() {
        for (AgentClient agent : agents) agent.close();
        for (Customer customer : customers) {
            jdbc.sql("update conversations set status = 'closed', handoff = 'bot' where id = ?")
                    .param(customer.conversation()).update();
            customer.socket().close();
        }
        agents.clear();
        customers.clear();
    }
}
