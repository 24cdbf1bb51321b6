package dev.berth.registry.auth;

import static dev.berth.registry.auth.TestCredentials.bcrypt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtpasswdUsersTest {
    /** Written by {@code htpasswd -nbB alice s3cret} (apache2-utils), so the $2y$ variant is covered. */
    private static final String ALICE_FROM_HTPASSWD =
            "alice:$2y$05$rYDqIFhPAvu7CPOSs/L35OeZkOMOi44fpUgUKI6jYf.Q6iBngHjQm";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a user's right password proves the user; a wrong one or an unknown user proves nothing")
    void checksPasswords() throws IOException {
        HtpasswdUsers users = HtpasswdUsers.load(write(ALICE_FROM_HTPASSWD));

        assertThat(users.authenticate("alice", "s3cret")).contains(Caller.user("alice"));
        assertThat(users.authenticate("alice", "S3cret")).isEmpty();
        assertThat(users.authenticate("mallory", "s3cret")).isEmpty();
    }

    @Test
    @DisplayName("an unknown user is checked against a hash as costly as the costliest user's, so timing names no user")
    void unknownUsersCostTheMost() throws IOException {
        String cheap = OpenBSDBCrypt.generate("2y", "a".toCharArray(), new byte[16], 4);
        String dear = OpenBSDBCrypt.generate("2y", "b".toCharArray(), new byte[16], 9);
        HtpasswdUsers users = HtpasswdUsers.load(write("alice:" + cheap, "bob:" + dear));

        assertThat(users.unknownUserHash()).startsWith("$2y$09$");
        assertThat(users.authenticate("mallory", "b")).isEmpty();
    }

    @Test
    @DisplayName("a changed file is picked up at the next check, without a restart")
    void reloadsOnChange() throws IOException {
        Path file = write(ALICE_FROM_HTPASSWD);
        HtpasswdUsers users = HtpasswdUsers.load(file);

        Files.writeString(file, "bob:" + bcrypt("hunter2") + "\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(users.authenticate("bob", "hunter2")).contains(Caller.user("bob"));
        assertThat(users.authenticate("alice", "s3cret")).isEmpty();
    }

    @Test
    @DisplayName("a file that turns invalid keeps the last good users in force")
    void keepsLastGoodContents() throws IOException {
        Path file = write(ALICE_FROM_HTPASSWD);
        HtpasswdUsers users = HtpasswdUsers.load(file);

        Files.writeString(file, "garbage without a colon\n");
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));

        assertThat(users.authenticate("alice", "s3cret")).contains(Caller.user("alice"));
    }

    @Test
    @DisplayName("hashes other than bcrypt are refused with the line and the way to fix it")
    void refusesWeakHashes() throws IOException {
        Path file = write("# users", "carol:{SHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g=");

        assertThatThrownBy(() -> HtpasswdUsers.load(file))
                .hasMessageContaining("line 2")
                .hasMessageContaining("carol")
                .hasMessageContaining("htpasswd -B");
    }

    @Test
    @DisplayName("a missing file stops the start with its name")
    void missingFile() {
        Path missing = dir.resolve("nope");

        assertThatThrownBy(() -> HtpasswdUsers.load(missing)).hasMessageContaining(missing.toString());
    }

    private Path write(String... lines) throws IOException {
        return Files.write(dir.resolve("htpasswd"), List.of(lines));
    }
}
