package dev.berth.registry.http;

import dev.berth.oci.DistributionException;
import dev.berth.oci.ErrorCode;
import io.vertx.ext.web.RoutingContext;
import java.util.List;

/**
 * Refuses a request whose body is framed in a way the registry does not read: a transfer coding
 * other than plain chunked. Netty reads such a request as having no body, so its body would
 * follow as the next "request" on the connection; refused with 501 (RFC 9112: a coding not
 * understood), the connection is closed after the answer.
 */
public final class MessageFraming {
    private MessageFraming() {}

    public static void refuseUnknownCodings(RoutingContext ctx) {
        List<String> codings = ctx.request().headers().getAll("Transfer-Encoding");
        if (codings.isEmpty() || (codings.size() == 1 && codings.get(0).trim().equalsIgnoreCase("chunked"))) {
            ctx.next();
            return;
        }
        ctx.fail(new DistributionException(
                ErrorCode.UNSUPPORTED,
                501,
                "Transfer-Encoding " + String.join(", ", codings)
                        + " is not supported; send chunked or a Content-Length",
                null));
    }
}
