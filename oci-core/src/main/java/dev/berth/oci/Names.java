package dev.berth.oci;

import java.util.regex.Pattern;

/**
 * The distribution spec's grammar for repository names and tags. A name that passes contains
 * only lowercase alphanumerics and single separators between them, so it cannot climb out of a
 * storage directory.
 */
public final class Names {
    private static final String COMPONENT = "[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*";
    private static final Pattern REPOSITORY = Pattern.compile(COMPONENT + "(?:/" + COMPONENT + ")*");
    private static final Pattern TAG = Pattern.compile("[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}");
    /** Total length limit the spec sets for a name, slashes included (less than 256). */
    public static final int MAX_REPOSITORY_LENGTH = 255;

    private Names() {}

    public static boolean isRepository(String name) {
        return name != null
                && name.length() <= MAX_REPOSITORY_LENGTH
                && REPOSITORY.matcher(name).matches();
    }

    public static boolean isTag(String tag) {
        return tag != null && TAG.matcher(tag).matches();
    }
}
