package io.kefu.server.agent;

import io.kefu.server.wechat.FakeWecomApi;
import io.kefu.server.wechat.WecomSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.function.Supplier;

import static io.kefu.server.agent.AgentClient.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WeCom customer-service user handed to an agent and back, through the simulator: the agent's reply goes out with
 * {@code send_msg}, the session state follows (WeCom member while the agent serves, the assistant when handed back,
 * ended when closed), and the rating prompt arrives before the session ends.
 */
@HandoffServer
class WecomHandoffIT {

    static final String CORP = "ww-handoff";
    static final String SECRET = "kf-handoff-secret";
    static final String TOKEN = "kfHandoff";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String ACCOUNT = "wk-handoff";
    static final Duration WAIT = Duration.ofSeconds(10);
    static final FakeWecomApi API = new FakeWecomApi(CORP, SECRET);

    @DynamicPropertySource
    static void account(DynamicPropertyRegistry registry) {
        registry.add("kefu.wechat.kf.corp-id", () -> CORP);
        registry.add("kefu.wechat.kf.secret", () -> SECRET);
        registry.add("kefu.wechat.kf.token", () -> TOKEN);
        registry.add("kefu.wechat.kf.aes-key", () -> AES_KEY);
        registry.add("kefu.wechat.kf.api-url", API::url);
        registry.add("kefu.wechat.kf.servicer", () -> "zhangsan");
    }

    @AfterAll
    static void stopApi() {
        API.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final HandoffFixture fixture = new HandoffFixture();

    private final String user = "wm-handoff-" + System.nanoTime();

    @AfterEach
    void closeTheConversation() {
        jdbc.sql("update conversations set status = 'closed', handoff = 'bot' where id in"
                + " (select conversation_id from wechat_conversations where open_id = ?)").param(user).update();
    }

    @Test
    void anAgentServesAWecomUserAndTheSessionStateFollows() throws InterruptedException {
        AgentClient agent = fixture.agentOnline("小企", 5);
        var wecom = new WecomSimulator("http://127.0.0.1:" + port + "/wechat/kf", TOKEN, AES_KEY, CORP);

        API.userWrites(ACCOUNT, user, "转人工");
        wecom.newMessages(ACCOUNT);
        API.awaitSent(user, text -> text.contains("小企"), WAIT);
        String conversation = jdbc.sql("select conversation_id from wechat_followers where channel = 'kf' and open_id = ?")
                .param(user).query(String.class).single();
        agent.until("assigned", conversation);
        awaitState(() -> API.states().contains(new FakeWecomApi.StateChange(ACCOUNT, user, 3)), "to the WeCom member");

        agent.send(frame("reply", conversation).put("id", "k1").put("ref", "k1").put("text", "您好，我是小企"));
        FakeWecomApi.Sent reply = API.awaitSent(user, text -> text.contains("我是小企"), WAIT);
        assertEquals(ACCOUNT, reply.account());

        agent.send(frame("handback", conversation).put("ref", "h1"));
        awaitState(() -> API.states().contains(new FakeWecomApi.StateChange(ACCOUNT, user, 1)), "back to the assistant");

        API.userWrites(ACCOUNT, user, "话费余额怎么查");
        wecom.newMessages(ACCOUNT);
        API.awaitSent(user, text -> text.contains("10099"), WAIT);
        assertTrue(API.states().stream().noneMatch(s -> s.user().equals(user) && s.state() == 4));
    }

    private static void awaitState(Supplier<Boolean> reached, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!reached.get()) {
            if (System.nanoTime() > end) throw new AssertionError("the session was not moved " + what + ": " + API.states());
            Thread.sleep(20);
        }
    }
}
