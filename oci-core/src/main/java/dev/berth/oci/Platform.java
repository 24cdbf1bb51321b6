package dev.berth.oci;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The platform an image is built for (image-index.md's {@code platform} object), normalised as
 * docker and containerd do: {@code x86_64} is amd64, {@code i686} is 386, {@code aarch64} is arm64, arm64's default
 * variant is v8 and arm's is v7.
 */
public record Platform(String os, String architecture, String variant) {

    public Platform {
        if (os == null || os.isEmpty() || architecture == null || architecture.isEmpty()) {
            throw new IllegalArgumentException("a platform needs an os and an architecture");
        }
        os = os.toLowerCase(Locale.ROOT);
        String arch = architecture.toLowerCase(Locale.ROOT);
        String normalisedVariant = variant == null || variant.isEmpty() ? null : variant.toLowerCase(Locale.ROOT);
        switch (arch) {
            case "x86_64", "x86-64" -> arch = "amd64";
            case "x86", "i386", "i686" -> arch = "386";
            case "aarch64" -> arch = "arm64";
            case "armhf" -> {
                arch = "arm";
                normalisedVariant = "v7";
            }
            case "armel" -> {
                arch = "arm";
                normalisedVariant = "v6";
            }
            default -> {}
        }
        if (arch.equals("arm64") && (normalisedVariant == null || normalisedVariant.equals("8"))) {
            normalisedVariant = "v8";
        }
        if (arch.equals("arm") && normalisedVariant == null) {
            normalisedVariant = "v7";
        }
        if (arch.equals("arm") && normalisedVariant.matches("[5-8]")) {
            normalisedVariant = "v" + normalisedVariant;
        }
        architecture = arch;
        variant = normalisedVariant;
    }

    /** Parses {@code os/arch[/variant]}, as {@code --platform} takes it. */
    public static Platform parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("/", -1);
        if (parts.length < 2 || parts.length > 3) {
            throw new IllegalArgumentException("platform must be os/arch[/variant]: " + text);
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    /** The platform of an index entry, or null when it has none. */
    public static Platform of(Descriptor descriptor) {
        Map<String, Object> platform = descriptor.platform();
        Object os = platform.get("os");
        Object architecture = platform.get("architecture");
        if (!(os instanceof String) || !(architecture instanceof String)) {
            return null;
        }
        Object variant = platform.get("variant");
        return new Platform((String) os, (String) architecture, variant instanceof String v ? v : null);
    }

    /** The platform this JVM runs on. */
    public static Platform current() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return new Platform(
                os.startsWith("windows") ? "windows" : os.startsWith("mac") ? "darwin" : os,
                System.getProperty("os.arch"),
                null);
    }

    /**
     * How well an image for {@code candidate} runs here: 0 is no match, higher is better. An exact
     * match wins; arm runs older variants too, the nearest first, as docker's matcher prefers.
     */
    public int score(Platform candidate) {
        if (candidate == null || !os.equals(candidate.os) || !architecture.equals(candidate.architecture)) {
            return 0;
        }
        if (Objects.equals(variant, candidate.variant)) {
            return 100;
        }
        if (architecture.equals("arm")
                && variant != null
                && candidate.variant != null
                && candidate.variant.compareTo(variant) < 0) {
            return 100 - (variant.charAt(1) - candidate.variant.charAt(1));
        }
        return 0;
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
