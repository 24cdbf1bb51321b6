package dev.berth.runtime.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.berth.runtime.layout.ImageException;
import dev.berth.runtime.layout.LayoutImage;
import dev.berth.runtime.unpack.RootfsFiles;
import dev.berth.runtime.unpack.Unpacker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Makes an OCI runtime bundle (runtime-spec bundle.md): the image unpacked into rootfs/, and config.json. */
public final class BundleWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HostIdentity host;

    public BundleWriter(HostIdentity host) {
        this.host = host;
    }

    /** @return the layer entries that were left out, for a warning */
    public List<String> write(LayoutImage image, Path bundle, RunOptions options) throws IOException {
        requireEmpty(bundle);
        Path rootfs = bundle.resolve("rootfs");
        List<String> skipped = new Unpacker(host.root()).unpack(image, rootfs);
        UserResolver users =
                new UserResolver(RootfsFiles.read(rootfs, "/etc/passwd"), RootfsFiles.read(rootfs, "/etc/group"));
        ProcessUser user = users.resolve(
                options.user() != null ? options.user() : image.config().user());
        RuntimeSpec spec = new RuntimeSpec(image.config(), user, options, host);
        JSON.writerWithDefaultPrettyPrinter()
                .writeValue(bundle.resolve("config.json").toFile(), spec.toJson());
        return skipped;
    }

    private static void requireEmpty(Path bundle) throws IOException {
        if (!Files.exists(bundle)) {
            Files.createDirectories(bundle);
            return;
        }
        if (!Files.isDirectory(bundle)) {
            throw new ImageException(bundle + " exists and is not a directory");
        }
        try (Stream<Path> children = Files.list(bundle)) {
            if (children.findAny().isPresent()) {
                throw new ImageException("the bundle directory " + bundle + " is not empty");
            }
        }
    }
}
