package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Every setting berth-registry knows, with its default: the list that files, the environment and
 * the docs follow. It is read off the section records themselves ({@link ConfigSections} and the
 * records below it), so a new setting is one record component, with its default in its
 * {@code @JsonProperty}.
 */
public final class Settings {
    public static final List<Setting> ALL = List.copyOf(settingsOf(ConfigSections.class, ""));
    public static final Setting HTTP_LISTEN = byPath("http.listen");
    static final Setting STORAGE_FILESYSTEM_ROOTDIRECTORY = byPath("storage.filesystem.rootdirectory");
    static final Setting STORAGE_S3_BUCKET = byPath("storage.s3.bucket");
    static final Setting STORAGE_S3_UPLOADMEMORY = byPath("storage.s3.uploadMemory");

    private Settings() {}

    /** The setting at {@code path}, which must exist. */
    public static Setting byPath(String path) {
        return find(path).orElseThrow(() -> new IllegalArgumentException("no setting " + path));
    }

    static Optional<Setting> find(String path) {
        return ALL.stream().filter(setting -> setting.path().equals(path)).findFirst();
    }

    /** Whether {@code path} names a group of settings (http, storage.filesystem), not a setting. */
    static boolean isSection(String path) {
        return ALL.stream().anyMatch(setting -> setting.path().startsWith(path + "."));
    }

    private static List<Setting> settingsOf(Class<?> section, String prefix) {
        List<Setting> settings = new ArrayList<>();
        for (RecordComponent component : section.getRecordComponents()) {
            JsonProperty property = propertyOf(section, component);
            String name = property == null || property.value().isEmpty() ? component.getName() : property.value();
            if (ConfigSection.class.isAssignableFrom(component.getType())) {
                settings.addAll(settingsOf(component.getType(), prefix + name + "."));
            } else {
                settings.add(new Setting(
                        prefix + name,
                        property == null ? "" : property.defaultValue(),
                        Collection.class.isAssignableFrom(component.getType())));
            }
        }
        return settings;
    }

    /** A record component's annotation lands on its field, where Jackson reads it too. */
    private static JsonProperty propertyOf(Class<?> section, RecordComponent component) {
        try {
            return section.getDeclaredField(component.getName()).getAnnotation(JsonProperty.class);
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException("a record without the field of its component " + component, e);
        }
    }
}
