package io.kefu.server.wechat;

import io.kefu.server.KefuServerApplication;
import io.kefu.server.PostgresTestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two server nodes sharing one PostgreSQL database behind the same Official Account: WeChat's retries of a message
 * reach both, and it is processed and answered once; the nodes need an access token at the same moment, and one
 * fetches it while the other waits for it. Every reply goes through the message API here ({@code passive-budget=0s}),
 * so that each node's sending is seen.
 */
class MpTwoNodesIT {

    @RegisterExtension
    static final PostgresTestDatabase DATABASE = new PostgresTestDatabase("kefu_wechat_nodes");

    static final FakeWechatApi API = MpTestAccount.api();
    static final Duration WAIT = Duration.ofSeconds(20);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoNodes() {
        first = node();
        second = node();
    }

    private static ConfigurableApplicationContext node() {
        return new SpringApplicationBuilder(KefuServerApplication.class).run(DATABASE.serverArguments(
                "--server.port=0",
                "--kefu.wechat.mp.app-id=" + MpTestAccount.APP_ID,
                "--kefu.wechat.mp.secret=" + MpTestAccount.SECRET,
                "--kefu.wechat.mp.token=" + MpTestAccount.TOKEN,
                "--kefu.wechat.mp.aes-key=" + MpTestAccount.AES_KEY,
                "--kefu.wechat.mp.api-host=" + API.url(),
                "--kefu.wechat.mp.passive-budget=0s"));
    }

    @AfterAll
    static void stopNodes() {
        if (second != null) second.close();
        if (first != null) first.close();
        API.close();
    }

    private static WechatSimulator wechat(ConfigurableApplicationContext node) {
        return MpTestAccount.simulator(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")));
    }

    @Test
    void bothNodesNeedingATokenAtOnceFetchItOnce() throws Exception {
        API.tokenDelay(Duration.ofMillis(500)); // long enough for the nodes' fetches to overlap, if they could
        String one = MpTestAccount.follower();
        String other = MpTestAccount.follower();
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            var a = CompletableFuture.supplyAsync(() -> wechat(first).text(one, "话费余额怎么查"), threads);
            var b = CompletableFuture.supplyAsync(() -> wechat(second).text(other, "话费余额怎么查"), threads);
            assertTrue(a.get().success() && b.get().success());
        } finally {
            threads.shutdown();
        }
        FakeWechatApi.Sent toOne = API.awaitSent(one, text -> text.contains("10099"), WAIT);
        FakeWechatApi.Sent toOther = API.awaitSent(other, text -> text.contains("10099"), WAIT);
        assertEquals(1, API.mostFetchesAtOnce(), "never two fetches at the same moment");
        assertEquals(1, API.tokenFetches(), "one token for both nodes");
        assertEquals(toOne.accessToken(), toOther.accessToken());
    }

    @Test
    void aMessageRetriedToBothNodesIsProcessedAndAnsweredOnce() throws Exception {
        String follower = MpTestAccount.follower();
        long msgId = WechatSimulator.nextMessageId();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            var answers = new ArrayList<CompletableFuture<WechatSimulator.Answer>>();
            for (ConfigurableApplicationContext node : List.of(first, second, first, second)) {
                answers.add(CompletableFuture.supplyAsync(() -> wechat(node).text(follower, "话费余额怎么查", msgId), threads));
            }
            for (var answer : answers) assertTrue(answer.get().success(), answer.get().body());
        } finally {
            threads.shutdown();
        }
        API.awaitSent(follower, text -> text.contains("10099"), WAIT);
        Thread.sleep(500); // a second answer, if there were one, would be on its way by now
        assertEquals(1, API.sentTo(follower).size(), "answered once: " + API.sentTo(follower));
        JdbcClient jdbc = first.getBean(JdbcClient.class);
        assertEquals(1, jdbc.sql("select count(*) from messages m join wechat_followers f on f.conversation_id ="
                        + " m.conversation_id where f.open_id = ? and m.sender = 'customer'").param(follower)
                .query(Integer.class).single(), "stored once");
    }
}
