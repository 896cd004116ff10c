package io.kefu.server.wechat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replies that miss the passive-reply budget (here none is left for any: {@code passive-budget=0s}): the request is
 * answered {@code success} at once, and the reply goes through the simulator's customer-service message API, with
 * the access token every node shares.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "kefu.wechat.mp.passive-budget=0s")
class MpSlowRepliesIT {

    static final FakeWechatApi API = MpTestAccount.api();
    static final Duration WAIT = Duration.ofSeconds(20);

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

    @Test
    void aReplyPastTheBudgetComesThroughTheMessageApiAfterSuccess() throws InterruptedException {
        String follower = MpTestAccount.follower();
        WechatSimulator.Answer answer = MpTestAccount.simulator(port).text(follower, "话费余额怎么查");
        assertTrue(answer.success(), answer.body());
        FakeWechatApi.Sent sent = API.awaitSent(follower, text -> text.contains("10099"), WAIT);
        assertTrue(sent.accessToken().startsWith("TOKEN-"), sent.toString());
        assertEquals(1, API.sentTo(follower).size(), "sent once: " + API.sentTo(follower));
    }

    @Test
    void aRefusedTokenIsRefreshedOnceAndTheMessageStillArrives() throws InterruptedException {
        String warmUp = MpTestAccount.follower();
        MpTestAccount.simulator(port).text(warmUp, "话费余额怎么查");
        API.awaitSent(warmUp, text -> text.contains("10099"), WAIT);
        int fetches = API.tokenFetches();
        int rejected = API.rejectedSends();
        String stored = jdbc.sql("select token from wechat_access_tokens").query(String.class).single();

        API.revokeTokens(); // as when another system fetched a token for the app: WeChat answers 40001
        String follower = MpTestAccount.follower();
        assertTrue(MpTestAccount.simulator(port).text(follower, "话费余额怎么查").success());
        FakeWechatApi.Sent sent = API.awaitSent(follower, text -> text.contains("10099"), WAIT);

        assertEquals(rejected + 1, API.rejectedSends(), "one send refused with 40001");
        assertEquals(fetches + 1, API.tokenFetches(), "and one new token fetched");
        String renewed = jdbc.sql("select token from wechat_access_tokens").query(String.class).single();
        assertEquals(sent.accessToken(), renewed, "the new token is the one every node now shares");
        assertTrue(!renewed.equals(stored));
        assertEquals(List.of(sent), API.sentTo(follower));
    }
}
