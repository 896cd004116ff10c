package io.kefu.server.agent;

import io.kefu.server.wechat.FakeWechatApi;
import io.kefu.server.wechat.MpTestAccount;
import io.kefu.server.wechat.WechatSimulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;

import static io.kefu.server.agent.AgentClient.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A WeChat follower handed to an agent, through the WeChat simulator: the conversation is in the agent's console as
 * a WeChat one, the agent's replies and the closing rating prompt reach the follower through the simulator's message
 * API, and WeChat's refusal (45015, the 48-hour window) is shown to the agent plainly.
 */
@HandoffServer
class WechatHandoffIT {

    static final FakeWechatApi API = MpTestAccount.api();
    static final Duration WAIT = Duration.ofSeconds(10);

    @DynamicPropertySource
    static void account(DynamicPropertyRegistry registry) {
        MpTestAccount.register(registry, API);
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

    private String follower;

    @AfterEach
    void closeTheConversation() {
        if (follower != null) {
            jdbc.sql("update conversations set status = 'closed', handoff = 'bot' where id in"
                    + " (select conversation_id from wechat_conversations where open_id = ?)").param(follower).update();
        }
    }

    @Test
    void anAgentServesAWechatFollowerThroughTheMessageApi() throws InterruptedException {
        AgentClient agent = fixture.agentOnline("小微", 5);
        follower = MpTestAccount.follower();
        WechatSimulator wechat = MpTestAccount.simulator(port);

        WechatSimulator.Answer handoff = wechat.text(follower, "转人工");
        assertNotNull(handoff.reply(), handoff.body());
        assertTrue(handoff.reply().contains("人工"), handoff.reply());
        if (!handoff.reply().contains("小微")) { // the agent joined after the reply went: the notice follows by the API
            API.awaitSent(follower, text -> text.contains("小微"), WAIT);
        }
        String conversation = jdbc.sql("select conversation_id from wechat_followers where open_id = ?")
                .param(follower).query(String.class).single();
        agent.until("assigned", conversation);
        JsonNode mine = agent.until(f -> "mine".equals(f.path("type").asString())
                && f.path("items").toString().contains(conversation), "the agent's list with the conversation");
        for (JsonNode item : mine.get("items")) {
            if (item.path("conversation").asString().equals(conversation)) {
                assertEquals("wechat", item.path("channel").asString(), "shown as 微信 by the console");
            }
        }

        agent.send(frame("reply", conversation).put("id", "r1").put("ref", "r1").put("text", "您好，我是小微，请问有什么可以帮您？"));
        API.awaitSent(follower, text -> text.contains("我是小微"), WAIT);

        assertTrue(wechat.text(follower, "宽带一直断线").success(), "the bot keeps quiet while an agent serves");

        API.failNextSends(45015);
        agent.send(frame("reply", conversation).put("id", "r2").put("ref", "r2").put("text", "请问还在吗？"));
        JsonNode refused = agent.error();
        assertEquals("wechat_refused", refused.path("code").asString(), refused.toString());
        assertTrue(refused.path("message").asString().contains("客户超过48小时未互动，无法发送"), refused.toString());
        assertTrue(API.sentTo(follower).stream().noneMatch(s -> s.text().contains("还在吗")));

        agent.send(frame("close", conversation).put("ref", "c1"));
        API.awaitSent(follower, text -> text.contains("请回复 1-5"), WAIT);
        assertTrue(wechat.text(follower, "4").reply().contains("感谢您的评价"));
        assertEquals(4, jdbc.sql("select stars from ratings where conversation_id = ?").param(conversation)
                .query(Integer.class).single());
    }
}
