package dev.berth.runtime.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.runtime.layout.ImageException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The image's User is resolved against its own /etc/passwd and /etc/group")
class UserResolverTest {
    private static final String PASSWD = """
            root:x:0:0:root:/root:/bin/sh
            app:x:1000:1000:an app:/home/app:/bin/sh
            """;
    private static final String GROUP = """
            root:x:0:
            app:x:1000:
            audio:x:29:app
            video:x:44:app,other
            """;
    private final UserResolver resolver = new UserResolver(PASSWD, GROUP);

    @Test
    @DisplayName("no User means root")
    void empty() {
        assertThat(resolver.resolve("")).isEqualTo(new ProcessUser(0, 0, List.of(), "/root"));
    }

    @Test
    @DisplayName("a user name gives its uid, primary group, supplementary groups and home")
    void name() {
        assertThat(resolver.resolve("app")).isEqualTo(new ProcessUser(1000, 1000, List.of(29L, 44L), "/home/app"));
    }

    @Test
    @DisplayName("a uid in passwd is looked up like a name; one that is not gets group 0")
    void uid() {
        assertThat(resolver.resolve("1000").gid()).isEqualTo(1000);
        assertThat(resolver.resolve("4242")).isEqualTo(new ProcessUser(4242, 0, List.of(), "/"));
    }

    @Test
    @DisplayName("user:group and uid:gid set the group explicitly and drop supplementary groups")
    void explicitGroup() {
        assertThat(resolver.resolve("app:video")).isEqualTo(new ProcessUser(1000, 44, List.of(), "/home/app"));
        assertThat(resolver.resolve("5:6")).isEqualTo(new ProcessUser(5, 6, List.of(), "/"));
    }

    @Test
    @DisplayName("a name the image does not know is refused with a clear message")
    void unknownName() {
        assertThatThrownBy(() -> resolver.resolve("nobody-here"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("nobody-here is not in its /etc/passwd");
        assertThatThrownBy(() -> resolver.resolve("app:nogroup"))
                .isInstanceOf(ImageException.class)
                .hasMessageContaining("nogroup is not in its /etc/group");
    }
}
