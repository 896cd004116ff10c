package io.kefu.server.agent;

import io.kefu.server.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.kefu.server.HeadlessChromium.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A customer and an agent, each in a real browser of their own (two ChromeDriver instances, two cookie jars):
 * the administrator creates the agent's account in the console and signs out, the agent signs in and goes online,
 * the customer asks for a person in the widget, the agent takes the conversation, reads it and answers, and the
 * customer sees the answer from 人工客服; then a supervisor takes the conversation over and closes it. Debian's headless Chromium and chromedriver, as in ChatWidgetIT;
 * screenshots go to {@code target/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "kefu.admin.username=" + AgentConsoleBrowserIT.ADMIN,
        "kefu.admin.password=" + AgentConsoleBrowserIT.ADMIN_PASSWORD,
        // agents work around the clock here, whatever time the test runs
        "kefu.handoff.hours[0]=MON-SUN 00:00-24:00"})
class AgentConsoleBrowserIT {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "browser-test-admin-pw";
    private static final String AGENT = "agent1";
    private static final String AGENT_PASSWORD = "browser-test-agent-pw";
    private static final String AGENT_NAME = "小安";

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    static ChromeDriver customer;
    static ChromeDriver agent;

    @BeforeAll
    static void startBrowsers(@TempDir Path profiles) throws Exception {
        customer = browser(Files.createDirectories(profiles.resolve("customer")));
        agent = browser(Files.createDirectories(profiles.resolve("agent")));
    }

    /** The console plays a sound for a new conversation, without a click first. */
    private static ChromeDriver browser(Path profile) {
        return HeadlessChromium.start(profile, "--autoplay-policy=no-user-gesture-required");
    }

    @AfterAll
    static void stopBrowsers() {
        if (customer != null) customer.quit();
        if (agent != null) agent.quit();
    }

    @Test
    void anAgentTakesOverFromTheBotAndTheCustomerSeesTheReply() throws Exception {
        try {
            journey();
        } catch (Throwable failure) {
            // what each browser showed when it failed
            screenshot(agent, "agent-console-failure.png");
            screenshot(customer, "agent-customer-failure.png");
            throw failure;
        }
    }

    private void journey() throws Exception {
        var agentWait = new WebDriverWait(agent, WAIT);
        var customerWait = new WebDriverWait(customer, WAIT);

        // the administrator creates the agent's account in the console, then signs out
        signIn(ADMIN, ADMIN_PASSWORD);
        agentWait.until(ExpectedConditions.elementToBeClickable(By.id("tab-admin"))).click();
        agent.findElement(By.id("staff-username")).sendKeys(AGENT);
        agent.findElement(By.id("staff-display")).sendKeys(AGENT_NAME);
        agent.findElement(By.id("staff-password")).sendKeys(AGENT_PASSWORD);
        agent.findElement(By.id("staff-create")).click();
        agentWait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#staff tr.staff-row[data-username='" + AGENT + "']")));
        agent.findElement(By.id("logout-button")).click();
        agentWait.until(ExpectedConditions.urlContains("/login"));

        // the agent signs in, busy for now: nothing is routed to them, they pick from the queue themselves
        signIn(AGENT, AGENT_PASSWORD);
        agentWait.until(ExpectedConditions.textToBe(By.id("me-name"), AGENT_NAME));
        assertFalse(agent.findElement(By.id("tab-supervisor")).isDisplayed(), "an agent sees no supervisor panel");
        assertFalse(agent.findElement(By.id("tab-admin")).isDisplayed(), "an agent sees no staff accounts");
        new Select(agentWait.until(ExpectedConditions.elementToBeClickable(By.id("status")))).selectByValue("busy");
        agentWait.until(d -> "busy".equals(d.findElement(By.tagName("body")).getDomAttribute("data-status")));

        // the customer asks for a person
        customer.get(base() + "/demo.html");
        customerWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".kefu-bubble"))).click();
        customerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-status"), "在线"));
        WebElement input = customer.findElement(By.cssSelector(".kefu-input"));
        input.sendKeys("转人工", Keys.ENTER);

        // the customer waits in the queue and sees their place; the agent sees them waiting and picks them
        customerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-queue"),
                "排队中：您是下一位"));
        WebElement waiting = agentWait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#queue .queue-item")));
        assertTrue(waiting.findElement(By.cssSelector(".last")).getText().contains("转人工"), waiting.getText());
        assertEquals("1", agent.findElement(By.id("queue-count")).getText());
        waiting.findElement(By.cssSelector(".pick")).click();
        agentWait.until(d -> transcriptHas(d, ".msg.msg-customer", "转人工"));
        agentWait.until(d -> d.findElements(By.cssSelector("#queue .queue-item")).isEmpty());
        agentWait.until(d -> d.findElements(By.cssSelector("#mine .mine-item")).size() == 1);
        assertTrue(agent.getTitle().endsWith("人工客服工作台"), agent.getTitle());

        // the customer is told a person has joined; the queue line is gone
        customerWait.until(d -> d.findElements(By.cssSelector(".kefu-msg-system")).stream()
                .anyMatch(m -> m.getText().contains(AGENT_NAME)));
        assertTrue(customer.findElements(By.cssSelector(".kefu-queue")).stream().noneMatch(WebElement::isDisplayed));

        // what the customer types reaches the agent as text, and the agent sees the customer typing
        String attack = "<img src=x onerror=alert(1)>";
        input.sendKeys(attack, Keys.ENTER);
        agentWait.until(d -> transcriptHas(d, ".msg.msg-customer .msg-text", attack));
        assertTrue(agent.findElements(By.cssSelector("#transcript img")).isEmpty());
        assertThrows(NoAlertPresentException.class, () -> agent.switchTo().alert());
        input.sendKeys("还有一个问题");
        agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("customer-typing")));

        // the agent answers; the customer first sees the agent typing, then the answer from 人工客服
        WebElement reply = agent.findElement(By.id("reply"));
        reply.sendKeys("您好，我是人工客服");
        customerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-typing"), "人工客服正在输入"));
        reply.sendKeys(Keys.ENTER);
        agentWait.until(d -> transcriptHas(d, ".msg.msg-agent:not(.pending)", "您好，我是人工客服"));
        WebElement answer = customerWait.until(d -> d.findElements(By.cssSelector(".kefu-msg-agent")).stream()
                .filter(m -> m.getText().contains("您好，我是人工客服")).findFirst().orElse(null));
        assertEquals("人工客服", answer.findElement(By.cssSelector(".kefu-role")).getText());
        assertEquals(AGENT_NAME, answer.findElement(By.cssSelector(".kefu-agent")).getText());
        assertEquals("您好，我是人工客服", answer.findElement(By.cssSelector(".kefu-text")).getText());
        screenshot(agent, "agent-console.png");
        screenshot(customer, "agent-customer.png");

        // the console stacks its panels on a phone without sideways scrolling
        agent.manage().window().setSize(new Dimension(360, 740));
        try {
            Number scrollWidth = (Number) ((JavascriptExecutor) agent)
                    .executeScript("return document.documentElement.scrollWidth");
            assertTrue(scrollWidth.intValue() <= 360, "no sideways scrolling at 360 px: " + scrollWidth);
            screenshot(agent, "agent-console-360.png");
        } finally {
            agent.manage().window().setSize(new Dimension(1280, 800));
        }

        // a supervisor (here the administrator) sees the conversation among all live ones, takes it over and
        // closes it with a category; the customer is told and asked for a rating
        agent.findElement(By.id("logout-button")).click();
        agentWait.until(ExpectedConditions.urlContains("/login"));
        signIn(ADMIN, ADMIN_PASSWORD);
        agentWait.until(ExpectedConditions.elementToBeClickable(By.id("tab-supervisor"))).click();
        WebElement live = agentWait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#live .live-item[data-state='agent']")));
        assertTrue(live.getText().contains(AGENT), live.getText());
        agentWait.until(d -> d.findElements(By.cssSelector("#agents .agent-item")).stream()
                .anyMatch(a -> a.getText().contains(AGENT_NAME)));
        screenshot(agent, "agent-supervisor.png");
        live.findElement(By.cssSelector(".takeover")).click();
        agentWait.until(d -> transcriptHas(d, ".msg.msg-agent", "您好，我是人工客服"));
        agentWait.until(ExpectedConditions.elementToBeClickable(By.id("reply")));
        customerWait.until(d -> d.findElements(By.cssSelector(".kefu-msg-system[data-kind='agent_joined']")).size() == 2);
        agent.findElement(By.id("close")).click();
        new Select(agentWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("close-tag"))))
                .selectByVisibleText("咨询");
        agent.findElement(By.id("close-confirm")).click();
        customerWait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".kefu-rating")));
        agentWait.until(d -> d.findElements(By.cssSelector("#mine .mine-item")).isEmpty());
    }

    private void signIn(String username, String password) {
        agent.get(base() + "/login");
        var wait = new WebDriverWait(agent, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        agent.findElement(By.id("password")).sendKeys(password);
        agent.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/agent"));
    }

    private static boolean transcriptHas(WebDriver browser, String css, String text) {
        return browser.findElements(By.cssSelector("#transcript " + css)).stream()
                .anyMatch(m -> m.getText().contains(text));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
