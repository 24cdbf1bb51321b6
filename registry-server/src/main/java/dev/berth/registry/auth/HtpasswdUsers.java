package dev.berth.registry.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.SecureRandom;
import java.util.Optional;
import org.bouncycastle.crypto.generators.OpenBSDBCrypt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks user names and passwords against an htpasswd file, re-reading it whenever it changes so
 * that users can be added or removed without a restart. A file that turns unreadable or invalid
 * keeps the last good contents in force (and says so in the log) rather than locking everyone out.
 *
 * <p>Checks block (bcrypt is slow on purpose): call them off the event loop. Unknown users are
 * checked against a throwaway hash of the highest cost in the file, so that the answer takes as
 * long as for the slowest known user: timing tells nothing about which user names exist.
 */
public final class HtpasswdUsers {
    private static final Logger LOG = LoggerFactory.getLogger(HtpasswdUsers.class);
    /** The cost of the throwaway hash when the file has no users yet: htpasswd -B's default. */
    private static final int DEFAULT_COST = 5;

    private final Path file;
    private HtpasswdFile contents;
    private String unknownUserHash;
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
        HtpasswdFile users;
        String throwaway;
        synchronized (this) {
            users = current();
            throwaway = unknownUserHash;
        }
        String hash = users.hashes().get(user);
        String checked = hash != null ? hash : throwaway;
        boolean matches = OpenBSDBCrypt.checkPassword(checked, password.toCharArray());
        return matches && hash != null ? Optional.of(Caller.user(user)) : Optional.empty();
    }

    private synchronized HtpasswdFile current() {
        try {
            if (changed()) {
                reload();
                LOG.info(
                        "reloaded htpasswd file {} ({} users)",
                        file,
                        contents.hashes().size());
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
        int cost = contents.hashes().isEmpty() ? DEFAULT_COST : contents.highestCost();
        if (unknownUserHash == null || cost(unknownUserHash) != cost) {
            unknownUserHash = throwawayHash(cost);
        }
    }

    /** The hash an unknown user's password is checked against. */
    synchronized String unknownUserHash() {
        return unknownUserHash;
    }

    private static int cost(String hash) {
        return Integer.parseInt(hash.substring(4, 6));
    }

    private static String throwawayHash(int cost) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return OpenBSDBCrypt.generate("2y", "no such user".toCharArray(), salt, cost);
    }
}
