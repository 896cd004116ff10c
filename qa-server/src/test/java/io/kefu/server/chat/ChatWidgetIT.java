package io.kefu.server.chat;

import io.kefu.server.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo page in a real browser: Debian's headless Chromium driven through Debian's chromedriver (never a
 * downloaded browser). Screenshots go to {@code target/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ChatWidgetIT {

    /**
     * Runs in every page before its own scripts: keeps the sockets the page opens, so that a test can drop them as a
     * network would ({@link #dropConnection}), and while {@code kefuTestOffline} is set points new ones nowhere.
     */
    private static final String NETWORK = """
            (function () {
              var Native = window.WebSocket;
              window.kefuTestSockets = [];
              window.kefuTestOffline = false;
              window.WebSocket = function (url) {
                var s = new Native(window.kefuTestOffline ? url.replace('/ws/chat', '/ws/unreachable') : url);
                window.kefuTestSockets.push(s);
                return s;
              };
              window.WebSocket.prototype = Native.prototype;
            })();""";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) {
        browser = HeadlessChromium.start(profile);
        browser.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", NETWORK));
    }

    /** Each test is a new visitor: the pages of one origin share the widget's conversation in localStorage. */
    @BeforeEach
    void newVisitor() {
        browser.get("http://localhost:" + port + "/widget.css");
        browser.executeScript("localStorage.clear()");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) browser.quit();
    }

    @Test
    void aQuestionThroughTheWidgetIsAnsweredWithSuggestions() throws Exception {
        browser.get("http://localhost:" + port + "/demo.html");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        WebElement bubble = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".kefu-bubble")));
        assertEquals("打开星河通信 在线客服", bubble.getAttribute("aria-label"));
        bubble.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-status"), "在线"));
        assertTrue(browser.findElement(By.cssSelector(".kefu-log")).getText().contains("您好"));

        // typed text is shown as text: nothing runs, no element is made from it
        WebElement input = browser.findElement(By.cssSelector(".kefu-input"));
        String attack = "<img src=x onerror=alert(1)>";
        input.sendKeys(attack, Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".kefu-msg-bot")).size() >= 2);
        WebElement mine = browser.findElements(By.cssSelector(".kefu-msg-customer")).get(0);
        assertEquals(attack, mine.findElement(By.cssSelector(".kefu-text")).getText());
        assertTrue(browser.findElements(By.cssSelector(".kefu-log img")).isEmpty());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());

        // a real question: the answer, rendered from the safe markup, and related questions as buttons
        input.sendKeys("银行卡丢了怎么办", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".kefu-msg-bot")).size() >= 3);
        List<WebElement> bots = browser.findElements(By.cssSelector(".kefu-msg-bot"));
        WebElement answer = bots.get(bots.size() - 1);
        assertTrue(answer.getText().contains("挂失"), answer.getText());
        assertTrue(!answer.findElements(By.cssSelector(".kefu-text ol li")).isEmpty(), "the numbered list is a list");
        WebElement suggestion = answer.findElement(By.cssSelector(".kefu-suggestion"));
        assertTrue(suggestion.getText().contains("补办"), suggestion.getText());
        screenshot("widget-demo.png");

        // clicking the suggestion asks it
        suggestion.click();
        wait.until(d -> d.findElements(By.cssSelector(".kefu-msg-bot")).size() >= 4);
        assertTrue(browser.findElements(By.cssSelector(".kefu-msg-customer")).get(2).getText().contains("补办"));

        // end the conversation: the rating prompt appears and a rating is accepted
        browser.findElement(By.cssSelector(".kefu-end")).click();
        WebElement rating = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kefu-rating")));
        rating.findElements(By.cssSelector(".kefu-star")).get(4).click();
        rating.findElement(By.cssSelector(".kefu-comment")).sendKeys("很方便");
        screenshot("widget-rating.png");
        rating.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-log"), "感谢您的评价"));
    }

    /**
     * A crash of the server with the embedded database loses what it had not yet written to its file (its write
     * delay), messages it had acknowledged included; the page has seen more than the server now holds.
     */
    @Test
    void whatTheServerLostInACrashIsSentAgainAndWhatFollowsIsShown() {
        browser.get("http://localhost:" + port + "/chat");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-status"), "在线"));
        WebElement input = browser.findElement(By.cssSelector(".kefu-input"));
        input.sendKeys("银行卡丢了怎么办", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".kefu-msg-bot")).size() >= 2);
        String conversation = conversationOnThePage();

        // the crash: the server no longer has the question or its answer; then the connection drops
        jdbc.sql("delete from messages where conversation_id = ?").param(conversation).update();
        jdbc.sql("update conversations set last_seq = 0 where id = ?").param(conversation).update();
        dropConnection();

        // the page sends the lost question again, and it is answered again
        wait.until(d -> jdbc.sql("select count(*) from messages where conversation_id = ? and sender = 'bot'")
                .param(conversation).query(Long.class).single() >= 1);
        assertEquals(List.of("银行卡丢了怎么办"), jdbc.sql("select body from messages where conversation_id = ? "
                + "and sender = 'customer'").param(conversation).query(String.class).list());
        // the next answer is shown, though its number is one the page saw before the crash
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-status"), "在线"));
        int before = browser.findElements(By.cssSelector(".kefu-msg-bot")).size();
        input.sendKeys("挂失后怎么补办新卡", Keys.ENTER);
        wait.until(d -> d.findElements(By.cssSelector(".kefu-msg-bot")).size() > before);
        List<WebElement> bots = browser.findElements(By.cssSelector(".kefu-msg-bot"));
        assertTrue(bots.get(bots.size() - 1).getText().contains("补办"), bots.get(bots.size() - 1).getText());
    }

    @Test
    void aMessageTypedWhileOfflineIsSentOnceTheConnectionIsBack() {
        browser.get("http://localhost:" + port + "/chat");
        var wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-status"), "在线"));
        String conversation = conversationOnThePage();

        browser.executeScript("window.kefuTestOffline = true");
        dropConnection();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-status"), "重新连接"));
        browser.findElement(By.cssSelector(".kefu-input")).sendKeys("信用卡年费怎么收", Keys.ENTER);
        WebElement mine = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kefu-msg-customer")));
        assertTrue(mine.getText().contains("等待发送"), mine.getText());
        assertEquals(0L, customerMessages(conversation), "nothing reached the server while offline");

        browser.executeScript("window.kefuTestOffline = false");
        wait.until(d -> d.findElements(By.cssSelector(".kefu-msg-bot")).size() >= 2);
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".kefu-msg-customer .kefu-state")));
        assertEquals(1L, customerMessages(conversation), "sent once, on reconnect");
        List<WebElement> bots = browser.findElements(By.cssSelector(".kefu-msg-bot"));
        assertTrue(bots.get(bots.size() - 1).getText().contains("年费"), bots.get(bots.size() - 1).getText());
    }

    private String conversationOnThePage() {
        return (String) browser.executeScript(
                "return JSON.parse(localStorage.getItem('kefu.localhost:" + port + "')).conversation");
    }

    private long customerMessages(String conversation) {
        return jdbc.sql("select count(*) from messages where conversation_id = ? and sender = 'customer'")
                .param(conversation).query(Long.class).single();
    }

    private static void dropConnection() {
        browser.executeScript("window.kefuTestSockets.forEach(function (s) { s.close(); })");
    }

    @Test
    void theFullPageChatFitsAPhone() throws Exception {
        browser.manage().window().setSize(new Dimension(360, 740));
        try {
            browser.get("http://localhost:" + port + "/chat");
            var wait = new WebDriverWait(browser, Duration.ofSeconds(15));
            wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-status"), "在线"));
            browser.findElement(By.cssSelector(".kefu-quick .kefu-chip")).click();
            wait.until(d -> d.findElements(By.cssSelector(".kefu-msg-bot")).size() >= 2);
            Number scrollWidth = (Number) browser.executeScript("return document.documentElement.scrollWidth");
            assertTrue(scrollWidth.intValue() <= 360, "no sideways scrolling at 360 px: " + scrollWidth);
            screenshot("chat-360.png");
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 800));
        }
    }

    private static void screenshot(String name) throws Exception {
        HeadlessChromium.screenshot(browser, name);
    }
}
