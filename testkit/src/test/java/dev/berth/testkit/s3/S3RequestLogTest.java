package dev.berth.testkit.s3;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Counting S3 requests on the wire")
class S3RequestLogTest {
    private final S3RequestLog log = new S3RequestLog();

    @Test
    @DisplayName("names each request as the SDK names its call")
    void kinds() {
        assertThat(S3RequestLog.kind("GET", "/b/dir/key", false)).isEqualTo("getObject");
        assertThat(S3RequestLog.kind("HEAD", "/b/dir/key", false)).isEqualTo("headObject");
        assertThat(S3RequestLog.kind("HEAD", "/b", false)).isEqualTo("headBucket");
        assertThat(S3RequestLog.kind("PUT", "/b/key", false)).isEqualTo("putObject");
        assertThat(S3RequestLog.kind("PUT", "/b/key", true)).isEqualTo("copyObject");
        assertThat(S3RequestLog.kind("DELETE", "/b/key", false)).isEqualTo("deleteObject");
        assertThat(S3RequestLog.kind("GET", "/b?list-type=2&prefix=a%2F", false))
                .isEqualTo("listObjectsV2");
        assertThat(S3RequestLog.kind("GET", "/b?prefix=a&uploads", false)).isEqualTo("listMultipartUploads");
        assertThat(S3RequestLog.kind("GET", "/b/key?uploadId=u1", false)).isEqualTo("listParts");
        assertThat(S3RequestLog.kind("POST", "/b/key?uploads", false)).isEqualTo("createMultipartUpload");
        assertThat(S3RequestLog.kind("PUT", "/b/key?partNumber=2&uploadId=u1", false))
                .isEqualTo("uploadPart");
        assertThat(S3RequestLog.kind("PUT", "/b/key?partNumber=2&uploadId=u1", true))
                .isEqualTo("uploadPartCopy");
        assertThat(S3RequestLog.kind("POST", "/b/key?uploadId=u1", false)).isEqualTo("completeMultipartUpload");
        assertThat(S3RequestLog.kind("DELETE", "/b/key?uploadId=u1", false)).isEqualTo("abortMultipartUpload");
    }

    @Test
    @DisplayName("skips bodies by their length or their chunks, however the bytes are split, even bodies that"
            + " look like requests")
    void framing() {
        String lookalike = "GET /b/fake HTTP/1.1\r\n\r\n";
        String stream = "PUT /b/a HTTP/1.1\r\nContent-Length: " + lookalike.length() + "\r\n\r\n" + lookalike
                + "PUT /b/c HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                + Integer.toHexString(lookalike.length()) + "\r\n" + lookalike + "\r\n0\r\n\r\n"
                + "HEAD /b/d HTTP/1.1\r\nHost: x\r\n\r\n"
                + "DELETE /b/e HTTP/1.1\r\ncontent-length: 0\r\n\r\n";
        byte[] bytes = stream.getBytes(StandardCharsets.ISO_8859_1);
        S3RequestLog.Connection connection = log.connection();

        for (int at = 0; at < bytes.length; at += 7) {
            connection.read(bytes, at, Math.min(7, bytes.length - at));
        }

        assertThat(log.counts())
                .containsExactly(
                        Map.entry("deleteObject", 1L), Map.entry("headObject", 1L), Map.entry("putObject", 2L));
        assertThat(log.total()).isEqualTo(4);
        log.clear();
        assertThat(log.counts()).isEmpty();
    }
}
