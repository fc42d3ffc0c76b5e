package vn.sohoa.app;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web page as a user sees it, in Debian's headless Chromium driven by Selenium: opens
 * addresses, waits for the app to draw them, and names the page's parts, so the tests read as what
 * a user does. Screenshots go to {@code target/screenshots/}.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final RunningArchive archive;

    Browser(RunningArchive archive) {
        this.archive = archive;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("sohoa.it.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--window-size=1366,768",
                "--lang=vi-VN");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("sohoa.it.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Opens an address of the site and waits until the app has drawn its page. */
    void open(String pathAndQuery) {
        driver.get(archive.url(pathAndQuery));
        await("the page to be drawn", d -> d.findElements(By.id("loading")).isEmpty()
                && d.findElements(By.cssSelector("main .loading")).isEmpty());
    }

    /**
     * Signs in through the login page as the first admin, whose password sohoa writes into its data
     * folder on its first start.
     */
    void signIn() throws IOException {
        open("/login");
        Path password = archive.data().resolve("admin-password.txt");
        driver.findElement(By.name("username")).sendKeys("admin");
        driver.findElement(By.name("password")).sendKeys(Files.readString(password).strip(), Keys.ENTER);
        await("the sign-in", d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Waits until the search page shows the results of the search in its address. */
    void awaitResults() {
        await("the results of " + driver.getCurrentUrl(), d -> Boolean.TRUE.equals(script(
                "const r = document.querySelector('.results');"
                        + "return r !== null && !r.hasAttribute('aria-busy')"
                        + " && r.dataset.shown === location.pathname + location.search;")));
    }

    void search(String query) {
        WebElement box = driver.findElement(By.id("q"));
        box.clear();
        box.sendKeys(query, Keys.ENTER);
        awaitResults();
    }

    String resultsHeading() {
        return driver.findElement(By.id("results-heading")).getText();
    }

    List<WebElement> hits() {
        return driver.findElements(By.cssSelector(".hits .hit"));
    }

    /** The button of a facet's value, e.g. {@code facet("type", "Kế hoạch")}. */
    WebElement facet(String key, String value) {
        for (WebElement button : driver.findElements(By.cssSelector("[data-facet='" + key + "'] button.facet"))) {
            if (button.findElement(By.cssSelector(".facet-value")).getAttribute("textContent").equals(value)) {
                return button;
            }
        }
        throw new AssertionError("no facet value " + key + "=" + value + " on " + driver.getCurrentUrl());
    }

    /** Clicks and waits for the results the click asked for. */
    void clickAndAwaitResults(WebElement element) {
        element.click();
        awaitResults();
    }

    void back() {
        driver.navigate().back();
        awaitResults();
    }

    void forward() {
        driver.navigate().forward();
        awaitResults();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** The SHA-256 of what the link's address answers, fetched by the page itself. */
    String sha256Of(WebElement link) {
        Object hex = asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0].href).then(r => r.arrayBuffer())"
                + ".then(b => crypto.subtle.digest('SHA-256', b))"
                + ".then(h => done(Array.from(new Uint8Array(h)).map(x => x.toString(16).padStart(2, '0')).join('')))"
                + ".catch(e => done('failed: ' + e));", link);
        return String.valueOf(hex);
    }

    void size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    void await(String what, ExpectedCondition<Boolean> condition) {
        new WebDriverWait(driver, WAIT).withMessage(what).until(condition);
    }

    void await(String what, Duration timeout, ExpectedCondition<Boolean> condition) {
        new WebDriverWait(driver, timeout).withMessage(what).until(condition);
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png}. */
    Path screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path target = SCREENSHOTS.resolve(name + ".png");
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        return target;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
