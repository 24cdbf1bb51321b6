package dev.berth.client.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A token service of the distribution auth spec, for registry:2 configured with
 * {@code auth: token:}. It signs RS256 JWTs with a key whose self-signed certificate is the
 * registry's {@code rootcertbundle}, carried in the token's {@code x5c} header. Anonymous
 * callers get tokens granting nothing; {@code user:password} gets what the scopes ask for.
 */
public final class TokenServer implements AutoCloseable {
    public static final String SERVICE = "berth-test-service";
    public static final String ISSUER = "berth-test-issuer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private final HttpServer server;
    private final PrivateKey key;
    private final X509Certificate certificate;
    private final Credentials accepted;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private TokenServer(PrivateKey key, X509Certificate certificate, Credentials accepted) throws IOException {
        this.key = key;
        this.certificate = certificate;
        this.accepted = accepted;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/token", this::issue);
        server.start();
    }

    /** Starts with the PKCS#8 key and certificate (PEM) that {@code openssl req -x509 -newkey rsa} wrote. */
    public static TokenServer start(Path keyPem, Path certificatePem, Credentials accepted)
            throws IOException, GeneralSecurityException {
        String pem =
                Files.readString(keyPem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("RSA")
                .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        X509Certificate certificate;
        try (var in = Files.newInputStream(certificatePem)) {
            certificate =
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        return new TokenServer(key, certificate, accepted);
    }

    public String realm() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/token";
    }

    /** The query of every token request, with {@code authenticated} or {@code anonymous} before it. */
    public List<String> requests() {
        return requests;
    }

    private void issue(HttpExchange exchange) throws IOException {
        try (exchange) {
            String query = exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : exchange.getRequestURI().getRawQuery();
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            boolean authenticated = ("Basic " + accepted.basicToken()).equals(authorization);
            if (authorization != null && !authenticated) {
                exchange.sendResponseHeaders(401, -1);
                return;
            }
            requests.add((authenticated ? "authenticated " : "anonymous ")
                    + URLDecoder.decode(query, StandardCharsets.UTF_8));
            byte[] body = JSON.createObjectNode()
                    .put("token", jwt(authenticated ? scopes(query) : List.of()))
                    .put("expires_in", 300)
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static List<String> scopes(String query) {
        List<String> scopes = new ArrayList<>();
        for (String parameter : query.split("&")) {
            if (parameter.startsWith("scope=")) {
                scopes.add(URLDecoder.decode(parameter.substring("scope=".length()), StandardCharsets.UTF_8));
            }
        }
        return scopes;
    }

    private String jwt(List<String> scopes) throws GeneralSecurityException {
        ObjectNode header = JSON.createObjectNode().put("typ", "JWT").put("alg", "RS256");
        header.putArray("x5c").add(Base64.getEncoder().encodeToString(certificate.getEncoded()));
        long now = Instant.now().getEpochSecond();
        ObjectNode claims = JSON.createObjectNode()
                .put("iss", ISSUER)
                .put("sub", accepted.username())
                .put("aud", SERVICE)
                .put("exp", now + 300)
                .put("nbf", now - 10)
                .put("iat", now)
                .put("jti", UUID.randomUUID().toString());
        ArrayNode access = claims.putArray("access");
        for (String scope : scopes) {
            String[] parts = scope.split(":");
            if (parts.length == 3) {
                ObjectNode grant = access.addObject().put("type", parts[0]).put("name", parts[1]);
                for (String action : parts[2].split(",")) {
                    grant.withArray("actions").add(action);
                }
            }
        }
        String signingInput = URL.encodeToString(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
                + URL.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(key);
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + URL.encodeToString(signature.sign());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
