package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.ClientException;
import dev.berth.client.FailureKind;
import dev.berth.client.copy.ContentSource;
import dev.berth.client.copy.DockerArchiveSource;
import dev.berth.client.copy.LayoutSource;
import dev.berth.oci.Names;
import dev.berth.oci.Reference;
import dev.berth.oci.layout.OciLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an image is, as the command line names it: {@code oci:DIR[:TAG]} or a bare layout
 * directory {@code DIR[:TAG]} (an OCI layout), {@code docker-archive:FILE} (a docker save
 * tarball), or a registry reference, optionally written {@code docker://REF},
 * {@code https://REF} or {@code http://REF}.
 */
sealed interface ImageLocation {

    /** An image to read: a bare directory counts when it holds a layout (its oci-layout file), as for run. */
    static ImageLocation parse(String text) {
        return parse(text, false);
    }

    /**
     * Where to write an image ({@code berth copy}'s destination): a bare path counts as a layout
     * when it is written as one (starting with {@code /}, {@code .} or {@code ~}), since it may not exist yet.
     */
    static ImageLocation destination(String text) {
        return parse(text, true);
    }

    private static ImageLocation parse(String text, boolean mayCreate) {
        if (text.startsWith("oci:")) {
            return Layout.parse(text.substring("oci:".length()));
        }
        if (text.startsWith("docker-archive:")) {
            return new Archive(Path.of(text.substring("docker-archive:".length())));
        }
        if (text.contains("://")) {
            return Registry.parse(text);
        }
        Layout layout = Layout.parse(text);
        if (OciLayout.isMarked(layout.dir()) || (mayCreate && looksLikePath(text))) {
            return layout;
        }
        if (looksLikePath(text)) {
            // No reference starts like a path: without this, "./typo:1" became the registry "." ("https://./v2/").
            throw new ClientException(
                    FailureKind.NOT_FOUND,
                    "no such image or layout: " + text + " (" + layout.dir() + " holds no OCI image layout)");
        }
        return Registry.parse(text);
    }

    /** {@code berth push}'s first argument: a layout directory with an optional tag, or a docker save tarball. */
    static ImageLocation local(String text) {
        if (Files.isRegularFile(Path.of(text))) {
            return new Archive(Path.of(text));
        }
        return Layout.parse(text);
    }

    private static boolean looksLikePath(String text) {
        return text.startsWith("/") || text.startsWith(".") || text.startsWith("~");
    }

    ContentSource source(BerthClient client);

    record Layout(Path dir, String tag) implements ImageLocation {
        static Layout parse(String text) {
            int colon = text.lastIndexOf(':');
            if (colon > 0 && !Files.isDirectory(Path.of(text)) && Names.isTag(text.substring(colon + 1))) {
                return new Layout(Path.of(text.substring(0, colon)), text.substring(colon + 1));
            }
            return new Layout(Path.of(text), null);
        }

        @Override
        public ContentSource source(BerthClient client) {
            return new LayoutSource(OciLayout.open(dir), tag);
        }
    }

    record Archive(Path file) implements ImageLocation {
        @Override
        public ContentSource source(BerthClient client) {
            return DockerArchiveSource.open(file);
        }
    }

    /** A reference in a registry, as written (with its scheme, if any). */
    record Registry(String text) implements ImageLocation {
        static Registry parse(String text) {
            try {
                Reference.parse(Addresses.withoutScheme(text));
            } catch (IllegalArgumentException e) {
                throw new ClientException(
                        FailureKind.USAGE, "no such image or layout: " + text + " (" + e.getMessage() + ")", e);
            }
            return new Registry(text);
        }

        /** The reference, with the scheme written in front of it (if any) given to {@code client}. */
        Reference reference(BerthClient client) {
            return Addresses.reference(text, client);
        }

        @Override
        public ContentSource source(BerthClient client) {
            return client.source(reference(client));
        }
    }
}
