package dev.berth.registry.ui;

import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.ProjectLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The system's headless Chromium (Debian's chromium and chromium-driver), driven by Selenium
 * through /usr/bin/chromedriver: both paths are given, so Selenium Manager never looks for (or
 * downloads) a browser. Background networking is off, since the machines have no internet.
 */
final class Chromium implements AutoCloseable {
    /**
     * Where the tests' screenshots go. Ports and digests differ from run to run, so by default they
     * land under target/ and a test run leaves the work tree clean; {@code -Dberth.ui.screenshots=docs}
     * writes them over docs/ui, which docs/ui.md shows, when the pages have changed.
     */
    static final Path SCREENSHOTS = "docs".equals(System.getProperty("berth.ui.screenshots"))
            ? ProjectLayout.repositoryRoot().resolve("docs/ui")
            : ProjectLayout.repositoryRoot().resolve("registry-server/target/ui-screenshots");
    /** How long a page may take to show what a test waits for before the test fails. */
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;

    private Chromium(ChromeDriver driver) {
        this.driver = driver;
    }

    static Chromium start(Path profile) {
        Path browser = Prerequisites.executable("chromium", "chromium");
        Path chromedriver = Prerequisites.executable("chromedriver", "chromium-driver");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        return new Chromium(new ChromeDriver(service, options));
    }

    WebDriver driver() {
        return driver;
    }

    void open(URI page) {
        driver.get(page.toString());
    }

    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Waits until {@code condition} gives something other than null or false, and returns it. */
    <T> T await(Function<WebDriver, T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).until(condition::apply);
        } catch (TimeoutException e) {
            throw new AssertionError(
                    "waited in vain at " + driver.getCurrentUrl() + "; the page shows:\n"
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    /** The element once it is on the page. */
    WebElement find(By by) {
        return await(d -> d.findElements(by).stream().findFirst().orElse(null));
    }

    /** Waits until the page's main part contains {@code text}. */
    void awaitText(String text) {
        await(d -> d.findElement(By.id("main")).getText().contains(text));
    }

    String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    /** Saves what the browser shows as NAME.png in {@link #SCREENSHOTS}. */
    void screenshot(String name) {
        Path taken = driver.getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(taken, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
