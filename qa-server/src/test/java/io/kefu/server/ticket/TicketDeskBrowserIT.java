package io.kefu.server.ticket;

import io.kefu.server.HeadlessChromium;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;

import static io.kefu.server.HeadlessChromium.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An agent works a ticket in a real browser from the 工单 tab to 已解决: finds it in the list (an overdue one stands
 * out beside it), opens it, claims it, comments (markup stays text), records a failed and then a successful
 * callback, and resolves it; the customer, still in the chat, hears the outcome. Screenshots in {@code target/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "kefu.handoff.hours[0]=MON-SUN 00:00-24:00")
class TicketDeskBrowserIT {

    private static final String AGENT = "ticketagent";
    private static final String PASSWORD = "ticket-browser-pw";
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String HOSTILE = "<img src=x onerror=\"document.title='pwned'\">已派单";

    @LocalServerPort
    int port;

    @Autowired
    StaffService staff;

    @Autowired
    JdbcClient jdbc;

    static ChromeDriver browser;

    @BeforeAll
    static void start(@TempDir Path profile) {
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
    }

    @Test
    void anAgentWorksATicketFromTheTicketTabToResolved() throws Exception {
        staff.create(new StaffService.NewStaff(AGENT, "小票", PASSWORD, Set.of(Role.AGENT), 5, Set.of()), "test");
        try (Customer customer = Customer.connect(port, null, null); Customer late = Customer.connect(port, null, null)) {
            String id = customer.reportFault("13800138000");
            String overdue = late.reportFault("13900139000");
            jdbc.sql("update tickets set due_at = ? where id = ?")
                    .params(OffsetDateTime.now(ZoneOffset.UTC).minusHours(1), overdue).update();
            try {
                work(id, overdue);
            } catch (Throwable failure) {
                screenshot(browser, "tickets-failure.png");
                throw failure;
            }
            JsonNode notice = customer.until(f -> f.get("kind").asString().equals("ticket_resolved"));
            assertTrue(notice.get("text").asString().contains("光猫已更换"), notice.toString());
        }
    }

    private void work(String id, String overdue) throws Exception {
        var wait = new WebDriverWait(browser, WAIT);
        browser.get("http://localhost:" + port + "/login");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(AGENT);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/agent"));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-tickets"))).click();
        WebElement late = wait.until(ExpectedConditions.presenceOfElementLocated(row(overdue)));
        assertTrue(late.getDomAttribute("class").contains("overdue"), late.getDomAttribute("class"));
        assertTrue(late.getText().contains("已超时"), late.getText());
        screenshot(browser, "tickets-list.png");

        browser.findElement(By.id("tf-q")).sendKeys(id);
        browser.findElement(By.id("tf-apply")).click();
        wait.until(d -> d.findElements(By.cssSelector("#ticket-table .ticket-row")).size() == 1
                && !d.findElements(row(id)).isEmpty());
        browser.findElement(row(id)).findElement(By.cssSelector(".ticket-open")).click();
        wait.until(ExpectedConditions.textToBe(By.id("ticket-title"), "工单 " + id));
        assertTrue(browser.findElement(By.id("ticket-transcript")).getText().contains("我家宽带坏了"));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("ticket-claim"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-flags"), "处理中"));

        browser.findElement(By.id("ticket-comment")).sendKeys(HOSTILE);
        browser.findElement(By.id("ticket-comment-add")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-comments"), "已派单"));
        assertTrue(browser.findElement(By.id("ticket-comments")).getText().contains(HOSTILE), "shown as typed");
        assertTrue(browser.findElements(By.cssSelector("#ticket-comments img")).isEmpty(), "never markup");

        browser.findElement(By.cssSelector("input[name='ticket-reached'][value='no']")).click();
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1]",
                browser.findElement(By.id("ticket-retry")), "2030-01-02T10:00");
        browser.findElement(By.id("ticket-callback-note")).sendKeys("无人接听");
        browser.findElement(By.id("ticket-callback")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-flags"), "待回访"));
        assertTrue(browser.findElement(By.id("ticket-history")).getText().contains("未联系上"));
        screenshot(browser, "tickets-callback.png");

        browser.findElement(By.cssSelector("input[name='ticket-reached'][value='yes']")).click();
        browser.findElement(By.id("ticket-callback")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-flags"), "处理中"));

        new Select(browser.findElement(By.id("ticket-category"))).selectByVisibleText("已修复");
        browser.findElement(By.id("ticket-resolution")).sendKeys("光猫已更换，网络恢复正常");
        browser.findElement(By.id("ticket-resolve")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ticket-flags"), "已解决"));
        assertTrue(browser.findElement(By.id("ticket-fields")).getText().contains("光猫已更换，网络恢复正常"));
        // the list shows unfinished tickets by default: the resolved one has left it, and is there under 全部
        wait.until(ExpectedConditions.numberOfElementsToBe(row(id), 0));
        new Select(browser.findElement(By.id("tf-status"))).selectByValue("");
        assertEquals("resolved", wait.until(ExpectedConditions.presenceOfElementLocated(row(id))).getDomAttribute("data-status"));
        assertTrue(!browser.getTitle().contains("pwned"));
        screenshot(browser, "tickets-resolved.png");
    }

    private static By row(String id) {
        return By.cssSelector("#ticket-table tr.ticket-row[data-id='" + id + "']");
    }
}
