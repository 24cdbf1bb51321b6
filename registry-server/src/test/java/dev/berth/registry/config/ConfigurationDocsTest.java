package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("docs/configuration.md")
class ConfigurationDocsTest {
    /** Maven runs tests in the module's directory; the docs live beside it. */
    private static final Path DOCS = Path.of("..", "docs", "configuration.md");

    @Test
    @DisplayName("Documents every setting with its YAML key, environment variable and default")
    void documentsEverySetting() throws IOException {
        String docs = Files.readString(DOCS);

        for (Setting setting : Settings.ALL) {
            String row = docs.lines()
                    .filter(line -> line.startsWith("|") && line.contains("`" + setting.path() + "`"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no table row for " + setting.path()));
            assertThat(row).contains("`" + setting.environmentVariable() + "`").contains(documentedDefault(setting));
        }
    }

    /** A setting that is unset unless given (an S3 bucket, endpoint or prefix) says "none". */
    private static String documentedDefault(Setting setting) {
        return setting.defaultText().isEmpty() ? "none" : "`" + setting.defaultText() + "`";
    }
}
