package dev.dkimagent.agent.alert;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading and writing the stored formats field by field, on Jackson's tree: an object must have
 * exactly the fields its format lists (none missing, none unknown), each of the expected kind.
 */
final class StrictJson {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private StrictJson() {
    }

    static ObjectNode parseObject(String json, String what) {
        try {
            return object(MAPPER.readTree(json), what);
        } catch (JsonProcessingException e) {
            throw new StoredFormatException(what + " is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The node as an object with exactly {@code fields}. */
    static ObjectNode object(JsonNode node, String what, Set<String> fields) {
        ObjectNode o = object(node, what);
        Set<String> present = new TreeSet<>();
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            present.add(it.next());
        }
        Set<String> unknown = new TreeSet<>(present);
        unknown.removeAll(fields);
        Set<String> missing = new TreeSet<>(fields);
        missing.removeAll(present);
        if (!unknown.isEmpty() || !missing.isEmpty()) {
            throw new StoredFormatException(what + " does not match its format: unknown fields " + unknown
                    + ", missing fields " + missing);
        }
        return o;
    }

    static String text(ObjectNode o, String field, String what) {
        JsonNode v = o.get(field);
        if (v.isNull()) {
            return null;
        }
        if (!v.isTextual()) {
            throw new StoredFormatException(what + ": '" + field + "' is not a string");
        }
        return v.textValue();
    }

    static String requiredText(ObjectNode o, String field, String what) {
        String v = text(o, field, what);
        if (v == null) {
            throw new StoredFormatException(what + ": '" + field + "' is null");
        }
        return v;
    }

    static Instant instant(ObjectNode o, String field, String what) {
        String v = text(o, field, what);
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            throw new StoredFormatException(what + ": '" + field + "' is not an ISO-8601 instant: " + v, e);
        }
    }

    static <E extends Enum<E>> E constant(Class<E> type, String name, String field, String what) {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new StoredFormatException(what + ": '" + field + "' has unknown value " + name, e);
        }
    }

    static List<JsonNode> array(ObjectNode o, String field, String what) {
        JsonNode v = o.get(field);
        if (!v.isArray()) {
            throw new StoredFormatException(what + ": '" + field + "' is not an array");
        }
        List<JsonNode> out = new ArrayList<>();
        v.forEach(out::add);
        return out;
    }

    static ArrayNode arrayNode() {
        return MAPPER.createArrayNode();
    }

    static ObjectNode objectNode() {
        return MAPPER.createObjectNode();
    }

    static String instantText(Instant at) {
        return at == null ? null : at.toString();
    }

    private static ObjectNode object(JsonNode node, String what) {
        if (node == null || !node.isObject()) {
            throw new StoredFormatException(what + " is not a JSON object");
        }
        return (ObjectNode) node;
    }
}
