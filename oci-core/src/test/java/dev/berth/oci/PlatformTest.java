package dev.berth.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PlatformTest {
    private static final Digest A = Digest.sha256(new byte[] {1});
    private static final Digest B = Digest.sha256(new byte[] {2});
    private static final Digest C = Digest.sha256(new byte[] {3});

    private static Descriptor entry(Digest digest, String os, String arch, String variant) {
        Map<String, Object> platform = variant == null
                ? Map.of("os", os, "architecture", arch)
                : Map.of("os", os, "architecture", arch, "variant", variant);
        return new Descriptor(MediaTypes.OCI_MANIFEST, digest, 10, null, null, null, platform);
    }

    @Test
    @DisplayName("normalises the architecture names and default variants docker normalises")
    void normalises() {
        assertThat(Platform.parse("linux/x86_64")).hasToString("linux/amd64");
        assertThat(Platform.parse("linux/i686")).hasToString("linux/386");
        assertThat(Platform.parse("linux/aarch64")).hasToString("linux/arm64/v8");
        assertThat(Platform.parse("linux/arm")).hasToString("linux/arm/v7");
        assertThat(Platform.parse("Linux/ARM64/v8")).isEqualTo(Platform.parse("linux/arm64"));
    }

    @Test
    @DisplayName("refuses a platform without os and architecture")
    void rejectsIncomplete() {
        assertThatThrownBy(() -> Platform.parse("linux")).hasMessageContaining("os/arch");
        assertThatThrownBy(() -> Platform.parse("linux/amd64/v1/x")).hasMessageContaining("os/arch");
    }

    @Test
    @DisplayName("chooses the index entry of the wanted platform, whatever its position")
    void choosesTheMatchingEntry() {
        List<Descriptor> index = List.of(
                entry(A, "linux", "amd64", null), entry(B, "linux", "arm64", "v8"), entry(C, "windows", "amd64", null));
        assertThat(PlatformSelection.choose(index, Platform.parse("linux/arm64")))
                .get()
                .extracting(Descriptor::digest)
                .isEqualTo(B);
        assertThat(PlatformSelection.choose(index, Platform.parse("linux/amd64")))
                .get()
                .extracting(Descriptor::digest)
                .isEqualTo(A);
        assertThat(PlatformSelection.choose(index, Platform.parse("linux/s390x")))
                .isEmpty();
    }

    @Test
    @DisplayName("lets arm v7 run a v6 image when there is no v7 one, and prefers the exact variant")
    void armFallsBackToOlderVariants() {
        List<Descriptor> olderOnly = List.of(entry(A, "linux", "arm", "v5"), entry(B, "linux", "arm", "v6"));
        assertThat(PlatformSelection.choose(olderOnly, Platform.parse("linux/arm/v7")))
                .get()
                .extracting(Descriptor::digest)
                .isEqualTo(B);
        List<Descriptor> withExact = List.of(entry(B, "linux", "arm", "v6"), entry(C, "linux", "arm", "v7"));
        assertThat(PlatformSelection.choose(withExact, Platform.parse("linux/arm/v7")))
                .get()
                .extracting(Descriptor::digest)
                .isEqualTo(C);
        assertThat(PlatformSelection.choose(List.of(entry(C, "linux", "arm", "v7")), Platform.parse("linux/arm/v6")))
                .isEmpty();
    }
}
