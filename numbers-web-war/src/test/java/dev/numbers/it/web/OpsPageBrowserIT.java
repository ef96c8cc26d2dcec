package dev.numbers.it.web;

import dev.numbers.it.Http;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An operator's view, in the page tests' browser (see {@link Browser}): /ops shows both services UP; the API
 * is broken with four calls, and the page turns it DOWN by itself and adds the transition, with its time, to
 * the timeline without a reload, while the web stays UP. The screenshot it takes in Chromium is docs/ops.png,
 * which the README shows.
 */
@ExtendWith(ArquillianExtension.class)
class OpsPageBrowserIT {

    private static final Path SCREENSHOT = Path.of(System.getProperty("numbers.docs.dir", "../docs"), "ops.png");
    private static WebDriver browser;

    @Deployment(name = "api", testable = false)
    @TargetsContainer("api")
    static WebArchive api() {
        return WebArchives.api("api-on-ops-page", "numbers.api.fail-after=3");
    }

    @Deployment(name = "web", testable = false)
    @TargetsContainer("web")
    static WebArchive web() {
        return WebArchives.web("web-ops-page", "numbers.api.url=" + WebArchives.API_URL, "numbers.ops.interval-ms=1000");
    }

    @ArquillianResource
    @OperateOnDeployment("web")
    URL web;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start("1280,1400");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    /** The card's status; the panel replaces itself every refresh, so a card found a moment ago may be gone. */
    private static String statusOf(String service) {
        for (int attempt = 1; ; attempt++) {
            try {
                List<WebElement> card = browser.findElements(By.cssSelector("article[data-service='" + service + "']"));
                return card.isEmpty() ? "absent" : card.get(0).getAttribute("data-status");
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 3) {
                    throw replaced;
                }
            }
        }
    }

    private static void waitFor(String what, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser, Duration.ofSeconds(15)).withMessage(what).until(condition);
    }

    @Test
    void theBrokenApiTurnsDownOnThePageByItself() throws Exception {
        // The operator signs in as the monitor user; the browser answers every challenge of the page's own
        // refreshes too, as a signed-in browser does.
        Browser.signIn(browser, "monitor", Http.MONITOR_PASSWORD);
        browser.get("https://" + web.getHost() + ":" + Http.HTTPS_PORT + "/ops");
        assertEquals("numbers: operations", browser.getTitle());
        waitFor("both services UP", driver -> "UP".equals(statusOf("numbers-api")) && "UP".equals(statusOf("numbers-web")));
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

        for (int call = 0; call < 4; call++) {
            Http.get(new URL(WebArchives.API_URL + "/"), "/rng");
        }
        for (int click = 0; click < 6; click++) {
            Http.get(web, "/api/number");
        }

        waitFor("numbers-api DOWN on the page", driver -> "DOWN".equals(statusOf("numbers-api")));
        waitFor("the circuit shown open", driver -> !driver.findElements(By.cssSelector("article[data-circuit='open']")).isEmpty());
        WebElement transition = browser.findElement(By.cssSelector("tr.transition[data-service='numbers-api'][data-to='DOWN']"));
        assertTrue(transition.getText().matches("(?s)\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}.*numbers-api.*UP.*DOWN.*"),
                "the timeline row names the time, the service and the change: " + transition.getText());
        assertEquals("UP", statusOf("numbers-web"), "the web stays UP");
        assertTrue(browser.findElement(By.cssSelector("article[data-service='numbers-api'] .badge")).getText().contains("DOWN"),
                "the status in words, not colour alone");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"),
                "the page refreshed itself without a reload");

        // Chromium draws the page for the README; HtmlUnit draws nothing, and docs/ops.png stays as it was.
        Optional<byte[]> picture = Browser.screenshot(browser);
        if (picture.isPresent()) {
            Files.createDirectories(SCREENSHOT.getParent());
            Files.write(SCREENSHOT, picture.get());
            assertTrue(Files.size(SCREENSHOT) > 10_000, "a screenshot at " + SCREENSHOT);
        }
    }
}
