package dev.dkimagent.agent.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON as the report writes it (Jackson). The bytes are a public contract, kept as they were
 * when the report had its own writer: compact, fields that do not apply (null) left out, and
 * control characters other than \n, \r and \t as lower-case {@code \}{@code u00xx} (Jackson's
 * default writes \b and \f short and its hex in upper case).
 */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder()
                    .characterEscapes(new ReportEscapes())
                    .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
                    .build())
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                    JsonInclude.Include.NON_NULL))
            .build();

    private Json() {
    }

    /** Records and maps as objects, lists as arrays; null fields and null map values are dropped. */
    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
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
