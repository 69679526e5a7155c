package dev.dkimagent.agent.alert;

import static dev.dkimagent.agent.alert.StrictJson.requiredText;
import static dev.dkimagent.agent.alert.StrictJson.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.dkimagent.rules.Severity;
import java.util.Set;

/**
 * An {@link AlertLine} in stored format 1: an object with exactly these fields, in this order,
 * absent values as null; {@code severity} is the constant's name (CRITICAL, ERROR, WARNING, INFO):
 * <pre>{"key","rule","tag","severity","zone","selector","nameserver","address","message","remediation","dig"}</pre>
 * The shape agents wrote before formats were versioned, so their rows read as format 1.
 */
final class AlertLineFormat {

    private static final Set<String> FIELDS = Set.of("key", "rule", "tag", "severity", "zone", "selector",
            "nameserver", "address", "message", "remediation", "dig");

    private AlertLineFormat() {
    }

    static ObjectNode write(AlertLine line) {
        ObjectNode o = StrictJson.objectNode();
        o.put("key", line.key());
        o.put("rule", line.rule());
        o.put("tag", line.tag());
        o.put("severity", line.severity().name());
        o.put("zone", line.zone());
        o.put("selector", line.selector());
        o.put("nameserver", line.nameserver());
        o.put("address", line.address());
        o.put("message", line.message());
        o.put("remediation", line.remediation());
        o.put("dig", line.dig());
        return o;
    }

    static AlertLine read(JsonNode node, String what) {
        ObjectNode o = StrictJson.object(node, what, FIELDS);
        Severity severity = StrictJson.constant(Severity.class, requiredText(o, "severity", what), "severity", what);
        return new AlertLine(requiredText(o, "key", what), requiredText(o, "rule", what), requiredText(o, "tag", what),
                severity, text(o, "zone", what), text(o, "selector", what), text(o, "nameserver", what),
                text(o, "address", what), text(o, "message", what), text(o, "remediation", what),
                text(o, "dig", what));
    }
}
