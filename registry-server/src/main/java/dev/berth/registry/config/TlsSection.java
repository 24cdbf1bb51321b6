package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The tls section as written; {@link #resolve} refuses combinations that contradict each other. */
record TlsSection(
        Optional<Path> cert,
        Optional<Path> key,
        @JsonProperty(defaultValue = "false") boolean selfSigned,

        @JsonDeserialize(contentUsing = ConfigValues.HostName.class)
        List<String> hosts,

        Optional<Path> directory)
        implements ConfigSection {
    /** Where a self-signed certificate is kept, inside the filesystem storage's root directory. */
    private static final String DIRECTORY_IN_STORAGE = "tls";

    TlsConfig resolve(StorageConfig storage) {
        if (selfSigned) {
            if (cert.isPresent() || key.isPresent()) {
                throw new ConfigException("tls.selfSigned is on and tls.cert/tls.key name files:"
                        + " use either your own certificate or a self-signed one");
            }
            return new TlsConfig.SelfSigned(selfSignedDirectory(storage), new HostNames(hosts));
        }
        if (cert.isPresent() != key.isPresent()) {
            String missing = cert.isPresent() ? "tls.key" : "tls.cert";
            throw new ConfigException("HTTPS needs both tls.cert and tls.key: set " + missing + " (or "
                    + Settings.byPath(missing).environmentVariable() + ") too");
        }
        return cert.isPresent()
                ? new TlsConfig.CertificateFiles(absolute(cert.get()), absolute(key.get()))
                : new TlsConfig.Off();
    }

    private Path selfSignedDirectory(StorageConfig storage) {
        if (directory.isPresent()) {
            return absolute(directory.get());
        }
        if (storage instanceof FilesystemStorageConfig filesystem) {
            return filesystem.rootDirectory().resolve(DIRECTORY_IN_STORAGE);
        }
        throw new ConfigException("tls.selfSigned with S3 storage needs tls.directory (or "
                + Settings.byPath("tls.directory").environmentVariable()
                + "): a local directory to keep the key and certificate in");
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
