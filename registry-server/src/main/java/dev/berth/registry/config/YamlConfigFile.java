package dev.berth.registry.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a YAML config file into a layer. The file nests the dotted setting paths
 * ({@code http: {listen: ...}}); every key must lead to a known setting, so that a typo fails
 * loudly instead of silently leaving a default in place. Values stay YAML: a list stays a list.
 */
public final class YamlConfigFile {
    private final Path file;
    private final ValueSource source;

    private YamlConfigFile(Path file) {
        this.file = file;
        this.source = ValueSource.file(file);
    }

    public static ConfigLayer read(Path file) {
        return new YamlConfigFile(file).read();
    }

    private ConfigLayer read() {
        JsonNode root = parse();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return ConfigLayer.empty();
        }
        if (!root.isObject()) {
            throw new ConfigException(
                    source + " must hold a mapping of settings, such as 'http: {listen: 0.0.0.0:5000}'");
        }
        return readSection("", root, ConfigLayer.empty());
    }

    private JsonNode parse() {
        // Built here rather than held in a static field, so that runs without a file never load YAML support.
        YAMLMapper mapper = YAMLMapper.builder()
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .build();
        try (InputStream in = Files.newInputStream(file)) {
            return mapper.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ConfigException(source + " is not valid YAML: " + e.getOriginalMessage() + locationOf(e), e);
        } catch (NoSuchFileException e) {
            throw new ConfigException(source + " does not exist", e);
        } catch (IOException e) {
            throw new ConfigException("cannot read " + source + ": " + e, e);
        }
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
    }

    private ConfigLayer readSection(String prefix, JsonNode section, ConfigLayer layer) {
        ConfigLayer result = layer;
        for (Map.Entry<String, JsonNode> field : section.properties()) {
            result = readEntry(prefix + field.getKey(), field.getValue(), result);
        }
        return result;
    }

    private ConfigLayer readEntry(String path, JsonNode value, ConfigLayer layer) {
        var setting = Settings.find(path);
        if (setting.isPresent()) {
            if (!(value.isArray() && setting.get().list()) && (value.isNull() || !value.isValueNode())) {
                throw new ConfigException("'" + path + "' in " + source + " needs a single value");
            }
            return layer.with(setting.get(), value, source);
        }
        if (Settings.isSection(path)) {
            if (value.isNull()) {
                return layer;
            }
            if (!value.isObject()) {
                throw new ConfigException("'" + path + "' in " + source
                        + " is a section, not a value; its settings are " + pathsWithin(path + "."));
            }
            return readSection(path + ".", value, layer);
        }
        throw new ConfigException(
                "unknown setting '" + path + "' in " + source + "; known settings are " + pathsWithin(""));
    }

    private static String pathsWithin(String prefix) {
        return Settings.ALL.stream()
                .map(Setting::path)
                .filter(path -> path.startsWith(prefix))
                .collect(Collectors.joining(", "));
    }
}
