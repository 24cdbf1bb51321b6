package dev.berth.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A pull by curl")
class PullsTest {
    @Test
    @DisplayName("counts its bytes when they are the whole blob, streamed by the registry")
    void streamed() throws IOException {
        assertThat(Pulls.checkedBytes("268435456 0", 268_435_456, false)).isEqualTo(268_435_456);
    }

    @Test
    @DisplayName("counts its bytes when they are the whole blob and came through a redirect in redirect mode")
    void redirected() throws IOException {
        assertThat(Pulls.checkedBytes("268435456 1\n", 268_435_456, true)).isEqualTo(268_435_456);
    }

    @Test
    @DisplayName("is refused when it brought fewer bytes than the blob has: a cut transfer is no result")
    void shortPull() {
        assertThatThrownBy(() -> Pulls.checkedBytes("1000 0", 268_435_456, false))
                .isInstanceOf(IOException.class)
                .hasMessage("pulled 1000 bytes of a blob of 268435456");
    }

    @Test
    @DisplayName(
            "is refused in redirect mode when the registry streamed the blob itself: it would measure the wrong thing")
    void notRedirected() {
        assertThatThrownBy(() -> Pulls.checkedBytes("268435456 0", 268_435_456, true))
                .isInstanceOf(IOException.class)
                .hasMessage("the registry answered without a redirect");
    }

    @Test
    @DisplayName("is refused in streaming mode when the registry redirected (curl follows only in redirect mode)")
    void unexpectedRedirect() {
        assertThatThrownBy(() -> Pulls.checkedBytes("268435456 1", 268_435_456, false))
                .isInstanceOf(IOException.class)
                .hasMessage("the registry redirected");
    }
}
