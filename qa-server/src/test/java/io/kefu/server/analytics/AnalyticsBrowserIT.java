package io.kefu.server.analytics;

import io.kefu.server.HeadlessChromium;
import io.kefu.server.operations.OpsServer;
import io.kefu.server.operations.StaffSession;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.kefu.server.HeadlessChromium.screenshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A supervisor opens 数据 in a real browser, picks the week of the fixed history and sees the charts (drawn by
 * ECharts from the jar) and the tables; the ticket desk's chart says it has no data when the desk does not answer.
 * Screenshot: {@code target/analytics.png}.
 */
@OpsServer
class AnalyticsBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @LocalServerPort
    int port;

    @Autowired
    StaffService staff;

    @Autowired
    JdbcClient jdbc;

    private ChromeDriver browser;

    @AfterEach
    void quit() {
        if (browser != null) browser.quit();
    }

    @Test
    void aSupervisorSeesTheChartsAndTables(@TempDir Path profile) throws Exception {
        new ServiceHistory(jdbc, 52).write(); // 52 weeks before AnalyticsIT's: 4 to 17 March 2024
        String username = "chief-" + UUID.randomUUID().toString().substring(0, 6);
        staff.create(new StaffService.NewStaff(username, "王主管", StaffSession.PASSWORD, Set.of(Role.SUPERVISOR), 5,
                Set.of()), "test");
        browser = HeadlessChromium.start(profile);
        var wait = new WebDriverWait(browser, WAIT);
        try {
            browser.get("http://localhost:" + port + "/login");
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
            browser.findElement(By.id("password")).sendKeys(StaffSession.PASSWORD);
            browser.findElement(By.id("sign-in")).click();
            wait.until(ExpectedConditions.elementToBeClickable(By.id("tab-analytics"))).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("analytics")));
            browser.executeScript("document.getElementById('analytics-from').value = '2024-03-04';"
                    + "document.getElementById('analytics-to').value = '2024-03-17';");
            new Select(browser.findElement(By.id("analytics-bucket"))).selectByValue("week");
            browser.findElement(By.id("analytics-load")).click();

            wait.until(d -> d.findElement(By.id("analytics-status")).getText().contains("2024-03-04 至 2024-03-17"));
            for (String chart : new String[]{"chart-volume", "chart-handoff", "chart-wait", "chart-csat"}) {
                WebElement canvas = wait.until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector("#" + chart + " canvas")));
                assertTrue(canvas.getSize().getWidth() > 100 && canvas.getSize().getHeight() > 100, chart);
            }
            WebElement overview = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#analytics-tables section:first-child tbody tr")));
            assertTrue(overview.getText().startsWith("2024-03-04 web 7 2 28.6%"), overview.getText());
            String tables = browser.findElement(By.id("analytics-tables")).getText();
            assertTrue(tables.contains("怎么查询话费余额") && tables.contains("=cmd|计算器")
                    && tables.contains("投诉"), tables);
            // the ticket desk's figures: a chart and a table (no CSV of its own), one row per day even with no tickets
            WebElement tickets = wait.until(ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("#chart-tickets canvas")));
            assertTrue(tickets.getSize().getWidth() > 100, "ticket chart");
            assertFalse(browser.findElement(By.id("analytics-tickets-empty")).isDisplayed());
            assertEquals(6, browser.findElements(By.cssSelector("#analytics-tables a.download")).size());
            assertFalse(browser.findElement(By.id("tab-admin")).isDisplayed(), "a supervisor manages no accounts");
            screenshot(browser, "analytics.png");
        } catch (AssertionError | RuntimeException e) {
            screenshot(browser, "analytics-failure.png");
            throw e;
        }
    }
}
