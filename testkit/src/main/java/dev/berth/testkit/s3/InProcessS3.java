package dev.berth.testkit.s3;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * A real S3 protocol server in this JVM: S3Proxy over jclouds' in-memory blob store. Started once
 * for all tests, since Jetty takes a while; each test gets its own bucket instead. The storage-s3
 * module's test-jar makes the AWS SDK's clients for its buckets (S3TestClients).
 */
public final class InProcessS3 {
    private static final String ACCESS_KEY = "berth-test-access";
    private static final String SECRET_KEY = "berth-test-secret";
    private static final String REGION = "us-east-1";
    private static InProcessS3 instance;

    private final BlobStore store;
    private final HeldWrites held;
    private final FailingWrites served;
    private final URI endpoint;
    private S3Proxy proxy;

    private InProcessS3(BlobStore store, HeldWrites held, FailingWrites served, URI endpoint, S3Proxy proxy) {
        this.store = store;
        this.held = held;
        this.served = served;
        this.endpoint = endpoint;
        this.proxy = proxy;
    }

    public static synchronized InProcessS3 get() throws Exception {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /**
     * A server of its own, for a test that stops and restarts it (S3 going away mid-upload)
     * without disturbing the shared one.
     */
    public static InProcessS3 startPrivate() throws Exception {
        return start();
    }

    /** A server of its own that keeps objects as files under {@code directory}: for GiBs that would not fit in memory. */
    public static InProcessS3 startOnDisk(Path directory) throws Exception {
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", directory.toString());
        return start(ContextBuilder.newBuilder("filesystem").overrides(properties));
    }

    private static InProcessS3 start() throws Exception {
        return start(ContextBuilder.newBuilder("transient"));
    }

    private static InProcessS3 start(ContextBuilder context) throws Exception {
        BlobStore store = context.credentials("identity", "credential")
                .build(BlobStoreContext.class)
                .getBlobStore();
        HeldWrites held = new HeldWrites(store);
        FailingWrites served = new FailingWrites(held);
        S3Proxy proxy = launch(served, 0);
        InProcessS3 server =
                new InProcessS3(store, held, served, URI.create("http://127.0.0.1:" + proxy.getPort()), proxy);
        // Jetty's threads are not daemons: without this the forked test JVM would never exit.
        Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly));
        return server;
    }

    private static S3Proxy launch(BlobStore store, int port) throws Exception {
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(store)
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        proxy.start();
        while (!"STARTED".equals(proxy.getState())) {
            Thread.sleep(10);
        }
        return proxy;
    }

    /** Stops answering: connections to the endpoint are refused until {@link #restart()}. */
    public synchronized void stop() throws Exception {
        proxy.stop();
    }

    /** Answers again, on the same port and with the same content. */
    public synchronized void restart() throws Exception {
        proxy = launch(served, endpoint.getPort());
    }

    /** From now on object and part uploads are answered with {@code status} (500, 503), until {@link #stopFailingWrites()}. */
    public void failWrites(int status) {
        served.fail(status);
    }

    /** The next {@code count} object and part uploads are answered with {@code status}; later ones go through. */
    public void failNextWrites(int status, int count) {
        served.failNext(status, count);
    }

    public void stopFailingWrites() {
        served.succeed();
    }

    /**
     * From now on object writes (PutObject) into {@code bucket} wait until the gate is opened: S3
     * slower than a test's client asks.
     */
    public WriteGate holdWrites(String bucket) {
        return held.hold(bucket);
    }

    private synchronized void stopQuietly() {
        try {
            proxy.stop();
        } catch (Exception ignored) {
            // the JVM is going away anyway
        }
    }

    /** Where the server listens, for processes and clients outside this class. */
    public URI endpoint() {
        return endpoint;
    }

    /** The access key this server accepts, to hand to the SDK's default chain (AWS_ACCESS_KEY_ID, aws.accessKeyId). */
    public static String accessKey() {
        return ACCESS_KEY;
    }

    public static String secretKey() {
        return SECRET_KEY;
    }

    /** A new, empty bucket, whose objects the test keeps under {@code prefix} ("" for none). */
    public S3Bucket newBucket(String prefix) {
        String bucket = "berth-" + UUID.randomUUID();
        store.createContainerInLocation(null, bucket);
        return new S3Bucket(endpoint, bucket, REGION, prefix, ACCESS_KEY, SECRET_KEY);
    }

    public void deleteBucket(String bucket) {
        store.deleteContainer(bucket);
    }
}
