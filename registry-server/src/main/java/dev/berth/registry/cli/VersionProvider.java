package dev.berth.registry.cli;

import dev.berth.registry.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** Answers --version with the version Maven built. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"berth-registry " + BuildInfo.version()};
    }
}
