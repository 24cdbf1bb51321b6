package dev.berth.registry.proxy;

import dev.berth.registry.config.ConfigException;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The configured upstreams, in configuration order: the first whose repositories glob matches a name serves it. */
final class Upstreams {
    private final List<UpstreamSettings> settings;
    private final List<UpstreamClient> clients;

    private Upstreams(List<UpstreamSettings> settings, List<UpstreamClient> clients) {
        this.settings = settings;
        this.clients = clients;
    }

    /** Reads the password files (at start, so that a missing one stops the start) and makes a client per upstream. */
    static Upstreams open(Vertx vertx, List<UpstreamSettings> settings) {
        List<UpstreamClient> clients = new ArrayList<>();
        for (UpstreamSettings upstream : settings) {
            clients.add(
                    new UpstreamClient(vertx, upstream, upstream.passwordFile().map(file -> password(upstream, file))));
        }
        return new Upstreams(List.copyOf(settings), List.copyOf(clients));
    }

    Optional<Route> route(String repository) {
        for (int i = 0; i < settings.size(); i++) {
            UpstreamSettings upstream = settings.get(i);
            Optional<String> remote = upstream.remoteName(repository);
            if (remote.isPresent()) {
                return Optional.of(new Route(repository, clients.get(i), remote.get(), upstream));
            }
        }
        return Optional.empty();
    }

    private static String password(UpstreamSettings upstream, Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new ConfigException(
                    "proxy upstream " + upstream.name() + ": cannot read passwordFile " + file + ": " + e.getMessage(),
                    e);
        }
    }
}
