package dev.dkimagent.agent.alert;

import static dev.dkimagent.agent.alert.StrictJson.instant;
import static dev.dkimagent.agent.alert.StrictJson.instantText;
import static dev.dkimagent.agent.alert.StrictJson.requiredText;
import static dev.dkimagent.agent.alert.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.SesIdentityState;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@link SesIdentityState} in the stored SES view, format 1: an object with exactly the record's
 * components as fields, absent values as null, {@code status} as the {@link DkimStatus} constant's
 * name, times as ISO-8601 instants, {@code soaSerial} as a number.
 */
final class SesStateFormat {

    private static final Set<String> FIELDS = Set.of("identity", "account", "region", "status", "signingEnabled",
            "origin", "tokens", "signingHostedZone", "currentKeyLength", "nextKeyLength", "lastKeyGeneration",
            "errorType", "lastChecked", "lastSuccess", "soaSerial", "detailed");

    private SesStateFormat() {
    }

    static ObjectNode write(SesIdentityState s) {
        ObjectNode o = StrictJson.objectNode();
        o.put("identity", s.identity());
        o.put("account", s.account());
        o.put("region", s.region());
        o.put("status", s.status() == null ? null : s.status().name());
        o.put("signingEnabled", s.signingEnabled());
        o.put("origin", s.origin());
        o.set("tokens", strings(s.tokens()));
        o.put("signingHostedZone", s.signingHostedZone());
        o.put("currentKeyLength", s.currentKeyLength());
        o.put("nextKeyLength", s.nextKeyLength());
        o.put("lastKeyGeneration", instantText(s.lastKeyGeneration()));
        o.put("errorType", s.errorType());
        o.put("lastChecked", instantText(s.lastChecked()));
        o.put("lastSuccess", instantText(s.lastSuccess()));
        o.put("soaSerial", s.soaSerial());
        o.put("detailed", s.detailed());
        return o;
    }

    static SesIdentityState read(JsonNode node, String what) {
        ObjectNode o = StrictJson.object(node, what, FIELDS);
        String status = text(o, "status", what);
        return new SesIdentityState(requiredText(o, "identity", what), requiredText(o, "account", what),
                requiredText(o, "region", what),
                status == null ? null : StrictJson.constant(DkimStatus.class, status, "status", what),
                bool(o, "signingEnabled", what), text(o, "origin", what), strings(o, "tokens", what),
                text(o, "signingHostedZone", what), text(o, "currentKeyLength", what), text(o, "nextKeyLength", what),
                instant(o, "lastKeyGeneration", what), text(o, "errorType", what), instant(o, "lastChecked", what),
                instant(o, "lastSuccess", what), number(o, "soaSerial", what), bool(o, "detailed", what));
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode array = StrictJson.arrayNode();
        values.forEach(array::add);
        return array;
    }

    static List<String> strings(ObjectNode o, String field, String what) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : StrictJson.array(o, field, what)) {
            if (!v.isTextual()) {
                throw new StoredFormatException(what + ": '" + field + "' holds a non-string: " + v);
            }
            out.add(v.textValue());
        }
        return out;
    }

    private static boolean bool(ObjectNode o, String field, String what) {
        JsonNode v = o.get(field);
        if (!v.isBoolean()) {
            throw new StoredFormatException(what + ": '" + field + "' is not true or false");
        }
        return v.booleanValue();
    }

    private static Long number(ObjectNode o, String field, String what) {
        JsonNode v = o.get(field);
        if (v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new StoredFormatException(what + ": '" + field + "' is not a whole number");
        }
        return v.longValue();
    }
}
