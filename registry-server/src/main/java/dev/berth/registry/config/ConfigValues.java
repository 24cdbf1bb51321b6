package dev.berth.registry.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How Jackson turns the setting tree's values into Java values. A value comes as text from the
 * environment or a flag and as a YAML scalar from a file, so each type is read from text by one
 * {@link ValueParser}, whose message says what is wrong; blank text is "none" for an Optional.
 */
final class ConfigValues {
    static final ObjectMapper MAPPER = JsonMapper.builder().addModule(module()).build();

    private ConfigValues() {}

    private static SimpleModule module() {
        SimpleDeserializers deserializers = new SimpleDeserializers() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            public JsonDeserializer<?> findEnumDeserializer(
                    Class<?> type, DeserializationConfig config, BeanDescription bean) {
                return new Text(type, ValueParser.oneOf((Class<Enum>) type));
            }

            @Override
            public JsonDeserializer<?> findBeanDeserializer(
                    JavaType type, DeserializationConfig config, BeanDescription bean) throws JsonMappingException {
                return type.hasRawClass(Optional.class)
                        ? new OptionalOrNone(type.containedTypeOrUnknown(0), null)
                        : super.findBeanDeserializer(type, config, bean);
            }
        };
        deserializers.addDeserializer(Boolean.class, new Text<>(Boolean.class, ValueParser.bool()));
        deserializers.addDeserializer(Boolean.TYPE, new Text<>(Boolean.class, ValueParser.bool()));
        deserializers.addDeserializer(Integer.class, new Text<>(Integer.class, ValueParser.count()));
        deserializers.addDeserializer(Integer.TYPE, new Text<>(Integer.class, ValueParser.count()));
        deserializers.addDeserializer(String.class, new Text<>(String.class, String::trim));
        deserializers.addDeserializer(Duration.class, new Text<>(Duration.class, ValueParser.duration()));
        deserializers.addDeserializer(Path.class, new Text<>(Path.class, ValueParser.path()));
        deserializers.addDeserializer(URI.class, new Text<>(URI.class, ValueParser.httpUrl()));
        deserializers.addDeserializer(ListenAddress.class, new Text<>(ListenAddress.class, ListenAddress::parse));
        SimpleModule config = new SimpleModule("berth-config");
        config.setDeserializers(deserializers);
        return config;
    }

    /** A value read from a scalar's text. */
    static class Text<T> extends StdDeserializer<T> {
        private final ValueParser<? extends T> parser;

        Text(Class<T> type, ValueParser<? extends T> parser) {
            super(type);
            this.parser = parser;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.currentToken().isScalarValue()) {
                throw MismatchedInputException.from(p, handledType(), "needs a single value");
            }
            String text = p.getValueAsString();
            try {
                return parser.parse(text);
            } catch (IllegalArgumentException e) {
                throw InvalidFormatException.from(p, e.getMessage(), text, handledType());
            }
        }
    }

    /** Text that is not blank (a region, an issuer). */
    static final class NonBlank extends Text<String> {
        NonBlank() {
            super(String.class, ValueParser.nonBlank());
        }
    }

    /** A duration that cannot be none (a token's lifetime). */
    static final class PositiveDuration extends Text<Duration> {
        PositiveDuration() {
            super(Duration.class, ValueParser.positiveDuration());
        }
    }

    /** An amount of memory (see {@link ValueParser#byteSize()}). */
    static final class ByteSize extends Text<Long> {
        ByteSize() {
            super(Long.class, ValueParser.byteSize());
        }
    }

    /** How many event loops serve connections: 0 (one per processor) up to {@link HttpConfig#MAX_EVENT_LOOPS}. */
    static final class EventLoopCount extends Text<Integer> {
        EventLoopCount() {
            super(Integer.class, ValueParser.countUpTo(HttpConfig.MAX_EVENT_LOOPS));
        }
    }

    /** A host name or IP address for a certificate. */
    static final class HostName extends Text<String> {
        HostName() {
            super(String.class, ValueParser.hostName());
        }
    }

    /** An Optional: empty for blank text, else its content's value. */
    private static final class OptionalOrNone extends StdDeserializer<Optional<?>> implements ContextualDeserializer {
        private final transient JavaType type;
        private final transient JsonDeserializer<?> contents;

        /** @param type what the Optional holds */
        OptionalOrNone(JavaType type, JsonDeserializer<?> contents) {
            super(Optional.class);
            this.type = type;
            this.contents = contents;
        }

        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property)
                throws JsonMappingException {
            return new OptionalOrNone(type, ctxt.findContextualValueDeserializer(type, property));
        }

        @Override
        public Optional<?> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.currentToken().isScalarValue() && p.getValueAsString().isBlank()) {
                return Optional.empty();
            }
            return Optional.of(contents.deserialize(p, ctxt));
        }

        @Override
        public Optional<?> getNullValue(DeserializationContext ctxt) {
            return Optional.empty();
        }
    }
}
