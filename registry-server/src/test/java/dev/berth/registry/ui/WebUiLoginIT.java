package dev.berth.registry.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.registry.InProcessBerth;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

@DisplayName("The web UI in a real headless Chromium, with users and access rules")
class WebUiLoginIT {
    @TempDir
    Path dir;

    private InProcessBerth registry;
    private Chromium browser;

    @BeforeEach
    void start() throws IOException {
        browser = Chromium.start(dir.resolve("profile"));
        registry = UiAuthApiTest.startWithUsers(dir);
    }

    @AfterEach
    void stop() {
        browser.close();
        registry.close();
    }

    private void logIn(String user, String password) {
        browser.open(registry.uri("/ui/#/login"));
        browser.find(By.id("user")).sendKeys(user);
        browser.find(By.id("password")).sendKeys(password);
        browser.find(By.id("login")).click();
        browser.await(d -> d.findElement(By.id("session")).getText().contains("Logged in as " + user));
    }

    @Test
    @DisplayName("logging in as a user shows a private repository that anonymous users do not see")
    void loginShowsPrivateRepositories() {
        browser.open(registry.uri("/ui/"));
        browser.awaitText("1 repository");
        assertThat(browser.mainText()).contains("public/tools").doesNotContain("private/secret");
        browser.screenshot("anonymous");

        browser.open(registry.uri("/ui/#/login"));
        browser.find(By.id("user")).sendKeys("alice");
        browser.find(By.id("password")).sendKeys("alice-pw");
        browser.screenshot("login");
        browser.find(By.id("login")).click();

        browser.awaitText("2 repositories");
        assertThat(browser.mainText()).contains("private/secret", "public/tools");
        browser.screenshot("logged-in");
    }

    @Test
    @DisplayName("a wrong password shows an error and logs nobody in")
    void wrongPassword() {
        browser.open(registry.uri("/ui/#/login"));
        browser.find(By.id("user")).sendKeys("alice");
        browser.find(By.id("password")).sendKeys("wrong");
        browser.find(By.id("login")).click();

        browser.await(d ->
                !d.findElement(By.cssSelector("form.login .error")).getText().isEmpty());
        assertThat(browser.driver().findElement(By.id("session")).getText()).doesNotContain("Logged in");
    }

    @Test
    @DisplayName("a read-only user sees no delete button; a user who may delete removes a tag after confirming")
    void deleteTag() {
        logIn("bob", "bob-pw");
        browser.open(registry.uri("/ui/#/repo/private/secret"));
        browser.awaitText("2 tags");
        assertThat(browser.driver().findElements(By.cssSelector("button.delete-tag")))
                .isEmpty();
        browser.screenshot("read-only-user");

        browser.find(By.id("logout")).click();
        logIn("alice", "alice-pw");
        browser.open(registry.uri("/ui/#/repo/private/secret"));
        browser.awaitText("2 tags");
        WebElement delete = browser.find(By.cssSelector("button.delete-tag[data-tag='1.0']"));
        delete.click();
        browser.await(d -> d.findElement(By.id("confirm")).isDisplayed());
        browser.screenshot("delete-confirm");
        browser.find(By.id("confirm-delete")).click();

        browser.awaitText("1 tag");
        assertThat(browser.driver().findElements(By.cssSelector("button.delete-tag")))
                .extracting(button -> button.getAttribute("data-tag"))
                .containsExactly("2.0");
        assertThat(registry.client().get("/v2/private/secret/tags/list").status())
                .as("anonymous listing stays refused")
                .isEqualTo(401);
    }
}
