package dev.berth.registry.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The contents of an htpasswd file: one {@code user:hash} per line. Only bcrypt hashes (what
 * {@code htpasswd -B} writes) are accepted: the older schemes are too weak to guard a registry.
 */
public record HtpasswdFile(Map<String, String> hashes) {

    public HtpasswdFile {
        hashes = Map.copyOf(hashes);
    }

    public static HtpasswdFile read(Path file) throws IOException {
        return parse(file.toString(), Files.readAllLines(file));
    }

    static HtpasswdFile parse(String source, List<String> lines) {
        Map<String, String> hashes = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1);
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException(where + " is not 'user:hash'");
            }
            String user = line.substring(0, colon);
            String hash = line.substring(colon + 1);
            if (!isBcrypt(hash)) {
                throw new IllegalArgumentException(
                        where + " (user '" + user + "') does not hold a bcrypt hash; create it with 'htpasswd -B'");
            }
            if (hashes.putIfAbsent(user, hash) != null) {
                throw new IllegalArgumentException(where + " repeats user '" + user + "'");
            }
        }
        return new HtpasswdFile(hashes);
    }

    /** The highest bcrypt cost among the users' hashes; 0 for a file without users. */
    public int highestCost() {
        return hashes.values().stream()
                .mapToInt(hash -> Integer.parseInt(hash.substring(4, 6)))
                .max()
                .orElse(0);
    }

    private static boolean isBcrypt(String hash) {
        return hash.matches("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");
    }
}
