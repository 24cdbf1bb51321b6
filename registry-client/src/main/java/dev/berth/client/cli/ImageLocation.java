package dev.berth.client.cli;

import dev.berth.client.BerthClient;
import dev.berth.client.copy.ContentSource;
import dev.berth.client.copy.DockerArchiveSource;
import dev.berth.client.copy.LayoutSource;
import dev.berth.oci.Names;
import dev.berth.oci.Reference;
import dev.berth.oci.layout.OciLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where an image is, as the command line names it: {@code oci:DIR[:TAG]} (an OCI layout),
 * {@code docker-archive:FILE} (a docker save tarball), or a registry reference, optionally
 * written {@code docker://REF}.
 */
sealed interface ImageLocation {

    static ImageLocation parse(String text) {
        if (text.startsWith("oci:")) {
            return Layout.parse(text.substring("oci:".length()));
        }
        if (text.startsWith("docker-archive:")) {
            return new Archive(Path.of(text.substring("docker-archive:".length())));
        }
        String reference = text.startsWith("docker://") ? text.substring("docker://".length()) : text;
        return new Registry(Reference.parse(reference));
    }

    /** {@code berth push}'s first argument: a layout directory with an optional tag, or a docker save tarball. */
    static ImageLocation local(String text) {
        if (Files.isRegularFile(Path.of(text))) {
            return new Archive(Path.of(text));
        }
        return Layout.parse(text);
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

    record Registry(Reference reference) implements ImageLocation {
        @Override
        public ContentSource source(BerthClient client) {
            return client.source(reference);
        }
    }
}
