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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A person's view, in the page tests' browser (see {@link Browser}): the button gives a number, and once the
 * API is broken the friendly failure, both from the page's script, without a reload. (Without JavaScript the
 * button posts the form: BadAnswersIT and ResilientNumbersIT post it.)
 */
@ExtendWith(ArquillianExtension.class)
class NumberPageBrowserIT {

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
        browser = Browser.start("1024,768");
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
        ((JavascriptExecutor) browser).executeScript("window.sameDocument = true;");

        String first = click();
        assertTrue(first.matches("Here it is: \\d{1,2}"), first);

        String second = click();
        assertEquals("RNG service unavailable!", second, "the API allows one call in this scenario");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.sameDocument === true;"),
                "the page's script asked for both, without a reload");
    }
}
