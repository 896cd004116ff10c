package io.kefu.server.chat;

import io.kefu.server.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The widget's delivery part on its own: the text between the "delivery" markers of {@code widget.js}, run in
 * Debian's headless Chromium on a blank page with {@code document}, {@code window} and the other page globals
 * shadowed, driven by a fake line, store, clock and timer. No server: each scenario plays the server's frames
 * (docs/protocol.md) and returns what the delivery sent.
 */
class WidgetDeliveryIT {

    private static final Path WIDGET = Path.of("src/main/resources/static/widget.js");
    private static final Pattern PART = Pattern.compile(
            "/\\* -+ delivery: begin[^\\n]*\\n(.*)/\\* -+ delivery: end -+ \\*/", Pattern.DOTALL);
    /** What a part without a page must not name; time and timers come through its io too. */
    private static final Pattern PAGE_GLOBALS = Pattern.compile(
            "\\b(document|window|self|globalThis|localStorage|sessionStorage|location|navigator|WebSocket"
                    + "|setTimeout|setInterval|Date)\\b");

    /**
     * The fake world a scenario runs in. {@code net.sent} holds what went out while {@code net.online};
     * {@code connect(welcome)} opens the line and plays hello/welcome (conversation c1, seq 0 unless given),
     * {@code drop()} closes it, {@code texts()} and {@code take()} read what was sent, {@code elapse(ms)} moves the
     * clock and runs the timers due. Message ids are m1, m2, ... in the order written.
     */
    private static final String HARNESS = """
            const net = { online: false, sent: [] };
            let stored = {}, clock = 1000000, ids = 0;
            const timers = [];
            const copy = (v) => JSON.parse(JSON.stringify(v));
            const io = {
              send(frame) { if (!net.online) return false; net.sent.push(copy(frame)); return true; },
              store: { load() { return copy(stored); }, save(v) { stored = copy(v); } },
              now() { return clock; },
              newId() { return 'm' + (++ids); },
              later(fn, ms) { timers.push({ at: clock + ms, fn }); }
            };
            const d = createDelivery(io);
            function connect(welcome) {
              net.online = true;
              d.opened();
              return d.welcome(Object.assign({ type: 'welcome', token: 't1', conversation: 'c1', seq: 0 }, welcome));
            }
            function drop() { net.online = false; d.disconnected(); }
            function take() { const sent = net.sent; net.sent = []; return sent; }
            function texts() { return take().filter((f) => f.type === 'message').map((f) => f.text); }
            function hello() { return net.sent.filter((f) => f.type === 'hello').pop(); }
            function elapse(ms) {
              clock += ms;
              timers.filter((t) => t.at <= clock).forEach((t) => { timers.splice(timers.indexOf(t), 1); t.fn(); });
            }
            """;

    static String part;
    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) throws IOException {
        var matcher = PART.matcher(Files.readString(WIDGET));
        assertTrue(matcher.find(), "widget.js marks its delivery part");
        part = matcher.group(1);
        // a blank page: the part needs no server and no network
        browser = HeadlessChromium.start(profile);
        browser.get("about:blank");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    /** Runs a scenario after the delivery part and the harness, with every page global undefined. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> run(String scenario) {
        String script = "return (function (document, window, self, globalThis, localStorage, sessionStorage, location,"
                + " navigator, WebSocket) {\n'use strict';\n" + part + "\n" + HARNESS + "\n" + scenario + "\n})();";
        return (Map<String, Object>) browser.executeScript(script);
    }

    @Test
    void thePartNamesNothingOfAPage() {
        var found = PAGE_GLOBALS.matcher(part);
        assertFalse(found.find(), () -> "the delivery part names " + found.group());
        assertTrue(part.contains("function createDelivery("), part);
    }

    @Test
    void anAckTakesAMessageOffTheOutboxAndAReconnectSendsOnlyWhatWasNotAcknowledged() {
        var result = run("""
                connect();
                d.write('第一条'); d.write('第二条');
                const sent = texts();
                d.ack({ type: 'ack', id: 'm1', seq: 1 });
                const waiting = d.unacknowledged().map((m) => m.text);
                drop();
                connect({ seq: 1 });
                const resent = texts();
                d.ack({ type: 'ack', id: 'm2', seq: 2, duplicate: true });
                drop();
                connect({ seq: 2 });
                return { sent, waiting, resent, hello: hello(), again: texts(), left: d.unacknowledged().length };
                """);
        assertEquals(List.of("第一条", "第二条"), result.get("sent"));
        assertEquals(List.of("第二条"), result.get("waiting"), "the acknowledged message no longer waits");
        assertEquals(List.of("第二条"), result.get("resent"), "an acknowledged message is not sent again");
        assertEquals(2L, hello(result).get("lastSeq"), "the hello resumes after both acknowledged numbers");
        assertEquals(List.of(), result.get("again"));
        assertEquals(0L, result.get("left"));
    }

    @Test
    void aWelcomeBelowWhatThePageSawForgetsTheReusedNumbersAndSendsTheAcknowledgedAgain() {
        var result = run("""
                connect();
                d.write('银行卡丢了怎么办');
                d.ack({ type: 'ack', id: 'm1', seq: 1 });
                const answerNew = d.received({ type: 'message', seq: 2, from: 'bot' });
                const answerTwice = d.received({ type: 'message', seq: 2, from: 'bot' });
                d.write('挂失后怎么补办');
                drop(); take();
                connect({ seq: 0 });
                const helloBefore = hello();
                const resent = texts();
                d.ack({ type: 'ack', id: 'm1', seq: 1 });
                const reusedNumber = d.received({ type: 'message', seq: 2, from: 'bot' });
                drop(); take();
                connect({ seq: 2 });
                return { answerNew, answerTwice, helloBefore, resent, reusedNumber, hello: hello(), after: texts() };
                """);
        assertEquals(true, result.get("answerNew"));
        assertEquals(false, result.get("answerTwice"), "a number is taken once");
        assertEquals(2L, ((Map<?, ?>) result.get("helloBefore")).get("lastSeq"));
        assertEquals(List.of("银行卡丢了怎么办", "挂失后怎么补办"), result.get("resent"),
                "the lost acknowledged message goes again, ahead of the unacknowledged one");
        assertEquals(true, result.get("reusedNumber"), "a number the server gives out again is new");
        assertEquals(2L, hello(result).get("lastSeq"));
        assertEquals(List.of("挂失后怎么补办"), result.get("after"),
                "after the next reconnect only the unacknowledged message goes; the recovered one was acknowledged");
    }

    @Test
    void messagesWrittenOfflineWaitAndGoOutOnceConnected() {
        var result = run("""
                d.write('信用卡年费怎么收');
                const startedOffline = d.started();
                net.online = true;
                d.opened();
                const beforeWelcome = take().map((f) => f.type);
                d.welcome({ type: 'welcome', token: 't1', conversation: 'c1', seq: 0 });
                const afterWelcome = texts();
                d.ack({ type: 'ack', id: 'm1', seq: 1 });
                net.online = false;
                d.write('还在吗');
                const lineDown = texts();
                d.disconnected();
                connect({ seq: 1 });
                const afterReconnect = texts();
                d.write('好的');
                return { startedOffline, beforeWelcome, afterWelcome, lineDown, afterReconnect, next: texts() };
                """);
        assertEquals(false, result.get("startedOffline"));
        assertEquals(List.of("hello"), result.get("beforeWelcome"), "nothing but hello before the welcome");
        assertEquals(List.of("信用卡年费怎么收"), result.get("afterWelcome"));
        assertEquals(List.of(), result.get("lineDown"), "a dead line sends nothing");
        assertEquals(List.of("还在吗"), result.get("afterReconnect"), "what waited goes once, on reconnect");
        assertEquals(List.of("好的"), result.get("next"), "what went out does not go again with the next");
    }

    @Test
    void aRateLimitedMessageGoesAgainOnceAndARefusedOneNever() {
        var result = run("""
                connect();
                d.write('太快了'); d.write('太长了');
                take();
                const limited = d.refused({ type: 'error', code: 'rate_limited', id: 'm1' });
                const tooLong = d.refused({ type: 'error', code: 'too_long', id: 'm2' });
                const other = d.refused({ type: 'error', code: 'bad_frame' });
                elapse(1000);
                const early = texts();
                elapse(500);
                const retried = texts();
                d.refused({ type: 'error', code: 'rate_limited', id: 'm1' });
                drop();
                connect({ seq: 0 });
                const reconnected = texts();
                elapse(1500);
                return { limited, tooLong, other, early, retried, reconnected, late: texts() };
                """);
        assertEquals("retrying", result.get("limited"));
        assertEquals("dropped", result.get("tooLong"));
        assertEquals("none", result.get("other"));
        assertEquals(List.of(), result.get("early"));
        assertEquals(List.of("太快了"), result.get("retried"), "the rate-limited message goes again after 1.5 s");
        assertEquals(List.of("太快了"), result.get("reconnected"), "the refused one is never sent again");
        assertEquals(List.of(), result.get("late"), "a retry already sent by the reconnect does not go twice");
    }

    @Test
    void aNewConversationForgetsTheOldNumbersAndARestartForgetsTheConversation() {
        var result = run("""
                connect();
                d.ack({ type: 'ack', id: 'x', seq: 1 });
                d.received({ type: 'message', seq: 2 });
                drop();
                d.write('新问题');
                const fresh = connect({ conversation: 'c2', token: 't2', seq: 0 });
                const sameAfterward = connect({ conversation: 'c2', token: 't2', seq: 0 });
                const numberTwo = d.received({ type: 'message', seq: 2 });
                const kept = copy(stored);
                d.restart();
                drop(); take();
                net.online = true;
                d.opened();
                return { fresh, sameAfterward, numberTwo, kept, hello: hello(), left: d.unacknowledged().length };
                """);
        assertEquals(true, result.get("fresh"));
        assertEquals(false, result.get("sameAfterward"));
        assertEquals(true, result.get("numberTwo"), "the old conversation's numbers are forgotten");
        assertEquals(Map.of("token", "t2", "conversation", "c2"), result.get("kept"));
        var hello = hello(result);
        assertFalse(hello.containsKey("conversation"), "a restart asks for a new conversation: " + hello);
        assertEquals("t2", hello.get("token"), "the visitor stays the same");
        assertEquals(0L, hello.get("lastSeq"));
        assertEquals(0L, result.get("left"));
    }

    @Test
    void typingIsSentAtMostEveryThreeSecondsAndASilentLineIsTakenForDead() {
        var result = run("""
                d.typing();
                const offline = net.sent.length;
                connect();
                take();
                d.heard();
                d.typing(); elapse(1000); d.typing(); elapse(2500); d.typing();
                d.write('你好'); d.typing();
                const typing = take().map((f) => f.type);
                elapse(25000);
                const alive = d.beat();
                elapse(36000);
                const dead = d.beat();
                return { offline, typing, alive, dead, pings: take().map((f) => f.type) };
                """);
        assertEquals(0L, result.get("offline"));
        assertEquals(List.of("typing", "typing", "message", "typing"), result.get("typing"),
                "at most one typing frame in three seconds; a sent message lets the next show at once");
        assertEquals(true, result.get("alive"));
        assertEquals(false, result.get("dead"), "a minute without a frame");
        assertEquals(List.of("ping"), result.get("pings"));
    }

    private static Map<?, ?> hello(Map<String, Object> result) {
        return (Map<?, ?>) result.get("hello");
    }
}
