package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Settings as operators write them (environment variables, YAML files): written right, wrong, and at random. */
class ConfigValueProperties {
    private static Path dir;

    @BeforeContainer
    static void scratch() throws IOException {
        dir = Files.createTempDirectory("config-properties");
    }

    @AfterContainer
    static void clean() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted((a, b) -> b.compareTo(a)).forEach(path -> path.toFile().delete());
        }
    }

    @Property
    @Label(
            "a duration written as a whole number and a unit, in any case and with blanks around, reads back as that duration")
    void durationsReadBack(
            @ForAll @IntRange(min = 0, max = 999_999_999) int amount,
            @ForAll("units") String unit,
            @ForAll boolean upperCase,
            @ForAll("blanks") String blank) {
        String text = blank + amount + (upperCase ? unit.toUpperCase(Locale.ROOT) : unit) + blank;
        Duration expected = switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };

        assertThat(ValueParser.duration().parse(text)).isEqualTo(expected);
    }

    @Property
    @Label(
            "a count of 0 to 999,999,999 reads back as itself; anything else that is no count is refused with an IllegalArgumentException")
    void countsReadBackOrAreRefused(@ForAll("countLikeText") String text) {
        Throwable failure = catchThrowable(() -> ValueParser.count().parse(text));

        if (text.strip().matches("[0-9]{1,9}")) {
            assertThat(ValueParser.count().parse(text)).isEqualTo(Integer.parseInt(text.strip()));
        } else {
            assertThat(failure).isExactlyInstanceOf(IllegalArgumentException.class);
        }
    }

    @Property
    @Label(
            "every parser of setting values either reads a text or refuses it with an IllegalArgumentException saying why")
    void everyParserReadsOrRefuses(@ForAll("parsers") ValueParser<?> parser, @ForAll("valueText") String text) {
        Throwable failure = catchThrowable(() -> parser.parse(text));

        if (failure != null) {
            assertThat(failure).isExactlyInstanceOf(IllegalArgumentException.class);
            assertThat(failure.getMessage()).isNotBlank();
        }
    }

    @Property
    @Label(
            "any value of any setting in its environment variable loads, or fails with a ConfigException that names the variable or the setting")
    void anyEnvironmentValueLoadsOrNamesTheVariable(
            @ForAll("settings") Setting setting, @ForAll("valueText") String value) {
        Throwable failure = catchThrowable(() ->
                ConfigLoader.load(Optional.empty(), Map.of(setting.environmentVariable(), value), ConfigLayer.empty()));

        if (failure != null) {
            assertThat(failure).isExactlyInstanceOf(ConfigException.class);
            // A value wrong in itself names its variable; one that needs another setting (tls.cert without
            // tls.key) names the setting and the variable that would complete it.
            assertThat(failure.getMessage()).containsAnyOf(setting.environmentVariable(), setting.path());
        }
    }

    @Property
    @Label("any YAML file loads, or fails with a ConfigException that names the file or the settings at fault")
    void anyConfigFileLoadsOrNamesTheFile(@ForAll("yamlText") String yaml) {
        Path file = write(yaml);

        Throwable failure = catchThrowable(() -> ConfigLoader.load(Optional.of(file), Map.of(), ConfigLayer.empty()));

        if (failure != null) {
            assertThat(failure).isExactlyInstanceOf(ConfigException.class);
            // A value wrong in itself or YAML that is none name the file; a setting that needs another
            // (tls.cert without tls.key) names the settings.
            assertThat(failure.getMessage())
                    .satisfiesAnyOf(
                            message -> assertThat(message).contains(file.toString()),
                            message -> assertThat(Settings.ALL).anyMatch(setting -> message.contains(setting.path())));
        }
    }

    private static Path write(String yaml) {
        try {
            Path file = Files.createTempFile(dir, "berth-", ".yml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Provide
    Arbitrary<String> units() {
        return Arbitraries.of("ms", "s", "m", "h", "d");
    }

    @Provide
    Arbitrary<String> blanks() {
        return Arbitraries.of("", " ", "\t", "  ");
    }

    @Provide
    Arbitrary<String> countLikeText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMaxLength(12),
                Arbitraries.strings().withChars("0123456789-+ .e_").ofMaxLength(12),
                Arbitraries.strings().ofMaxLength(10));
    }

    @Provide
    Arbitrary<ValueParser<?>> parsers() {
        return Arbitraries.of(
                ValueParser.bool(),
                ValueParser.path(),
                ValueParser.nonBlank(),
                ValueParser.httpUrl(),
                ValueParser.duration(),
                ValueParser.positiveDuration(),
                ValueParser.count(),
                ValueParser.oneOf(LogLevel.class),
                ValueParser.hostName());
    }

    @Provide
    Arbitrary<Setting> settings() {
        return Arbitraries.of(Settings.ALL);
    }

    /** Values near what settings take (durations, counts, addresses, URLs, lists, JSON) and at random. */
    @Provide
    Arbitrary<String> valueText() {
        return Arbitraries.oneOf(
                Arbitraries.of(
                        "",
                        " ",
                        "0",
                        "-1",
                        "true",
                        "FALSE",
                        "yes",
                        "90s",
                        "0ms",
                        "7d",
                        "999999999d",
                        "1000000000s",
                        "http://",
                        "https://host:99999",
                        "http://[::1]:5000/x",
                        "127.0.0.1:5000",
                        "0.0.0.0:65536",
                        ":5000",
                        "[]",
                        "[{}]",
                        "{\"a\":1}",
                        "a,b,,c",
                        "*",
                        "\u0000",
                        "/tmp/x\u0000y",
                        "fs:",
                        "s3"),
                Arbitraries.strings().ofMaxLength(24),
                Arbitraries.strings().withChars("0123456789:/.[]{},\"hms ").ofMaxLength(16));
    }

    /** YAML: the settings' keys with values of every kind, nested wrongly, and text that is no YAML at all. */
    @Provide
    Arbitrary<String> yamlText() {
        Arbitrary<String> keyPath = Arbitraries.of(Settings.ALL).map(Setting::path);
        Arbitrary<String> entry = Combinators.combine(
                        keyPath, valueText(), Arbitraries.of("", "- ", "[", "{", "&a ", "*a"))
                .as((path, value, decoration) -> nested(path, decoration + value));
        return Arbitraries.oneOf(
                entry.list().ofMaxSize(3).map(entries -> String.join("\n", entries)),
                Arbitraries.strings().ofMaxLength(40),
                Arbitraries.strings().withChars("ab:- \n\t[]{}&*!|>'\"#%@`").ofMaxLength(40));
    }

    private static String nested(String path, String value) {
        String[] keys = path.split("\\.");
        StringBuilder yaml = new StringBuilder();
        for (int i = 0; i < keys.length; i++) {
            yaml.append("  ".repeat(i)).append(keys[i]).append(':');
            yaml.append(i == keys.length - 1 ? " " + value : "\n");
        }
        return yaml.toString();
    }
}
