package dev.berth.client.cli;

import picocli.CommandLine.IVersionProvider;

/** The version in the jar's manifest (absent when run from classes). */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = BerthCommand.class.getPackage().getImplementationVersion();
        return new String[] {"berth " + (version == null ? "(development build)" : version)};
    }
}
