package dev.berth.conformance.suite;

import java.net.URI;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Everything the checks need to know about the registry under test. It travels to the checks as
 * JUnit configuration parameters (see {@link #toParameters()}), so that the command line, this
 * module's tests and a plain {@code -D} system property all configure the suite alike.
 *
 * @param url            the registry's base URL, e.g. {@code http://127.0.0.1:5000}
 * @param namespace      the repository name the checks create their repositories below
 * @param credentials    for basic auth, when the registry needs it
 * @param capabilities   what the registry was declared to do (see {@link Capability})
 * @param chunkMinLength the smallest PATCH chunk the registry takes besides the last (0: no minimum)
 * @param runId          distinguishes this run's repositories from those of earlier runs
 */
public record SuiteConfig(
        URI url,
        String namespace,
        Optional<Credentials> credentials,
        Set<Capability> capabilities,
        long chunkMinLength,
        String runId) {

    public static final String PREFIX = "berth.conformance.";
    public static final String DEFAULT_NAMESPACE = "berth-conformance";

    private static final String URL = "url";
    private static final String NAMESPACE = "namespace";
    private static final String USERNAME = "username";
    private static final String PASSWORD = "password";
    private static final String CHUNK_MIN_LENGTH = "chunkMinLength";
    private static final String RUN_ID = "runId";

    public SuiteConfig {
        capabilities = capabilities.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(capabilities));
        if (chunkMinLength < 0) {
            throw new IllegalArgumentException("the chunk minimum length must not be negative: " + chunkMinLength);
        }
    }

    /** A configuration for {@code url} with every capability at its default. */
    public static SuiteConfig forRegistry(URI url) {
        return new SuiteConfig(url, DEFAULT_NAMESPACE, Optional.empty(), defaultCapabilities(), 0, newRunId());
    }

    public static Set<Capability> defaultCapabilities() {
        EnumSet<Capability> defaults = EnumSet.noneOf(Capability.class);
        for (Capability capability : Capability.values()) {
            if (capability.defaultValue()) {
                defaults.add(capability);
            }
        }
        return defaults;
    }

    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    public SuiteConfig with(Capability capability, boolean present) {
        EnumSet<Capability> changed =
                capabilities.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(capabilities);
        if (present) {
            changed.add(capability);
        } else {
            changed.remove(capability);
        }
        return new SuiteConfig(url, namespace, credentials, changed, chunkMinLength, runId);
    }

    public SuiteConfig withNamespace(String value) {
        return new SuiteConfig(url, value, credentials, capabilities, chunkMinLength, runId);
    }

    public SuiteConfig withCredentials(Credentials value) {
        return new SuiteConfig(url, namespace, Optional.of(value), capabilities, chunkMinLength, runId);
    }

    public SuiteConfig withChunkMinLength(long value) {
        return new SuiteConfig(url, namespace, credentials, capabilities, value, runId);
    }

    /** The configuration as JUnit configuration parameters, every key below {@link #PREFIX}, as the checks read it back. */
    public Map<String, String> toParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put(PREFIX + URL, url.toString());
        parameters.put(PREFIX + NAMESPACE, namespace);
        credentials.ifPresent(c -> {
            parameters.put(PREFIX + USERNAME, c.username());
            parameters.put(PREFIX + PASSWORD, c.password());
        });
        for (Capability capability : Capability.values()) {
            parameters.put(PREFIX + capability.key(), Boolean.toString(has(capability)));
        }
        parameters.put(PREFIX + CHUNK_MIN_LENGTH, Long.toString(chunkMinLength));
        parameters.put(PREFIX + RUN_ID, runId);
        return parameters;
    }

    /** Reads a configuration from parameters as {@link #toParameters()} writes them; only the URL is required. */
    public static SuiteConfig fromParameters(Function<String, Optional<String>> parameter) {
        Function<String, Optional<String>> read =
                key -> parameter.apply(PREFIX + key).map(String::trim).filter(v -> !v.isEmpty());
        URI url = read.apply(URL)
                .map(SuiteConfig::parseUrl)
                .orElseThrow(() -> new IllegalArgumentException(
                        "no registry to test: set the configuration parameter " + PREFIX + URL));
        Optional<Credentials> credentials = read.apply(USERNAME)
                .map(user ->
                        new Credentials(user, parameter.apply(PREFIX + PASSWORD).orElse("")));
        EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (Capability capability : Capability.values()) {
            boolean present =
                    read.apply(capability.key()).map(SuiteConfig::parseBoolean).orElse(capability.defaultValue());
            if (present) {
                capabilities.add(capability);
            }
        }
        return new SuiteConfig(
                url,
                read.apply(NAMESPACE).orElse(DEFAULT_NAMESPACE),
                credentials,
                capabilities,
                read.apply(CHUNK_MIN_LENGTH).map(Long::parseLong).orElse(0L),
                read.apply(RUN_ID).orElseGet(SuiteConfig::newRunId));
    }

    /** The URL without a trailing slash, so that {@code /v2/...} paths resolve against its root. */
    private static URI parseUrl(String text) {
        URI url = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        if (url.getScheme() == null || url.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL: " + text);
        }
        return url;
    }

    private static boolean parseBoolean(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException("not a boolean: " + text);
        };
    }

    /** Six base-36 characters: short in repository names, and enough that two runs never meet. */
    private static String newRunId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(Character.forDigit(random.nextInt(36), 36));
        }
        return id.toString();
    }

    /** Credentials shown without their password. */
    @Override
    public String toString() {
        return "SuiteConfig[url=" + url + ", namespace=" + namespace + ", credentials="
                + credentials.map(Credentials::toString).orElse("none") + ", capabilities=" + capabilities
                + ", chunkMinLength=" + chunkMinLength + ", runId=" + runId + "]";
    }
}
