package dev.berth.registry.http;

import static dev.berth.registry.auth.TestCredentials.basic;
import static org.assertj.core.api.Assertions.assertThat;

import dev.berth.testkit.api.Reply;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Password guessing")
class LoginAttacksTest {
    @TempDir
    Path dir;

    private SecuredRegistry secured;

    @BeforeEach
    void start() throws Exception {
        secured = SecuredRegistry.start(dir);
    }

    @AfterEach
    void stop() {
        secured.close();
    }

    @Test
    @DisplayName("200 wrong passwords sent at once get 10 password checks (401) and 429 TOOMANYREQUESTS for the rest")
    void concurrentGuessesThrottled() {
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> guesses = IntStream.range(0, 200)
                .mapToObj(i -> http.sendAsync(
                        HttpRequest.newBuilder(secured.registry.uri("/token?service=berth-registry"))
                                .header("Authorization", basic("alice", "guess" + i))
                                .build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList();

        Map<Integer, Long> statuses = guesses.stream()
                .map(CompletableFuture::join)
                .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));

        assertThat(statuses).containsOnlyKeys(401, 429).containsEntry(401, 10L);
    }

    @Test
    @DisplayName("requests without credentials are no guesses: they never lock the admin out")
    void anonymousProbesDoNotCount() {
        for (int i = 0; i < 30; i++) {
            assertThat(secured.api.get("/_berth/admin/read-only").status()).isEqualTo(401);
        }

        Reply admin = secured.api.get("/_berth/admin/read-only", "Authorization", SecuredRegistry.ADMIN);

        assertThat(admin.status()).isEqualTo(200);
    }
}
