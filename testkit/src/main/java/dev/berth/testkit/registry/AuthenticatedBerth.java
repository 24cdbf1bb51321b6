package dev.berth.testkit.registry;

import dev.berth.testkit.Prerequisites;
import dev.berth.testkit.ScratchDir;
import dev.berth.testkit.process.Command;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Berth with token auth on, for the real-client tests of issue 5: users alice and bob from a file
 * the real {@code htpasswd -B} wrote; {@code public/**} pullable by anyone and pushable by users,
 * {@code alice/**} alice's alone.
 */
public final class AuthenticatedBerth {
    public static final String ALICE_PASSWORD = "alice-secret";
    public static final String BOB_PASSWORD = "bob-secret";
    private static final String CONFIG = """
            auth:
              htpasswd: %s
              access:
                - repository: "public/**"
                  anonymous: [pull]
                  users: { "*": [pull, push] }
                - repository: "alice/**"
                  users: { alice: [pull, push] }
            """;

    private AuthenticatedBerth() {}

    public static RegistryProcess start(ScratchDir scratch) {
        Path htpasswdTool = Prerequisites.executable("htpasswd", "apache2-utils");
        Path htpasswd = scratch.newDir("auth").resolve("htpasswd");
        Command.of(htpasswdTool.toString(), "-cbB", htpasswd.toString(), "alice", ALICE_PASSWORD)
                .runOk();
        Command.of(htpasswdTool.toString(), "-bB", htpasswd.toString(), "bob", BOB_PASSWORD)
                .runOk();
        Path config = scratch.newDir("config").resolve("berth.yml");
        try {
            Files.writeString(config, CONFIG.formatted(htpasswd));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BerthProcess.start(scratch.newDir("registry"), config);
    }
}
