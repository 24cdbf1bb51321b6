package dev.berth.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.berth.storage.StorageException;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;

@DisplayName("Reading S3's ListBucketResult")
class ListingXmlTest {

    @Test
    @DisplayName("takes each object's key, size and time, the common prefixes, and where the listing continues;"
            + " the request's own prefix is not a common prefix")
    void fields() {
        ListObjectsV2Response listing = ListingXml.parse("""
                <?xml version="1.0" encoding="UTF-8"?>
                <ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">
                  <Name>bucket</Name><Prefix>dir/</Prefix><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>
                  <Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>
                  <Contents><Key>dir/a &amp; b</Key><LastModified>2026-12-06T07:10:00.000Z</LastModified>
                    <ETag>"x"</ETag><Size>42</Size><StorageClass>STANDARD</StorageClass></Contents>
                  <CommonPrefixes><Prefix>dir/sub/</Prefix></CommonPrefixes>
                  <NextContinuationToken>token/+=</NextContinuationToken>
                </ListBucketResult>
                """);

        assertThat(listing.contents()).singleElement().satisfies(object -> {
            assertThat(object.key()).isEqualTo("dir/a & b");
            assertThat(object.size()).isEqualTo(42);
            assertThat(object.lastModified()).isEqualTo(Instant.parse("2026-12-06T07:10:00Z"));
        });
        assertThat(listing.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("dir/sub/");
        assertThat(listing.isTruncated()).isTrue();
        assertThat(listing.nextContinuationToken()).isEqualTo("token/+=");
    }

    @Test
    @DisplayName("refuses a document with a DTD, whose entities could read files, and one that is not XML")
    void hostileOrBroken() {
        String withEntity = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<ListBucketResult><Contents><Key>&e;</Key></Contents></ListBucketResult>";

        assertThatThrownBy(() -> ListingXml.parse(withEntity)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> ListingXml.parse("not xml")).isInstanceOf(StorageException.class);
    }
}
