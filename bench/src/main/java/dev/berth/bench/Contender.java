package dev.berth.bench;

import dev.berth.testkit.s3.S3Bucket;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A registry the benchmark measures, with how to start it on loopback over a given storage.
 * Both run with their access logs off, so that neither pays for writing one line per request,
 * and on S3 both stream blobs themselves (no redirects), which is what a pull then measures,
 * unless the storage asks for redirects: then both answer blob GETs with a pre-signed URL.
 */
enum Contender {
    BERTH("berth") {
        @Override
        List<String> command(Tools tools, int port, Storage storage, Path workDir, Optional<URI> mirrorOf) {
            return berthCommand(tools.berthRegistry(), port, storage);
        }

        @Override
        Map<String, String> environment(Storage storage, Optional<URI> mirrorOf) {
            Map<String, String> environment = berthEnvironment(storage);
            mirrorOf.ifPresent(upstream -> environment.put(
                    "BERTH_PROXY_UPSTREAMS",
                    "[{\"name\": \"upstream\", \"url\": \"" + upstream + "\", \"repositories\": \"**\"}]"));
            return environment;
        }
    },
    DISTRIBUTION("registry:2") {
        @Override
        List<String> command(Tools tools, int port, Storage storage, Path workDir, Optional<URI> mirrorOf)
                throws IOException {
            // One file per port: two instances may serve one bucket at once.
            Path config = workDir.resolve("distribution-" + port + ".yml");
            List<String> yaml = new ArrayList<>(
                    List.of("version: 0.1", "log:", "  level: warn", "  accesslog:", "    disabled: true", "storage:"));
            if (storage instanceof Storage.Filesystem fs) {
                yaml.addAll(List.of("  filesystem:", "    rootdirectory: " + fs.dataDir()));
            } else if (storage instanceof Storage.S3 s3) {
                S3Bucket bucket = s3.bucket();
                yaml.addAll(List.of(
                        "  s3:",
                        "    accesskey: " + bucket.accessKey(),
                        "    secretkey: " + bucket.secretKey(),
                        "    region: " + bucket.region(),
                        "    regionendpoint: " + bucket.endpoint(),
                        "    forcepathstyle: true",
                        "    bucket: " + bucket.name(),
                        "    secure: false"));
                // Redirects are the s3 driver's default; only streaming needs saying.
                if (!s3.redirect()) {
                    yaml.addAll(List.of("  redirect:", "    disable: true"));
                }
            }
            yaml.addAll(List.of(
                    "  delete:", "    enabled: true", "http:", "  addr: 127.0.0.1:" + port, "  secret: berth-bench"));
            // registry:2's pull-through cache: one upstream, and no pushes.
            mirrorOf.ifPresent(upstream -> yaml.addAll(List.of("proxy:", "  remoteurl: " + upstream)));
            yaml.add("");
            Files.writeString(config, String.join("\n", yaml), StandardCharsets.UTF_8);
            return List.of(tools.distribution().toString(), "serve", config.toString());
        }

        @Override
        Map<String, String> environment(Storage storage, Optional<URI> mirrorOf) {
            return Map.of();
        }
    };

    final String label;

    Contender(String label) {
        this.label = label;
    }

    /** @param mirrorOf the registry it mirrors (a pull-through cache of it), for the mirror scenario */
    abstract List<String> command(Tools tools, int port, Storage storage, Path workDir, Optional<URI> mirrorOf)
            throws IOException;

    /** {@code bin/berth-registry serve} on loopback over {@code storage}: the benchmark's and the soak's. */
    static List<String> berthCommand(Path berthRegistry, int port, Storage storage) {
        String flag = storage instanceof Storage.Filesystem fs ? "fs:" + fs.dataDir() : "s3";
        return List.of(berthRegistry.toString(), "serve", "--listen", "127.0.0.1:" + port, "--storage", flag);
    }

    static Map<String, String> berthEnvironment(Storage storage) {
        Map<String, String> environment = new HashMap<>(Map.of("BERTH_LOG_ACCESSLOG", "false"));
        if (storage instanceof Storage.S3 s3) {
            environment.putAll(s3.bucket().berthEnvironment(s3.redirect()));
            // Measured as deployed: with the warm-up of blob GETs that the test kit turns off.
            environment.remove(S3Bucket.WARM_UP);
        }
        return environment;
    }

    abstract Map<String, String> environment(Storage storage, Optional<URI> mirrorOf);
}
