package dev.berth.storage.s3;

import dev.berth.storage.StorageException;
import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads S3's answer to a ListObjectsV2 ({@code <ListBucketResult>}) into the SDK's model of it, the
 * fields the driver uses: each object's key, size and modification time, the common prefixes, and
 * whether and where the listing continues. The document comes from the bucket's server; no DTD or
 * external entity in it is ever read.
 */
final class ListingXml {
    private static final XMLInputFactory FACTORY = factory();

    private ListingXml() {}

    static ListObjectsV2Response parse(String xml) {
        ListObjectsV2Response.Builder listing = ListObjectsV2Response.builder();
        List<S3Object> objects = new ArrayList<>();
        List<CommonPrefix> prefixes = new ArrayList<>();
        Deque<String> open = new ArrayDeque<>();
        S3Object.Builder object = null;
        StringBuilder text = new StringBuilder();
        try {
            XMLStreamReader reader = FACTORY.createXMLStreamReader(new StringReader(xml));
            while (reader.hasNext()) {
                switch (reader.next()) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        open.push(reader.getLocalName());
                        text.setLength(0);
                        if ("Contents".equals(reader.getLocalName())) {
                            object = S3Object.builder();
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(reader.getText());
                    case XMLStreamConstants.END_ELEMENT -> {
                        String name = open.pop();
                        String parent = open.peek();
                        String value = text.toString();
                        text.setLength(0);
                        if ("Contents".equals(parent) && object != null) {
                            switch (name) {
                                case "Key" -> object.key(value);
                                case "Size" -> object.size(Long.parseLong(value.trim()));
                                case "LastModified" -> object.lastModified(Instant.parse(value.trim()));
                                default -> {
                                    // ETag, StorageClass, Owner: not used by the driver
                                }
                            }
                        } else if ("Contents".equals(name) && object != null) {
                            objects.add(object.build());
                            object = null;
                        } else if ("CommonPrefixes".equals(parent) && "Prefix".equals(name)) {
                            prefixes.add(CommonPrefix.builder().prefix(value).build());
                        } else if ("ListBucketResult".equals(parent)) {
                            switch (name) {
                                case "IsTruncated" -> listing.isTruncated(Boolean.parseBoolean(value.trim()));
                                case "NextContinuationToken" -> listing.nextContinuationToken(value);
                                default -> {
                                    // Name, Prefix, KeyCount, MaxKeys, Delimiter: the request's own
                                }
                            }
                        }
                    }
                    default -> {
                        // comments, processing instructions, the document's start and end
                    }
                }
            }
        } catch (XMLStreamException | RuntimeException e) {
            throw new StorageException("S3 answered a listing with a document that cannot be read: " + e, e);
        }
        return listing.contents(objects).commonPrefixes(prefixes).build();
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }
}
