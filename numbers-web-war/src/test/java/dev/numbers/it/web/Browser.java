package dev.numbers.it.web;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;

/** Debian's headless Chromium through its own chromedriver, so that Selenium never downloads a browser. */
final class Browser {

    private static final File CHROMIUM = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));

    private Browser() {
    }

    static WebDriver start(String windowSize) {
        if (!CHROMIUM.canExecute() || !CHROMEDRIVER.canExecute()) {
            throw new IllegalStateException("The browser tests need headless Chromium: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are missing. Install them with 'apt-get install -y chromium chromium-driver' (see README).");
        }
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=" + windowSize,
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        // The operations view is served over HTTPS with the key pair the test server made at its first start.
        options.setAcceptInsecureCerts(true);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        return new ChromeDriver(driver, options);
    }
}
