package io.kefu.server.agent;

import io.kefu.server.agent.HandoffFixture.Customer;
import io.kefu.server.chat.ChatClient;
import io.kefu.server.staff.ApiTokens;
import io.kefu.server.staff.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import static io.kefu.server.agent.AgentClient.frame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The content team's unanswered list fed by real conversations: a question the bot could not answer, an answer the
 * customer voted 没帮助 (one vote per answer), and an agent's reply after a bot miss, proposed as a new entry.
 */
@HandoffServer
class UnansweredListIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    ApiTokens tokens;

    @RegisterExtension
    final HandoffFixture fixture = new HandoffFixture();

    private JsonNode unanswered(String editor) throws Exception {
        String token = tokens.create(editor, "test", "test", null).token();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/content/unanswered"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }

    @Test
    void aMissAndANotHelpfulVoteAppearInTheListAndATakeoverAfterAMissIsProposed() throws Exception {
        String editor = fixture.newAgent("编辑", 1, Set.of(Role.EDITOR), Set.of());
        AgentClient agent = fixture.agentOnline("小林", 5);

        Customer voter = fixture.customer();
        voter.say("v1", "怎么查询话费余额");
        JsonNode answer = voter.message("bot", "answer");
        voter.socket().send(ChatClient.frame("vote").put("seq", answer.get("seq").asLong()).put("helpful", false));
        voter.socket().send(ChatClient.frame("vote").put("seq", answer.get("seq").asLong()).put("helpful", true));
        JsonNode second = voter.until(f -> f.get("type").asString().equals("error"));
        assertEquals("already_voted", second.get("code").asString(), "one vote per answer");

        Customer customer = fixture.customer();
        customer.say("m1", "你们的火星漫游套餐怎么收费");
        customer.message("bot", null);
        customer.say("m2", "转人工");
        customer.message("system", "agent_joined");
        agent.until("assigned", customer.conversation());
        agent.send(frame("reply", customer.conversation()).put("id", "r1").put("text", "火星漫游暂未开通，敬请期待。"));
        customer.message("agent", null);

        JsonNode list = unanswered(editor);
        String clusters = list.get("clusters").toString();
        assertTrue(clusters.contains("你们的火星漫游套餐怎么收费"), clusters);
        assertTrue(clusters.contains("\"not_helpful\":1"), clusters);
        assertTrue(clusters.contains("怎么查询话费余额"), clusters);
        JsonNode proposals = list.get("proposals");
        assertTrue(proposals.size() >= 1, list.toString());
        JsonNode proposal = proposals.get(0);
        assertEquals("你们的火星漫游套餐怎么收费", proposal.get("question").asString());
        assertEquals("火星漫游暂未开通，敬请期待。", proposal.get("answer").asString());
        assertEquals(customer.conversation(), proposal.get("conversation").asString());
        assertTrue(new String(proposal.get("key").asString().getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)
                .startsWith("proposal:"));
    }
}
