package io.kefu.server.wechat;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Official Account channel through the WeChat simulator on a real server: WeChat's requests signed (and in safe
 * mode encrypted) as WeChat does, the bot's answers coming back as passive replies.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kefu.wechat.mp.menu.BILL=话费余额怎么查"})
class MpChannelIT {

    static final FakeWechatApi API = MpTestAccount.api();

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

    WechatSimulator wechat;
    String follower;

    @BeforeEach
    void follower() {
        wechat = MpTestAccount.simulator(port);
        follower = MpTestAccount.follower();
    }

    @Test
    void theServerUrlIsVerifiedWithTheRightSignatureOnly() {
        WechatSimulator.Answer ok = wechat.verify("echo-4711");
        assertEquals(200, ok.status());
        assertEquals("echo-4711", ok.body());
        var impostor = new WechatSimulator("http://127.0.0.1:" + port + "/wechat/mp", "not-the-token",
                MpTestAccount.APP_ID, null);
        assertEquals(403, impostor.verify("echo-4711").status());
        assertEquals(403, wechat.postRaw("?timestamp=1&nonce=2", "<xml></xml>").status(), "no signature at all");
    }

    @Test
    void aQuestionIsAnsweredInTheHttpResponse() {
        WechatSimulator.Answer answer = wechat.text(follower, "话费余额怎么查");
        assertEquals(200, answer.status(), answer.body());
        assertNotNull(answer.reply(), answer.body());
        assertTrue(answer.reply().contains("10099"), answer.reply());
        String conversation = conversationOf(follower);
        assertEquals("wechat", jdbc.sql("select channel from conversations where id = ?").param(conversation)
                .query(String.class).single());
        assertEquals(List.of("customer", "bot"), senders(conversation));
    }

    @Test
    void aRequestWithABadSignatureIsRefusedAndNotProcessed() {
        long msgId = WechatSimulator.nextMessageId();
        String xml = "<xml><ToUserName><![CDATA[gh]]></ToUserName><FromUserName><![CDATA[" + follower
                + "]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[text]]></MsgType>"
                + "<Content><![CDATA[话费余额怎么查]]></Content><MsgId>" + msgId + "</MsgId></xml>";
        String forged = "?signature=" + WechatCrypto.sign("guessed", "1700000000", "n") + "&timestamp=1700000000&nonce=n";
        assertEquals(403, wechat.postRaw(forged, xml).status());
        String safeButForged = "?signature=" + WechatCrypto.sign(MpTestAccount.TOKEN, "1700000000", "n")
                + "&timestamp=1700000000&nonce=n&encrypt_type=aes&msg_signature=0123";
        String encrypted = WechatCrypto.encrypt(MpTestAccount.AES_KEY, MpTestAccount.APP_ID, "aaaabbbbccccdddd", xml);
        assertEquals(403, wechat.postRaw(safeButForged, "<xml><Encrypt><![CDATA[" + encrypted
                + "]]></Encrypt></xml>").status());
        assertEquals(0, jdbc.sql("select count(*) from wechat_deliveries where delivery_key = ?")
                .param("msg:" + msgId).query(Integer.class).single());
        assertEquals(0, jdbc.sql("select count(*) from wechat_followers where open_id = ?").param(follower)
                .query(Integer.class).single());
    }

    @Test
    void malformedOrOversizedRequestsAreRefusedWithoutHarm() {
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        String signed = "?signature=" + WechatCrypto.sign(MpTestAccount.TOKEN, timestamp, "n1") + "&timestamp="
                + timestamp + "&nonce=n1";
        assertEquals(400, wechat.postRaw(signed, "<xml><Content>未闭合").status());
        assertEquals(400, wechat.postRaw(signed, "<xml><MsgType><![CDATA[text]]></MsgType></xml>").status(),
                "no sender");
        assertEquals(400, wechat.postRaw(signed, "<xml>" + "字".repeat(70_000) + "</xml>").status());
        assertTrue(wechat.text(follower, "话费余额怎么查").reply().contains("10099"), "and the channel goes on");
    }

    @Test
    void aRetriedMessageIsProcessedOnceAndGetsTheSameReply() {
        long msgId = WechatSimulator.nextMessageId();
        WechatSimulator.Answer first = wechat.text(follower, "话费余额怎么查", msgId);
        WechatSimulator.Answer retry = wechat.text(follower, "话费余额怎么查", msgId);
        WechatSimulator.Answer third = wechat.text(follower, "话费余额怎么查", msgId);
        assertNotNull(first.reply());
        assertEquals(first.reply(), retry.reply(), "a retry whose first answer was lost gets it again");
        assertEquals(first.reply(), third.reply());
        assertEquals(List.of("customer", "bot"), senders(conversationOf(follower)), "stored and answered once");
    }

    @Test
    void safeModeDecryptsTheRequestAndEncryptsTheReply() {
        WechatSimulator.Answer answer = wechat.encrypted(MpTestAccount.AES_KEY).text(follower, "话费余额怎么查");
        assertEquals(200, answer.status(), answer.body());
        assertTrue(answer.body().contains("<Encrypt>"), "the reply is encrypted: " + answer.body());
        assertTrue(answer.reply().contains("10099"), answer.reply());
    }

    @Test
    void aNewFollowerIsGreetedWithTheQuickMenuAndItsEntryPointRecorded() {
        WechatSimulator.Answer greeting = wechat.event(follower, "subscribe", "qrscene_poster-2026");
        assertTrue(greeting.reply().startsWith("您好"), greeting.reply());
        assertTrue(greeting.reply().contains("1. 话费余额怎么查"), greeting.reply());
        assertEquals("poster-2026", jdbc.sql("select entry from wechat_followers where open_id = ?").param(follower)
                .query(String.class).single());

        WechatSimulator.Answer chosen = wechat.text(follower, "1");
        assertTrue(chosen.reply().contains("10099"), chosen.reply());
    }

    @Test
    void aMenuClickAsksWhatTheMenuSays() {
        WechatSimulator.Answer answer = wechat.event(follower, "CLICK", "BILL");
        assertTrue(answer.reply().contains("10099"), answer.reply());
        wechat.event(follower, "SCAN", "counter-7");
        assertEquals("counter-7", jdbc.sql("select entry from wechat_followers where open_id = ?").param(follower)
                .query(String.class).single());
    }

    @Test
    void aVoiceMessageIsAnsweredFromItsRecognitionElseTheFollowerIsAskedToType() {
        assertTrue(wechat.voice(follower, "话费余额怎么查").reply().contains("10099"));
        assertEquals(FollowerMessages.TYPE_PLEASE, wechat.voice(follower, null).reply());
        assertEquals(FollowerMessages.MEDIA_NOT_READ, wechat.image(follower, "https://mmbiz.example/1.jpg").reply());
    }

    @Test
    void replyingTwoChoosesTheSecondSuggestion() {
        String first = wechat.text(follower, "银行卡丢了怎么办").reply();
        assertTrue(first.contains(WechatText.SUGGESTIONS), first);
        Matcher second = Pattern.compile("\\n2\\. (.+)")
                .matcher(first.substring(first.indexOf(WechatText.SUGGESTIONS)));
        assertTrue(second.find(), first);

        String chosen = wechat.text(follower, "2").reply();
        assertNotNull(chosen);
        String conversation = conversationOf(follower);
        assertEquals(second.group(1), jdbc.sql("select body from messages where conversation_id = ? and sender = 'customer'"
                + " order by seq desc limit 1").param(conversation).query(String.class).single(),
                "the chosen question is what the follower asked");
        assertEquals("chosen", jdbc.sql("select stage from messages where conversation_id = ? and stage is not null"
                + " order by seq desc limit 1").param(conversation).query(String.class).single(), "decided by the choice");
    }

    @Test
    void aFaultReportCompletedOverWechatRecordsItsTicket() {
        assertTrue(wechat.text(follower, "我家宽带坏了").reply().contains("宽带账号"));
        assertTrue(wechat.text(follower, "02187654321").reply().contains("故障现象"));
        assertTrue(wechat.text(follower, "网速特别慢").reply().contains("故障申告"));
        assertEquals(List.of("fault_report"), jdbc.sql("select intent from tickets where conversation_id = ?")
                .param(conversationOf(follower)).query(String.class).list());
    }

    @Test
    void unfollowingClosesTheConversation() {
        wechat.text(follower, "话费余额怎么查");
        String conversation = conversationOf(follower);
        assertTrue(wechat.event(follower, "unsubscribe", null).success());
        assertEquals("closed", jdbc.sql("select status from conversations where id = ?").param(conversation)
                .query(String.class).single());
        // following again and writing starts a new conversation
        assertTrue(wechat.text(follower, "话费余额怎么查").reply().contains("10099"));
        assertNotEquals(conversation, conversationOf(follower));
    }

    private String conversationOf(String openId) {
        return jdbc.sql("select conversation_id from wechat_followers where channel = 'mp' and open_id = ?")
                .param(openId).query(String.class).single();
    }

    private List<String> senders(String conversation) {
        return jdbc.sql("select sender from messages where conversation_id = ? order by seq").param(conversation)
                .query(String.class).list();
    }
}
