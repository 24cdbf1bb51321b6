package dev.berth.runtime.unpack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributeView;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collections;
import java.util.stream.Stream;

/**
 * A scratch directory with a victim tree (directories, files and a link whose names are also
 * the generated entries' names) and, eight levels down, the empty rootfs to unpack into. Everything
 * in it gets an owner and an mtime no layer entry has, so a change by an unpack shows. Link
 * targets name the victim through placeholders: {@value #VICTIM} is its absolute path,
 * {@value #UP} the {@code ..} steps from the link's directory up to the scratch directory.
 */
record VictimScene(Path scratch, Path victim, Path rootfs) {
    static final String VICTIM = "$VICTIM";
    static final String UP = "$UP";
    private static final String ROOTFS = "1/2/3/4/5/6/7/rootfs";
    private static final int ROOTFS_DEPTH = 8;
    private static final int OWNER = 4242;
    private static final FileTime MTIME = FileTime.from(Instant.ofEpochSecond(1_234_567_890L));

    static VictimScene create(Path scratch) throws IOException {
        Path victim = directory(scratch.resolve("victim"), 0755);
        directory(victim.resolve("a"), 0700);
        directory(victim.resolve("a/b"), 0750);
        file(victim.resolve("a/b/c"), 0600);
        directory(victim.resolve("b"), 0711);
        file(victim.resolve("b/c"), 0644);
        file(victim.resolve("c"), 0640);
        Files.createSymbolicLink(victim.resolve("link"), Path.of("a"));
        Path rootfs = Files.createDirectories(scratch.resolve(ROOTFS));
        try (Stream<Path> paths = Files.walk(scratch)) {
            for (Path path : paths.toList()) {
                Files.setAttribute(path, "unix:uid", OWNER, LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(path, "unix:gid", OWNER, LinkOption.NOFOLLOW_LINKS);
                Files.getFileAttributeView(path, BasicFileAttributeView.class, LinkOption.NOFOLLOW_LINKS)
                        .setTimes(MTIME, null, null);
            }
        }
        return new VictimScene(scratch, victim, rootfs);
    }

    /** @param linkName the name of the link entry, whose depth decides how many steps reach the scratch directory */
    String linkTarget(String template, String linkName) {
        int parents = (int) Stream.of(linkName.split("/"))
                        .filter(c -> !c.isEmpty() && !c.equals("."))
                        .count()
                - 1;
        String up = String.join("/", Collections.nCopies(parents + ROOTFS_DEPTH, ".."));
        return template.replace(VICTIM, victim.toString()).replace(UP, up);
    }

    private static Path directory(Path path, int mode) throws IOException {
        Files.createDirectories(path);
        Files.setAttribute(path, "unix:mode", mode);
        return path;
    }

    private static void file(Path path, int mode) throws IOException {
        Files.writeString(path, "victim's " + path.getFileName());
        Files.setAttribute(path, "unix:mode", mode);
    }
}
