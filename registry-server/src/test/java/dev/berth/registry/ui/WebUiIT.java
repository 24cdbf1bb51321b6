package dev.berth.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

@DisplayName("The web UI in a real headless Chromium, on an open registry")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebUiIT {
    private static final int REPOSITORIES = 2_000;
    private static final String XSS_LABEL = "<img src=x onerror=\"document.title='pwned'\">";
    private static final String XSS_ANNOTATION = "<script>document.title='pwned'</script>";

    @TempDir
    static Path dir;

    private InProcessBerth registry;
    private Chromium browser;
    private UiImages.Pushed image;
    private String sbom;

    @BeforeAll
    void start() {
        browser = Chromium.start(dir.resolve("profile"));
        registry = InProcessBerth.start(dir.resolve("data"), Map.of("BERTH_LOG_ACCESSLOG", "false"));
        UiImages images = new UiImages(registry.url());
        for (int i = 0; i < REPOSITORIES; i++) {
            images.tiny(String.format("fleet/service-%04d", i));
        }
        image = images.image(
                "shop/web",
                "1.4",
                "amd64",
                Map.of("org.opencontainers.image.source", "https://git.example/shop/web", "note", XSS_LABEL));
        sbom = images.referrer("shop/web", image.digest(), Map.of("org.example.note", XSS_ANNOTATION));
        images.index("shop/web", "multi");
    }

    @AfterAll
    void stop() {
        if (browser != null) {
            browser.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    private URI page(String hash) {
        return registry.uri("/ui/" + hash);
    }

    @Test
    @DisplayName("search as you type finds one repository among 2,000, by part of its name and by a glob")
    void searchAmongThousands() {
        browser.open(registry.uri("/"));
        browser.awaitText(REPOSITORIES + 1 + " repositories");

        WebElement search = browser.find(By.id("search"));
        search.sendKeys("service-1234");
        browser.awaitText("1 repository");
        assertThat(browser.find(By.cssSelector("a.repo-link")).getText()).isEqualTo("fleet/service-1234");
        browser.screenshot("catalog-search");

        search.clear();
        search.sendKeys("fleet/service-19?7");
        browser.awaitText("10 repositories");
        assertThat(browser.driver().findElements(By.cssSelector("a.repo-link")))
                .extracting(WebElement::getText)
                .contains("fleet/service-1907", "fleet/service-1997");
    }

    @Test
    @DisplayName("the keyboard alone reaches a repository: type in the search box, Tab to the result, Enter")
    void keyboardOnly() {
        browser.open(registry.uri("/ui/"));
        browser.awaitText(REPOSITORIES + 1 + " repositories");

        WebElement search = browser.driver().switchTo().activeElement();
        assertThat(search.getAttribute("id")).as("the search box has the focus").isEqualTo("search");
        search.sendKeys("shop/");
        browser.awaitText("1 repository");
        search.sendKeys(Keys.TAB);
        WebElement focused = browser.driver().switchTo().activeElement();
        assertThat(focused.getText()).isEqualTo("shop/web");
        focused.sendKeys(Keys.ENTER);

        browser.awaitText("2 tags");
        assertThat(browser.driver().getCurrentUrl()).endsWith("#/repo/shop/web");
    }

    @Test
    @DisplayName("an image page shows the config, the layers with their sizes, and the SBOM that refers to it")
    void imagePage() {
        browser.open(page("#/image/shop/web@" + image.digest()));
        browser.awaitText("Referrers");

        String text = browser.mainText();
        assertThat(text).contains("/bin/busybox", "/srv", "1000:1000", "8080/tcp", "GREETING=hello");
        assertThat(text).contains("ADD rootfs.tar /", image.layerDigest());
        assertThat(text).contains(UiImages.SBOM_TYPE);
        assertThat(browser.driver().findElements(By.cssSelector("#main a")).stream()
                        .map(a -> a.getAttribute("href"))
                        .filter(href -> href.contains(sbom))
                        .count())
                .isEqualTo(1);
        String reference = registry.url().getAuthority() + "/shop/web@" + image.digest();
        assertThat(browser.driver().findElements(By.cssSelector("#main .command input")))
                .extracting(field -> field.getAttribute("value"))
                .contains(
                        "docker pull " + reference,
                        "berth pull " + reference + " ./web",
                        "berth run --rm " + reference);
        browser.screenshot("image");
    }

    @Test
    @DisplayName("markup in labels and annotations shows as text and never runs")
    void markupIsText() {
        browser.open(page("#/image/shop/web@" + image.digest()));
        browser.awaitText("Referrers");

        assertThat(browser.mainText()).contains(XSS_LABEL, XSS_ANNOTATION);
        assertThat(browser.driver().findElements(By.cssSelector("#main img"))).isEmpty();
        assertThat(browser.driver().findElements(By.cssSelector("#main script")))
                .isEmpty();
        assertThat(browser.driver().getTitle()).isEqualTo("Berth registry");
    }

    @Test
    @DisplayName("a multi-platform index lists both platforms on the tag list and on its own page")
    void indexPlatforms() {
        browser.open(page("#/repo/shop/web"));
        browser.awaitText("multi");
        assertThat(browser.mainText()).contains("linux/amd64, linux/arm64/v8");
        browser.screenshot("repository");

        browser.find(By.linkText("multi")).click();
        browser.awaitText("Platforms");
        assertThat(browser.mainText()).contains("linux/amd64", "linux/arm64/v8");
        browser.screenshot("index");
    }

    @Test
    @DisplayName("on a phone-sized screen the tag list stacks each tag's facts under one another")
    void phone() {
        browser.resize(390, 844);
        try {
            browser.open(page("#/repo/shop/web"));
            browser.awaitText("multi");
            WebElement header = browser.driver().findElement(By.cssSelector("#main thead"));
            assertThat(header.isDisplayed()).isFalse();
            browser.screenshot("phone");
        } finally {
            browser.resize(1280, 900);
        }
    }

    @Test
    @DisplayName("the status page shows the counts, storage in use and version")
    void statusPage() {
        browser.open(page("#/status"));
        browser.awaitText("Storage in use");
        assertThat(browser.mainText()).contains("Repositories", String.valueOf(REPOSITORIES + 1), "Blobs");
        browser.screenshot("status");
    }
}
