package dev.berth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A registry the benchmark measures, with how to start it on loopback with filesystem storage.
 * Both run with their access logs off, so that neither pays for writing one line per request.
 */
enum Contender {
    BERTH("berth") {
        @Override
        List<String> command(Tools tools, int port, Path dataDir, Path workDir) {
            return List.of(tools.berthRegistry().toString(), "serve",
                    "--listen", "127.0.0.1:" + port, "--storage", "fs:" + dataDir);
        }

        @Override
        Map<String, String> environment() {
            return Map.of("BERTH_LOG_ACCESSLOG", "false");
        }
    },
    DISTRIBUTION("registry:2") {
        @Override
        List<String> command(Tools tools, int port, Path dataDir, Path workDir) throws IOException {
            Path config = workDir.resolve("distribution.yml");
            Files.writeString(config, String.join("\n",
                    "version: 0.1",
                    "log:",
                    "  level: warn",
                    "  accesslog:",
                    "    disabled: true",
                    "storage:",
                    "  filesystem:",
                    "    rootdirectory: " + dataDir,
                    "  delete:",
                    "    enabled: true",
                    "http:",
                    "  addr: 127.0.0.1:" + port,
                    "  secret: berth-bench",
                    ""), StandardCharsets.UTF_8);
            return List.of(tools.distribution().toString(), "serve", config.toString());
        }

        @Override
        Map<String, String> environment() {
            return Map.of();
        }
    };

    final String label;

    Contender(String label) {
        this.label = label;
    }

    abstract List<String> command(Tools tools, int port, Path dataDir, Path workDir) throws IOException;

    abstract Map<String, String> environment();
}
