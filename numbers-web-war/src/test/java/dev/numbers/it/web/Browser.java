package dev.numbers.it.web;

import org.htmlunit.BrowserVersion;
import org.htmlunit.DefaultCredentialsProvider;
import org.htmlunit.Version;
import org.htmlunit.WebClient;
import org.openqa.selenium.HasAuthentication;
import org.openqa.selenium.HasCapabilities;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.UsernameAndPassword;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.htmlunit.HtmlUnitDriver;

import java.io.File;
import java.util.Locale;
import java.util.Optional;

/**
 * The browser of the page tests. Debian's headless Chromium through its own chromedriver where both are
 * installed (Selenium never downloads a browser); elsewhere HtmlUnit, a browser engine in Java, so that
 * {@code ./mvnw verify} passes on a machine with only a JDK. Both are driven through the same WebDriver
 * API, so the tests click, wait and read the same way on either.
 *
 * <p>{@code -Dnumbers.browser} (or the environment's {@code NUMBERS_BROWSER}) chooses: {@code auto}
 * (the default: Chromium if installed, else HtmlUnit), {@code chromium} (Chromium or fail: what CI
 * asks for) or {@code htmlunit}.
 */
final class Browser {

    private static final File CHROMIUM = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    private static final File CHROMEDRIVER = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    private static final String CHOICE = System.getProperty("numbers.browser",
            Optional.ofNullable(System.getenv("NUMBERS_BROWSER")).orElse("auto")).trim().toLowerCase(Locale.ROOT);
    private static boolean told;

    private Browser() {
    }

    static WebDriver start(String windowSize) {
        boolean installed = CHROMIUM.canExecute() && CHROMEDRIVER.canExecute();
        WebDriver browser = switch (CHOICE) {
            case "chromium" -> {
                if (!installed) {
                    throw new IllegalStateException("numbers.browser=chromium, but " + CHROMIUM + " and " + CHROMEDRIVER
                            + " are not both there. Install them with 'apt-get install -y chromium chromium-driver'.");
                }
                yield chromium(windowSize);
            }
            case "htmlunit" -> htmlUnit();
            case "auto" -> installed ? chromium(windowSize) : htmlUnit();
            default -> throw new IllegalArgumentException("numbers.browser is 'auto', 'chromium' or 'htmlunit', not '" + CHOICE + "'");
        };
        if (!told) {
            told = true;
            System.out.println("browser tests: " + name(browser)
                    + (browser instanceof HtmlUnitDriver ? (installed ? " (numbers.browser=htmlunit)" : " (no Chromium here)") : ""));
        }
        return browser;
    }

    private static WebDriver chromium(String windowSize) {
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=" + windowSize,
                        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");
        // The operations view is served over HTTPS with the key pair the test server made at its first start.
        options.setAcceptInsecureCerts(true);
        ChromeDriverService driver = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        return new ChromeDriver(driver, options);
    }

    /**
     * HtmlUnit with JavaScript on, like a browser: the pages' own scripts run there too (HtmlUnit's engine
     * has no fetch of its own, hence its fetch polyfill).
     */
    private static WebDriver htmlUnit() {
        HtmlUnitDriver browser = new HtmlUnitDriver(BrowserVersion.CHROME, true);
        WebClient client = browser.getWebClient();
        // As with Chromium: the test server's own certificate for the operations view.
        client.getOptions().setUseInsecureSSL(true);
        client.getOptions().setFetchPolyfillEnabled(true);
        return browser;
    }

    private static String name(WebDriver browser) {
        if (browser instanceof HtmlUnitDriver) {
            return "HtmlUnit " + Version.getProductVersion();
        }
        return "Chromium " + ((HasCapabilities) browser).getCapabilities().getBrowserVersion() + " (" + CHROMIUM + ")";
    }

    /** The browser answers every BASIC challenge with this user, the page's own later requests too, as a signed-in browser does. */
    static void signIn(WebDriver browser, String user, String password) {
        if (browser instanceof HtmlUnitDriver htmlUnit) {
            ((DefaultCredentialsProvider) htmlUnit.getWebClient().getCredentialsProvider()).addCredentials(user, password.toCharArray());
        } else {
            ((HasAuthentication) browser).register(UsernameAndPassword.of(user, password));
        }
    }

    /** What the page looks like, from an engine that draws it; HtmlUnit lays out no pixels. */
    static Optional<byte[]> screenshot(WebDriver browser) {
        return browser instanceof TakesScreenshot camera ? Optional.of(camera.getScreenshotAs(OutputType.BYTES)) : Optional.empty();
    }
}
