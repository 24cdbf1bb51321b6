package dev.berth.registry.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static dev.berth.registry.config.Settings.TLS_CERT;
import static dev.berth.registry.config.Settings.TLS_DIRECTORY;
import static dev.berth.registry.config.Settings.TLS_HOSTS;
import static dev.berth.registry.config.Settings.TLS_KEY;
import static dev.berth.registry.config.Settings.TLS_SELFSIGNED;

/** Turns the tls.* settings into a {@link TlsConfig}, refusing combinations that contradict each other. */
final class TlsSection {
    /** Where a self-signed certificate is kept, inside the filesystem storage's root directory. */
    private static final String DIRECTORY_IN_STORAGE = "tls";

    private TlsSection() {
    }

    static TlsConfig resolve(List<ConfigLayer> layers, StorageConfig storage) {
        Optional<Path> cert = ConfigLoader.value(TLS_CERT, layers);
        Optional<Path> key = ConfigLoader.value(TLS_KEY, layers);
        if (ConfigLoader.value(TLS_SELFSIGNED, layers)) {
            if (cert.isPresent() || key.isPresent()) {
                throw new ConfigException(TLS_SELFSIGNED.path() + " is on and " + TLS_CERT.path() + "/" + TLS_KEY.path()
                        + " name files: use either your own certificate or a self-signed one");
            }
            return new TlsConfig.SelfSigned(selfSignedDirectory(layers, storage), ConfigLoader.value(TLS_HOSTS, layers));
        }
        if (cert.isPresent() != key.isPresent()) {
            Setting<?> missing = cert.isPresent() ? TLS_KEY : TLS_CERT;
            throw new ConfigException("HTTPS needs both " + TLS_CERT.path() + " and " + TLS_KEY.path() + ": set "
                    + missing.path() + " (or " + missing.environmentVariable() + ") too");
        }
        return cert.isPresent()
                ? new TlsConfig.CertificateFiles(absolute(cert.get()), absolute(key.get()))
                : new TlsConfig.Off();
    }

    private static Path selfSignedDirectory(List<ConfigLayer> layers, StorageConfig storage) {
        Optional<Path> directory = ConfigLoader.value(TLS_DIRECTORY, layers);
        if (directory.isPresent()) {
            return absolute(directory.get());
        }
        if (storage instanceof FilesystemStorageConfig filesystem) {
            return filesystem.rootDirectory().resolve(DIRECTORY_IN_STORAGE);
        }
        throw new ConfigException(TLS_SELFSIGNED.path() + " with S3 storage needs " + TLS_DIRECTORY.path()
                + " (or " + TLS_DIRECTORY.environmentVariable() + "): a local directory to keep the key and certificate in");
    }

    private static Path absolute(Path path) {
        return path.toAbsolutePath().normalize();
    }
}
