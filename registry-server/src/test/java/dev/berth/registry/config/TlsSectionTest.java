package dev.berth.registry.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The tls settings")
class TlsSectionTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("Leave plain HTTP on when none is set")
    void offByDefault() {
        assertThat(RegistryConfig.defaults().tls()).isEqualTo(new TlsConfig.Off());
    }

    @Test
    @DisplayName("Serve the operator's certificate and key, named in the file")
    void certificateFiles() throws IOException {
        assertThat(fromYaml("tls:\n  cert: /etc/berth/chain.pem\n  key: /etc/berth/key.pem\n"))
                .isEqualTo(
                        new TlsConfig.CertificateFiles(Path.of("/etc/berth/chain.pem"), Path.of("/etc/berth/key.pem")));
    }

    @Test
    @DisplayName("Serve the operator's certificate and key, named in BERTH_TLS_CERT and BERTH_TLS_KEY")
    void certificateFilesFromEnvironment() {
        assertThat(fromEnvironment(Map.of("BERTH_TLS_CERT", "/c.pem", "BERTH_TLS_KEY", "/k.pem")))
                .isEqualTo(new TlsConfig.CertificateFiles(Path.of("/c.pem"), Path.of("/k.pem")));
    }

    @Test
    @DisplayName("Keep a self-signed certificate in the storage directory's tls folder, for the hosts listed in YAML")
    void selfSigned() throws IOException {
        TlsConfig tls = fromYaml("""
                storage:
                  filesystem:
                    rootdirectory: /srv/berth
                tls:
                  selfSigned: true
                  hosts: [registry.example, 10.0.0.5]
                """);

        assertThat(tls)
                .isEqualTo(new TlsConfig.SelfSigned(
                        Path.of("/srv/berth/tls"), new HostNames(List.of("registry.example", "10.0.0.5"))));
    }

    @Test
    @DisplayName("Take the self-signed certificate's hosts and directory from BERTH_TLS_HOSTS and BERTH_TLS_DIRECTORY")
    void selfSignedFromEnvironment() {
        assertThat(fromEnvironment(Map.of(
                        "BERTH_TLS_SELFSIGNED",
                        "true",
                        "BERTH_TLS_HOSTS",
                        "a.example, b.example",
                        "BERTH_TLS_DIRECTORY",
                        "/var/lib/berth-tls")))
                .isEqualTo(new TlsConfig.SelfSigned(
                        Path.of("/var/lib/berth-tls"), new HostNames(List.of("a.example", "b.example"))));
    }

    @Test
    @DisplayName("Refuse a certificate without its key")
    void certWithoutKey() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("BERTH_TLS_CERT", "/c.pem")))
                .isInstanceOf(ConfigException.class)
                .hasMessage("HTTPS needs both tls.cert and tls.key: set tls.key (or BERTH_TLS_KEY) too");
    }

    @Test
    @DisplayName("Refuse a self-signed certificate and certificate files at once")
    void selfSignedAndFiles() {
        assertThatThrownBy(() -> fromEnvironment(Map.of("BERTH_TLS_SELFSIGNED", "true", "BERTH_TLS_CERT", "/c.pem")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("use either your own certificate or a self-signed one");
    }

    @Test
    @DisplayName("Need a directory for a self-signed certificate on S3 storage")
    void selfSignedOnS3() {
        assertThatThrownBy(
                        () -> fromEnvironment(Map.of("BERTH_TLS_SELFSIGNED", "true", "BERTH_STORAGE_S3_BUCKET", "b")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("tls.selfSigned with S3 storage needs tls.directory (or BERTH_TLS_DIRECTORY)");
    }

    @Test
    @DisplayName("Refuse a host name with characters no host name has")
    void badHost() {
        assertThatThrownBy(() -> fromEnvironment(
                        Map.of("BERTH_TLS_SELFSIGNED", "true", "BERTH_TLS_HOSTS", "ok.example, not/a/host")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'not/a/host' is not a host name or IP address");
    }

    @Test
    @DisplayName("Refuse a YAML list where a single value belongs")
    void listOnlyWhereAllowed() throws IOException {
        assertThatThrownBy(() -> fromYaml("tls:\n  cert: [a.pem, b.pem]\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("'tls.cert' in config file")
                .hasMessageContaining("needs a single value");
    }

    private TlsConfig fromYaml(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("config.yml"), yaml);
        return ConfigLoader.load(Optional.of(file), Map.of(), ConfigLayer.empty())
                .tls();
    }

    private static TlsConfig fromEnvironment(Map<String, String> environment) {
        return ConfigLoader.load(Optional.empty(), environment, ConfigLayer.empty())
                .tls();
    }
}
