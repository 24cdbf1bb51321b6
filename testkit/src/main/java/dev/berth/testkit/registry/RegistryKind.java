package dev.berth.testkit.registry;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Which registry program the interop tests start. The tests are written for Berth; running
 * them against distribution checks the tests themselves, since both must behave alike.
 */
public enum RegistryKind {
    BERTH("berth") {
        @Override
        public RegistryProcess start(Path dataDir) {
            return BerthProcess.start(dataDir);
        }
    },
    DISTRIBUTION("distribution") {
        @Override
        public RegistryProcess start(Path dataDir) {
            return DistributionProcess.start(dataDir);
        }
    };

    public static final String PROPERTY = "interop.registry";

    private final String propertyValue;

    RegistryKind(String propertyValue) {
        this.propertyValue = propertyValue;
    }

    /** Starts this registry on {@code dataDir} and returns once it answers {@code GET /v2/}. */
    public abstract RegistryProcess start(Path dataDir);

    /** From {@code -Dinterop.registry=berth|distribution}; Berth unless told otherwise. */
    public static RegistryKind selected() {
        String value = System.getProperty(PROPERTY, BERTH.propertyValue).trim();
        return Arrays.stream(values())
                .filter(kind -> kind.propertyValue.equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "-D" + PROPERTY + "=" + value + " is neither berth nor distribution"));
    }

    @Override
    public String toString() {
        return propertyValue;
    }
}
