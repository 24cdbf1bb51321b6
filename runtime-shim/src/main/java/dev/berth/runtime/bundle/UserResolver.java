package dev.berth.runtime.bundle;

import dev.berth.runtime.layout.ImageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves the image config's User ({@code user}, {@code uid}, {@code user:group},
 * {@code uid:gid} and the mixes) against the image's own /etc/passwd and /etc/group, as
 * image-spec conversion.md asks: names must exist there, numbers need not.
 */
public final class UserResolver {
    private final List<String[]> passwd;
    private final List<String[]> group;

    /** @param passwd the contents of the rootfs's /etc/passwd ("" when it has none), likewise group */
    public UserResolver(String passwd, String group) {
        this.passwd = records(passwd);
        this.group = records(group);
    }

    public ProcessUser resolve(String user) {
        if (user == null || user.isEmpty()) {
            return withGroups(lookUpUser("0").orElse(null), 0, 0, null);
        }
        int colon = user.indexOf(':');
        String userPart = colon < 0 ? user : user.substring(0, colon);
        String groupPart = colon < 0 ? null : user.substring(colon + 1);
        Optional<String[]> entry = lookUpUser(userPart);
        long uid;
        if (entry.isPresent()) {
            uid = Long.parseLong(entry.get()[2]);
        } else if (isNumber(userPart)) {
            uid = Long.parseLong(userPart);
        } else {
            throw new ImageException("the image's user " + userPart + " is not in its /etc/passwd");
        }
        long gid = groupPart != null
                ? groupId(groupPart)
                : entry.map(e -> Long.parseLong(e[3])).orElse(0L);
        return withGroups(entry.orElse(null), uid, gid, groupPart);
    }

    private ProcessUser withGroups(String[] entry, long uid, long gid, String explicitGroup) {
        List<Long> additional = new ArrayList<>();
        // An explicit group replaces the supplementary groups, as docker does.
        if (entry != null && explicitGroup == null) {
            for (String[] g : group) {
                if (g.length > 3
                        && List.of(g[3].split(",")).contains(entry[0])
                        && isNumber(g[2])
                        && Long.parseLong(g[2]) != gid) {
                    additional.add(Long.parseLong(g[2]));
                }
            }
        }
        String home = entry != null && entry.length > 5 && !entry[5].isEmpty() ? entry[5] : "/";
        return new ProcessUser(uid, gid, List.copyOf(additional), home);
    }

    private Optional<String[]> lookUpUser(String nameOrUid) {
        return passwd.stream()
                .filter(e -> e.length > 3 && isNumber(e[2]) && isNumber(e[3]))
                .filter(e -> e[0].equals(nameOrUid) || e[2].equals(nameOrUid))
                .findFirst();
    }

    private long groupId(String nameOrGid) {
        if (isNumber(nameOrGid)) {
            return Long.parseLong(nameOrGid);
        }
        return group.stream()
                .filter(g -> g.length > 2 && g[0].equals(nameOrGid) && isNumber(g[2]))
                .map(g -> Long.parseLong(g[2]))
                .findFirst()
                .orElseThrow(() -> new ImageException("the image's group " + nameOrGid + " is not in its /etc/group"));
    }

    private static List<String[]> records(String file) {
        List<String[]> records = new ArrayList<>();
        for (String line : file.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                records.add(line.split(":", -1));
            }
        }
        return records;
    }

    private static boolean isNumber(String text) {
        return !text.isEmpty() && text.chars().allMatch(Character::isDigit) && text.length() < 11;
    }
}
