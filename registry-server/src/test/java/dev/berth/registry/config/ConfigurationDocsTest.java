package dev.berth.registry.config;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("docs/configuration.md")
class ConfigurationDocsTest {
    /** Maven runs tests in the module's directory; the docs live beside it. */
    private static final Path DOCS = Path.of("..", "docs", "configuration.md");

    @Test
    @DisplayName("Documents every setting with its YAML key, environment variable and default")
    void documentsEverySetting() throws IOException {
        String docs = Files.readString(DOCS);

        for (Setting<?> setting : Settings.ALL) {
            String row = docs.lines()
                    .filter(line -> line.startsWith("|") && line.contains("`" + setting.path() + "`"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no table row for " + setting.path()));
            assertThat(row).contains("`" + setting.environmentVariable() + "`").contains(documentedDefault(setting));
        }
    }

    /** A duration the way the docs and config files write it: 0, 90s, 15m, 1h, 7d. */
    private static String asWritten(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds == 0) {
            return "0";
        }
        for (var unit : List.of(Map.entry(86_400L, "d"), Map.entry(3_600L, "h"), Map.entry(60L, "m"))) {
            if (seconds % unit.getKey() == 0) {
                return seconds / unit.getKey() + unit.getValue();
            }
        }
        return seconds + "s";
    }

    /** A setting that is unset unless given (an S3 bucket, endpoint or prefix) says "none". */
    private static String documentedDefault(Setting<?> setting) {
        Object value = setting.defaultValue();
        if (value instanceof Optional<?> optional) {
            value = optional.map(Object::toString).orElse("");
        }
        if (value instanceof Duration duration) {
            value = asWritten(duration);
        }
        if (value instanceof Enum<?> word) {
            value = word.name().toLowerCase(Locale.ROOT);
        }
        return value.toString().isEmpty() ? "none" : "`" + value + "`";
    }
}
