package dev.berth.registry;

import dev.berth.registry.config.ListenAddress;
import io.vertx.core.Deployable;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.SocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * The API's HTTP servers: one on each event loop, all on one port. A Vert.x server serves every
 * connection it accepts on the event loop it listens from, so a single server held all the
 * registry's connections to one core (eight parallel blob pulls ran on one thread while registry:2
 * used both cores). Servers listening on the same port from different event loops share the socket,
 * and Vert.x hands each new connection to the next of them in turn.
 *
 * <p>Everything the request pipeline shares between requests must therefore be safe to use from
 * several threads at once (see docs/architecture.md, "Threads").
 */
final class ServersPerEventLoop {
    /**
     * Tells servers asked for port 0 apart from any other server of the process that asks for a
     * random port: the API's servers share one, the S3 relay's warm-up ({@link RelayWarmUps}) another.
     */
    static final int API_PORT_ID = 1;

    static final int WARM_UP_PORT_ID = 2;

    private ServersPerEventLoop() {}

    /**
     * Deploys {@code count} servers made by {@code create}, each on an event loop of its own, listening
     * on {@code address} (port 0: one free port, the same for all servers of {@code portId}).
     *
     * @return the servers, once all listen; failed, with none left listening, when one cannot
     */
    static Future<List<HttpServer>> listen(
            Vertx vertx, int count, ListenAddress address, int portId, Supplier<HttpServer> create) {
        SocketAddress socket = address.port() == 0
                ? SocketAddress.sharedRandomPort(portId, address.host())
                : SocketAddress.inetSocketAddress(address.port(), address.host());
        List<HttpServer> servers = new CopyOnWriteArrayList<>();
        // A deployment's instances each get a context on the next event loop; contexts made from the
        // caller's (non-Vert.x) thread would all stick to one loop.
        Supplier<Deployable> listening =
                () -> context -> create.get().listen(socket).onSuccess(servers::add);
        return vertx.deployVerticle(listening, new DeploymentOptions().setInstances(count))
                .map(deployment -> List.copyOf(servers));
    }
}
