package dev.berth.storage;

/**
 * The rules every storage path follows, so that nothing built from user input can reach outside
 * the store: relative, '/'-separated, no empty, "." or ".." segment, no backslash or NUL.
 */
public final class StoragePath {
    private StoragePath() {}

    /** Returns {@code path} when it follows the rules, otherwise throws {@link IllegalArgumentException}. */
    public static String check(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("empty storage path");
        }
        if (path.startsWith("/") || path.endsWith("/")) {
            throw new IllegalArgumentException("storage path must be relative without a trailing slash: " + path);
        }
        if (path.indexOf('\\') >= 0 || path.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("storage path holds a forbidden character: " + path);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException("storage path holds an empty, '.' or '..' segment: " + path);
            }
        }
        return path;
    }
}
