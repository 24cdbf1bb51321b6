package dev.berth.registry.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** The storage section as written: both backends' settings; {@link StorageSelection} picks the one meant. */
record StorageSection(Filesystem filesystem, S3 s3) implements ConfigSection {

    record Filesystem(@JsonProperty(defaultValue = "data") Path rootdirectory) implements ConfigSection {}

    record S3(
            String bucket,

            @JsonProperty(defaultValue = "us-east-1") @JsonDeserialize(using = ConfigValues.NonBlank.class)
            String region,

            Optional<URI> endpoint,
            @JsonProperty(defaultValue = "false") boolean pathStyle,
            String prefix,
            @JsonProperty(defaultValue = "false") boolean redirect,

            @JsonProperty(defaultValue = "20MiB") @JsonDeserialize(using = ConfigValues.ByteSize.class)
            long uploadMemory,

            @JsonProperty(defaultValue = "2GiB") @JsonDeserialize(using = ConfigValues.ByteSize.class)
            long warmUp)
            implements ConfigSection {}
}
