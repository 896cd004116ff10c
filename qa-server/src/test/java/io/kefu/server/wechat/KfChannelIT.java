package io.kefu.server.wechat;

import io.kefu.server.KefuServerApplication;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * WeCom customer service (微信客服) through the simulator on a real server: the callback URL checked, a callback
 * answered at once and the messages pulled with {@code sync_msg} page by page, the welcome sent with the event's
 * code, the bot's answers sent with {@code send_msg}, each message processed once, and the cursor kept across a
 * restart of the server (same database).
 */
class KfChannelIT {

    static final String CORP = "ww-test-corp";
    static final String SECRET = "kf-test-secret";
    static final String TOKEN = "kfToken";
    static final String AES_KEY = "jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    static final String ACCOUNT = "wk-test-account";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final FakeWecomApi API = new FakeWecomApi(CORP, SECRET);

    @TempDir
    static Path data;

    @AfterAll
    static void stopApi() {
        API.close();
    }

    private static ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(KefuServerApplication.class).run(
                "--server.port=0",
                "--kefu.database.url=jdbc:h2:file:" + data.resolve("kefu") + ";DB_CLOSE_ON_EXIT=FALSE",
                "--kefu.wechat.kf.corp-id=" + CORP,
                "--kefu.wechat.kf.secret=" + SECRET,
                "--kefu.wechat.kf.token=" + TOKEN,
                "--kefu.wechat.kf.aes-key=" + AES_KEY,
                "--kefu.wechat.kf.api-url=" + API.url());
    }

    private static WecomSimulator wecom(ConfigurableApplicationContext node) {
        return new WecomSimulator("http://127.0.0.1:" + node.getEnvironment().getProperty("local.server.port")
                + "/wechat/kf", TOKEN, AES_KEY, CORP);
    }

    @Test
    void messagesArePulledAnsweredOnceAndTheCursorSurvivesARestart() throws InterruptedException {
        String user = "wm-" + System.nanoTime();
        ConfigurableApplicationContext first = start();
        try {
            var verified = wecom(first).verify("1616140317555161061");
            assertEquals(200, verified.statusCode());
            assertEquals("1616140317555161061", verified.body());
            assertEquals(403, wecom(first).forgedCallback(ACCOUNT).statusCode());

            API.userEnters(ACCOUNT, user, "poster-9", "WELCOME-1");
            API.userWrites(ACCOUNT, user, "话费余额怎么查");
            var callback = wecom(first).newMessages(ACCOUNT);
            assertEquals(200, callback.statusCode());
            assertEquals("success", callback.body());
            API.awaitSent(user, text -> text.contains("10099"), WAIT);
            FakeWecomApi.Sent welcome = API.welcomes().get(0);
            assertEquals("WELCOME-1", welcome.toUser(), "sent with the event's code");
            assertTrue(welcome.text().contains("1. 话费余额怎么查"), welcome.text());

            wecom(first).newMessages(ACCOUNT); // WeCom calls again: nothing new, nothing answered twice
            Thread.sleep(500);
            assertEquals(1, API.sentTo(user).size(), API.sentTo(user).toString());
        } finally {
            first.close();
        }

        API.userWrites(ACCOUNT, user, "1"); // chooses the first item of the welcome menu
        String cursorBefore = API.cursorsAsked().get(API.cursorsAsked().size() - 1);
        ConfigurableApplicationContext second = start();
        try {
            wecom(second).newMessages(ACCOUNT);
            API.awaitSent(user, text -> text.contains("10099") && API.sentTo(user).size() == 2, WAIT);
            List<String> asked = API.cursorsAsked();
            assertTrue(asked.indexOf("") == 0 && asked.lastIndexOf("") == 0,
                    "the restarted server went on from the kept cursor: " + asked);
            assertTrue(asked.contains(cursorBefore), asked.toString());
            assertEquals(2, API.sentTo(user).size(), "the first message was not answered again: " + API.sentTo(user));
        } finally {
            second.close();
        }
    }
}
