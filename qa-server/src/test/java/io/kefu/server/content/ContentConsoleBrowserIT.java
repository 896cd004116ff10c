package io.kefu.server.content;

import io.kefu.server.HeadlessChromium;
import io.kefu.server.staff.Role;
import io.kefu.server.staff.StaffService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import static io.kefu.server.HeadlessChromium.screenshot;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The content console in a real browser (Debian's headless Chromium): an editor signs in, imports a file, sees the
 * report name the bad row, fixes the file and applies it; a reviewer signs in, approves the draft and publishes it
 * through the quality gate; a customer asks the new question in the widget and gets the new answer, and votes it
 * helpful. Screenshots go to {@code target/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ContentConsoleBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String QUESTION = "星河月球漫游怎么开通";
    private static final String ANSWER = "月球漫游需在星河 App 的「漫游」页面提前 3 天预约开通。";

    @DynamicPropertySource
    static void ownDataFolder(DynamicPropertyRegistry registry) throws IOException {
        var dataDir = Files.createTempDirectory("kefu-content-browser");
        registry.add("kefu.data-dir", dataDir::toString);
    }

    @LocalServerPort
    int port;
    @Autowired
    StaffService staff;

    static ChromeDriver staffBrowser;
    static ChromeDriver customer;

    @BeforeAll
    static void startBrowsers(@TempDir Path profiles) throws IOException {
        staffBrowser = HeadlessChromium.start(Files.createDirectories(profiles.resolve("staff")));
        customer = HeadlessChromium.start(Files.createDirectories(profiles.resolve("customer")));
    }

    @AfterAll
    static void stopBrowsers() {
        if (staffBrowser != null) staffBrowser.quit();
        if (customer != null) customer.quit();
    }

    @Test
    void anEditorImportsAReviewerPublishesAndTheWidgetAnswers(@TempDir Path files) throws Exception {
        try {
            journey(files);
        } catch (Throwable failure) {
            screenshot(staffBrowser, "content-console-failure.png");
            screenshot(customer, "content-customer-failure.png");
            throw failure;
        }
    }

    private void journey(Path files) throws Exception {
        staff.create(new StaffService.NewStaff("editor1", "小编", "editor-pass-1", Set.of(Role.EDITOR), null, Set.of()), "test");
        staff.create(new StaffService.NewStaff("reviewer1", "审核员", "reviewer-pass-1", Set.of(Role.REVIEWER), null, Set.of()), "test");
        var wait = new WebDriverWait(staffBrowser, WAIT);

        // the editor lands on the console and checks a file with a row that has no answer
        signIn("editor1", "editor-pass-1");
        wait.until(ExpectedConditions.textToBe(By.id("me-name"), "小编"));
        staffBrowser.findElement(By.cssSelector("[data-panel='imports']")).click();
        String header = "ID（选填，填写则更新该条）,分类,标准问题,相似问题（每行一个，或用##分隔）,答案,标签,生效时间,失效时间\n";
        Path bad = Files.writeString(files.resolve("月球漫游.csv"), header
                + "moon-roaming,漫游," + QUESTION + ",月球上能用手机吗##去月球怎么开漫游," + ANSWER + ",,,\n"
                + "moon-fee,漫游,月球漫游怎么收费,,,,,\n", StandardCharsets.UTF_8);
        staffBrowser.findElement(By.id("import-file")).sendKeys(bad.toString());
        staffBrowser.findElement(By.cssSelector("#import-form button[type='submit']")).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("tr.import-error")));
        assertTrue(error.getText().contains("第 3 行") && error.getText().contains("缺少答案"), error.getText());
        assertTrue(!staffBrowser.findElement(By.id("import-apply")).isEnabled(), "a file with errors cannot be applied");
        screenshot(staffBrowser, "content-import-report.png");

        // fixed, checked again, applied
        Path fixed = Files.writeString(files.resolve("月球漫游-改.csv"), header
                + "moon-roaming,漫游," + QUESTION + ",月球上能用手机吗##去月球怎么开漫游," + ANSWER + ",,,\n"
                + "moon-fee,漫游,月球漫游怎么收费,,月球漫游每分钟 99 元。,,,\n", StandardCharsets.UTF_8);
        staffBrowser.findElement(By.id("import-file")).sendKeys(fixed.toString());
        staffBrowser.findElement(By.cssSelector("#import-form button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-report"), "检查通过"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("import-apply"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("import-report"), "已导入为草稿"));
        screenshot(staffBrowser, "content-import-applied.png");

        // the editor cannot approve: the drafts are there, the approve is refused
        staffBrowser.findElement(By.cssSelector("#logout button")).click();
        wait.until(ExpectedConditions.urlContains("/login"));

        // the reviewer approves both drafts and publishes through the quality gate
        signIn("reviewer1", "reviewer-pass-1");
        wait.until(ExpectedConditions.textToBe(By.id("me-name"), "审核员"));
        staffBrowser.findElement(By.cssSelector("[data-panel='reviews']")).click();
        for (int i = 0; i < 2; i++) {
            WebElement draft = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#pending li.draft .approve")));
            int before = staffBrowser.findElements(By.cssSelector("#pending li.draft")).size();
            draft.click();
            wait.until(d -> d.findElements(By.cssSelector("#pending li.draft")).size() < before);
        }
        staffBrowser.findElement(By.id("publish-note")).sendKeys("月球漫游上线", Keys.ENTER);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("gate"), "已发布"));
        screenshot(staffBrowser, "content-published.png");

        // the customer asks in the widget and gets the new answer, then votes it helpful
        var customerWait = new WebDriverWait(customer, WAIT);
        customer.get(base() + "/demo.html");
        customerWait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".kefu-bubble"))).click();
        customerWait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".kefu-status"), "在线"));
        customer.findElement(By.cssSelector(".kefu-input")).sendKeys(QUESTION, Keys.ENTER);
        WebElement answer = customerWait.until(d -> d.findElements(By.cssSelector(".kefu-msg-bot")).stream()
                .filter(m -> m.getText().contains("月球漫游需在星河 App")).findFirst().orElse(null));
        answer.findElements(By.cssSelector(".kefu-vote button")).get(0).click();
        customerWait.until(d -> answer.getText().contains("感谢您的反馈"));
        screenshot(customer, "content-widget-answer.png");
    }

    private void signIn(String username, String password) {
        staffBrowser.get(base() + "/login");
        var wait = new WebDriverWait(staffBrowser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        staffBrowser.findElement(By.id("password")).sendKeys(password);
        staffBrowser.findElement(By.id("sign-in")).click();
        wait.until(ExpectedConditions.urlContains("/content"));
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
