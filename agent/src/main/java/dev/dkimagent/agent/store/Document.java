package dev.dkimagent.agent.store;

import java.util.Objects;

/**
 * A document another package encoded, kept verbatim with the version of its format. The store
 * never reads inside it: the codec that wrote it reads it back and refuses a version it does not
 * know, so no field is ever dropped silently.
 *
 * @param format the format version the codec wrote (positive)
 * @param json   the encoded document
 */
public record Document(int format, String json) {

    public Document {
        if (format <= 0) {
            throw new IllegalArgumentException("format version must be positive, got " + format);
        }
        Objects.requireNonNull(json, "json");
    }
}
