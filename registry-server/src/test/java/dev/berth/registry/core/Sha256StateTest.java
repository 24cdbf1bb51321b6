package dev.berth.registry.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("A saved SHA-256 state")
class Sha256StateTest {
    private static final byte[] CONTENT = new byte[300_000];

    static {
        new SplittableRandom(7).nextBytes(CONTENT);
    }

    private static final String NO_SUCH_LIBRARY = "/nonexistent/libcrypto.so.3";
    private static final OpenSslSha256.Library OPENSSL = OpenSslSha256.Library.load(OpenSslSha256.DEFAULT_LIBRARY);

    @Test
    @DisplayName("hashes with OpenSSL's SHA-256 when libcrypto.so.3 loads, as on every machine Berth runs on")
    void openSslInUse() {
        assertThat(Sha256Engines.inUse()).isEqualTo("OpenSSL's SHA-256 (libcrypto.so.3)");
        assertThat(Sha256State.fresh().encode()[0]).isEqualTo(Midstate.FORMAT);
    }

    @Test
    @DisplayName("falls back to the JDK's SHA-256 when OpenSSL cannot be loaded, says why, and hashes all the same")
    void fallsBackToJdk() throws Exception {
        Sha256Engines fallback = Sha256Engines.choose(NO_SUCH_LIBRARY);
        assertThat(JdkSha256.isUsable()).isTrue();
        assertThat(fallback.describe())
                .startsWith("the JDK's SHA-256 (OpenSSL's unavailable: cannot load " + NO_SUCH_LIBRARY);

        Sha256State state = Sha256State.fresh(fallback);
        state.update(ByteBuffer.wrap(CONTENT));
        assertThat(state.encode()[0]).isEqualTo(Midstate.FORMAT);
        assertThat(state.current().toString()).isEqualTo("sha256:" + expected(CONTENT));
    }

    @Test
    @DisplayName("hashes with the JDK's SHA-256 when berth.sha256.engine=jdk, though OpenSSL loads, and says so")
    void jdkEngineChosen() throws Exception {
        Sha256Engines jdk = Sha256Engines.choose(Sha256Engines.JDK, OpenSslSha256.DEFAULT_LIBRARY);
        assertThat(jdk.describe()).isEqualTo("the JDK's SHA-256 (berth.sha256.engine=jdk)");

        Sha256State state = Sha256State.fresh(jdk);
        state.update(ByteBuffer.wrap(CONTENT));
        assertThat(state.current().toString()).isEqualTo("sha256:" + expected(CONTENT));
    }

    @Test
    @DisplayName("refuses an engine name it does not know, naming the ones it does")
    void unknownEngineRefused() {
        assertThatThrownBy(() -> Sha256Engines.choose("openssl3", OpenSslSha256.DEFAULT_LIBRARY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("berth.sha256.engine must be auto or jdk, not 'openssl3'");
    }

    @ParameterizedTest(name = "split at byte {0}")
    @ValueSource(ints = {0, 1, 63, 64, 65, 1000, 299_999, 300_000})
    @DisplayName(
            "saved by OpenSSL's engine is continued by a replica that fell back to the JDK's, and the other way round")
    void enginesContinueEachOther(int split) throws Exception {
        Sha256Engines withOpenSsl = Sha256Engines.choose(OpenSslSha256.DEFAULT_LIBRARY);
        Sha256Engines withoutOpenSsl = Sha256Engines.choose(NO_SUCH_LIBRARY);
        for (Sha256Engines[] pair :
                new Sha256Engines[][] {{withOpenSsl, withoutOpenSsl}, {withoutOpenSsl, withOpenSsl}}) {
            Sha256State first = Sha256State.fresh(pair[0]);
            first.update(ByteBuffer.wrap(CONTENT, 0, split));
            Sha256State second = Sha256State.restore(first.encode(), pair[1]);
            second.update(ByteBuffer.wrap(CONTENT, split, CONTENT.length - split));

            assertThat(second.current().toString()).isEqualTo("sha256:" + expected(CONTENT));
        }
    }

    @ParameterizedTest(name = "split at byte {0}")
    @ValueSource(ints = {0, 1, 63, 64, 65, 1000, 299_999, 300_000})
    @DisplayName("restored elsewhere goes on to the digest of the whole content, wherever the content was split")
    void resumesAnywhere(int split) throws Exception {
        for (Sha256State first : new Sha256State[] {
            fromEngine(OpenSslSha256.fresh(OPENSSL)),
            fromEngine(JdkSha256.fresh()),
            fromEngine(BouncyCastleSha256.fresh())
        }) {
            first.update(ByteBuffer.wrap(CONTENT, 0, split));
            Sha256State second = Sha256State.restore(first.encode());
            second.update(ByteBuffer.wrap(CONTENT, split, CONTENT.length - split));

            assertThat(second.current().toString()).isEqualTo("sha256:" + expected(CONTENT));
        }
    }

    @Test
    @DisplayName(
            "survives being saved and restored after every one of many uneven updates, whatever the engine left buffered")
    void savedAfterEveryUpdate() throws Exception {
        // Enough updates for HotSpot to compile the JDK engine, whose compiled form sometimes keeps a whole block
        // pending.
        for (Sha256State.Engine engine :
                new Sha256State.Engine[] {OpenSslSha256.fresh(OPENSSL), JdkSha256.fresh(), BouncyCastleSha256.fresh()
                }) {
            SplittableRandom pieces = new SplittableRandom(11);
            MessageDigest reference = MessageDigest.getInstance("SHA-256");
            Sha256State state = fromEngine(engine);
            for (int update = 0; update < 20_000; update++) {
                int length = 1 + pieces.nextInt(4096);
                int offset = pieces.nextInt(CONTENT.length - length);
                reference.update(CONTENT, offset, length);
                state.update(ByteBuffer.wrap(CONTENT, offset, length));
                state = Sha256State.restore(state.encode());
            }
            assertThat(state.current().toString())
                    .isEqualTo("sha256:" + HexFormat.of().formatHex(reference.digest()));
        }
    }

    @Test
    @DisplayName("tells the digest so far without disturbing what follows")
    void digestSoFar() throws Exception {
        Sha256State state = Sha256State.fresh();
        state.update(ByteBuffer.wrap(CONTENT, 0, 100));
        assertThat(state.current().toString()).isEqualTo("sha256:" + expected(java.util.Arrays.copyOf(CONTENT, 100)));
        state.update(ByteBuffer.wrap(CONTENT, 100, CONTENT.length - 100));
        assertThat(state.current().toString()).isEqualTo("sha256:" + expected(CONTENT));
    }

    @Test
    @DisplayName("hashes a direct buffer as well as a heap one, and leaves its position alone")
    void directBuffers() throws Exception {
        ByteBuffer direct =
                ByteBuffer.allocateDirect(CONTENT.length).put(CONTENT).flip();
        for (Sha256State state : new Sha256State[] {
            fromEngine(OpenSslSha256.fresh(OPENSSL)),
            fromEngine(JdkSha256.fresh()),
            fromEngine(BouncyCastleSha256.fresh())
        }) {
            state.update(direct);
            assertThat(direct.position()).isZero();
            assertThat(state.current().toString()).isEqualTo("sha256:" + expected(CONTENT));
        }
    }

    @Test
    @DisplayName("hashes read-only buffers, heap and direct, as Netty may hand them over")
    void readOnlyBuffers() throws Exception {
        ByteBuffer heap = ByteBuffer.wrap(CONTENT).asReadOnlyBuffer();
        ByteBuffer direct =
                ByteBuffer.allocateDirect(CONTENT.length).put(CONTENT).flip().asReadOnlyBuffer();
        for (ByteBuffer bytes : new ByteBuffer[] {heap, direct}) {
            for (Sha256State state : new Sha256State[] {
                fromEngine(OpenSslSha256.fresh(OPENSSL)),
                fromEngine(JdkSha256.fresh()),
                fromEngine(BouncyCastleSha256.fresh())
            }) {
                state.update(bytes);
                assertThat(state.current().toString()).isEqualTo("sha256:" + expected(CONTENT));
            }
        }
    }

    @Test
    @DisplayName("that is damaged or of an unknown kind is refused, not hashed on from garbage")
    void corrupt() {
        byte[] saved = Sha256State.fresh().encode();
        assertThatThrownBy(() -> Sha256State.restore(java.util.Arrays.copyOf(saved, saved.length - 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Sha256State.restore(new byte[] {'X', 1, 2}))
                .hasMessageContaining("unknown SHA-256 state format");
        assertThatThrownBy(() -> Sha256State.restore(new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    private static Sha256State fromEngine(Sha256State.Engine engine) {
        return Sha256State.restore(engine.encode());
    }

    private static String expected(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
