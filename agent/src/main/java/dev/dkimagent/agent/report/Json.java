package dev.dkimagent.agent.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.Writer;

/**
 * JSON as the report writes it (Jackson). The bytes are a public contract, kept as they were
 * when the report had its own writer: compact, fields that do not apply (null) left out, and
 * control characters other than \n, \r and \t as lower-case {@code \}{@code u00xx} (Jackson's
 * default writes \b and \f short and its hex in upper case).
 */
final class Json {
    /** Jackson's streaming side alone: the report writes through it without a data-binding start-up. */
    private static final JsonFactory FACTORY = new JsonFactoryBuilder()
            .characterEscapes(new ReportEscapes())
            .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
            .build();

    private Json() {
    }

    /** Records and maps as objects, lists as arrays; null fields and null map values are dropped. */
    static String write(Object value) {
        try {
            return Mapper.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * A generator writing to {@code out} with the same escapes as {@link #write}; closing it flushes
     * and leaves {@code out} open.
     */
    static JsonGenerator generator(Writer out) throws IOException {
        return FACTORY.createGenerator(out).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    }

    /** Built on first use: data binding's start-up (introspection, serializers) is a cost the report does not pay. */
    private static final class Mapper {
        static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.NON_NULL))
                .build();
    }

    /** Jackson's escapes, except \b and \f, which the report has always written as {@code \}{@code u0008}, {@code \}{@code u000c}. */
    private static final class ReportEscapes extends CharacterEscapes {
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        static {
            ASCII['\b'] = CharacterEscapes.ESCAPE_STANDARD;
            ASCII['\f'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null; // nothing beyond ASCII is escaped
        }
    }
}
