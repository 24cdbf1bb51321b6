package dev.berth.client.copy;

/** A repository on a registry host. */
public record RepositoryLocation(String registry, String repository) {}
