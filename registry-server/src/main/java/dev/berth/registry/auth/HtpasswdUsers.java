package dev.berth.registry.auth;

import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Checks user names and passwords against an htpasswd file, re-reading it whenever it changes so
 * that users can be added or removed without a restart. A file that turns unreadable or invalid
 * keeps the last good contents in force (and says so in the log) rather than locking everyone out.
 *
 * <p>Checks block (bcrypt is slow on purpose): call them off the event loop. Unknown users are
 * checked against a throwaway hash so that the answer takes as long as for a known user.
 */
public final class HtpasswdUsers {
    private static final Logger LOG = LoggerFactory.getLogger(HtpasswdUsers.class);
    private static final String UNKNOWN_USER_HASH = throwawayHash();

    private final Path file;
    private HtpasswdFile contents;
    private FileTime loadedModified;
    private long loadedSize;

    private HtpasswdUsers(Path file) {
        this.file = file;
    }

    /** Loads the file now, so that a missing or invalid file stops the start. */
    public static HtpasswdUsers load(Path file) {
        HtpasswdUsers users = new HtpasswdUsers(file);
        try {
            users.reload();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read htpasswd file " + file + ": " + e.getMessage(), e);
        }
        return users;
    }

    /** The caller these credentials prove, if they do. */
    public Optional<Caller> authenticate(String user, String password) {
        HtpasswdFile users = current();
        String hash = users.hashes().get(user);
        // An unknown user costs a real check too, against some other hash of the same file, so that
        // timing tells nothing about which user names exist.
        String checked = hash != null ? hash : users.hashes().values().stream().findFirst().orElse(UNKNOWN_USER_HASH);
        boolean matches = OpenBSDBCrypt.checkPassword(checked, password.toCharArray());
        return matches && hash != null ? Optional.of(Caller.user(user)) : Optional.empty();
    }

    private synchronized HtpasswdFile current() {
        try {
            if (changed()) {
                reload();
                LOG.info("reloaded htpasswd file {} ({} users)", file, contents.hashes().size());
            }
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("htpasswd file {} could not be reloaded, keeping the previous users: {}", file, e.getMessage());
        }
        return contents;
    }

    private boolean changed() throws IOException {
        return !Files.getLastModifiedTime(file).equals(loadedModified) || Files.size(file) != loadedSize;
    }

    private void reload() throws IOException {
        // The stamp is taken first and kept even when the contents fail, so a bad file is reported once.
        loadedModified = Files.getLastModifiedTime(file);
        loadedSize = Files.size(file);
        contents = HtpasswdFile.read(file);
    }

    private static String throwawayHash() {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", "no such user".toCharArray(), salt, 10);
    }
}
