package dev.numbers.it.web;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's view, in a real headless Chromium: the button gives a number, and once the API is broken
 * the friendly failure. Debian's chromium and chromium-driver are used, so nothing is downloaded.
 */
@ExtendWith(ArquillianExtension.class)
class NumberPageBrowserIT {

    private static final File CHROMIUM = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static WebDriver browser;

    @Deployment(name = "api", testable = false)
    @TargetsContainer("api")
    static WebArchive api() {
        return WebArchives.api("api-behind-page", "numbers.api.fail-after=1");
    }

    @Deployment(name = "web", testable = false)
    @TargetsContainer("web")
    static WebArchive web() {
        return WebArchives.web("web-in-browser", "numbers.api.url=" + WebArchives.API_URL);
    }

    @ArquillianResource
    @OperateOnDeployment("web")
    URL web;

    @BeforeAll
    static void startBrowser() {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("The browser test needs headless Chromium: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are missing. Install them with 'apt-get install -y chromium chromium-driver' (see README).");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        browser = new ChromeDriver(driver, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String click() {
        WebElement button = browser.findElement(By.tagName("button"));
        assertEquals("Get a random number", button.getText());
        String before = browser.findElement(By.id("result")).getText();
        button.click();
        new WebDriverWait(browser, Duration.ofSeconds(10))
                .until(ExpectedConditions.not(ExpectedConditions.textToBe(By.id("result"), before)));
        return browser.findElement(By.id("result")).getText();
    }

    @Test
    void theButtonGivesANumberThenTheFriendlyFailure() {
        browser.get(web.toString());
        assertEquals("Random numbers", browser.getTitle());

        String first = click();
        assertTrue(first.matches("Here it is: \\d{1,2}"), first);

        String second = click();
        assertEquals("RNG service unavailable!", second, "the API allows one call in this scenario");
    }
}
