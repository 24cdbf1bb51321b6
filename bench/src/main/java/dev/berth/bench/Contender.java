package dev.berth.bench;

import dev.berth.testkit.s3.S3Bucket;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A registry the benchmark measures, with how to start it on loopback over a given storage.
 * Both run with their access logs off, so that neither pays for writing one line per request,
 * and on S3 both stream blobs themselves (no redirects), which is what a pull then measures.
 */
enum Contender {
    BERTH("berth") {
        @Override
        List<String> command(Tools tools, int port, Storage storage, Path workDir) {
            return berthCommand(tools.berthRegistry(), port, storage);
        }

        @Override
        Map<String, String> environment(Storage storage) {
            return berthEnvironment(storage);
        }
    },
    DISTRIBUTION("registry:2") {
        @Override
        List<String> command(Tools tools, int port, Storage storage, Path workDir) throws IOException {
            Path config = workDir.resolve("distribution.yml");
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
                        "    secure: false",
                        "  redirect:",
                        "    disable: true"));
            }
            yaml.addAll(List.of(
                    "  delete:",
                    "    enabled: true",
                    "http:",
                    "  addr: 127.0.0.1:" + port,
                    "  secret: berth-bench",
                    ""));
            Files.writeString(config, String.join("\n", yaml), StandardCharsets.UTF_8);
            return List.of(tools.distribution().toString(), "serve", config.toString());
        }

        @Override
        Map<String, String> environment(Storage storage) {
            return Map.of();
        }
    };

    final String label;

    Contender(String label) {
        this.label = label;
    }

    abstract List<String> command(Tools tools, int port, Storage storage, Path workDir) throws IOException;

    /** {@code bin/berth-registry serve} on loopback over {@code storage}: the benchmark's and the soak's. */
    static List<String> berthCommand(Path berthRegistry, int port, Storage storage) {
        String flag = storage instanceof Storage.Filesystem fs ? "fs:" + fs.dataDir() : "s3";
        return List.of(berthRegistry.toString(), "serve", "--listen", "127.0.0.1:" + port, "--storage", flag);
    }

    static Map<String, String> berthEnvironment(Storage storage) {
        Map<String, String> environment = new HashMap<>(Map.of("BERTH_LOG_ACCESSLOG", "false"));
        if (storage instanceof Storage.S3 s3) {
            environment.putAll(s3.bucket().berthEnvironment(false));
        }
        return environment;
    }

    abstract Map<String, String> environment(Storage storage);
}
