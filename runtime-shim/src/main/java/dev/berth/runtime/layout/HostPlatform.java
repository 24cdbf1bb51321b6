package dev.berth.runtime.layout;

/** This machine's architecture in the GOARCH spelling that image platforms use. */
final class HostPlatform {
    private HostPlatform() {
    }

    static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            case "x86", "i386", "i686" -> "386";
            default -> arch;
        };
    }
}
