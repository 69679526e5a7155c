package dev.dkimagent.agent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ServiceMonitor (monitoring.coreos.com/v1) keys our manifest may use, hand-written from the
 * prometheus-operator CRD because fabric8 8.0.0 has no typed model for it. A subset: add a key here
 * only after checking it in the CRD.
 */
final class ServiceMonitorFields {

    static final Set<String> LABEL_MAP = Set.of("*");
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "", Set.of("apiVersion", "kind", "metadata", "spec"),
            "metadata", Set.of("name", "namespace", "labels", "annotations"),
            "metadata.labels", LABEL_MAP,
            "metadata.annotations", LABEL_MAP,
            "spec", Set.of("jobLabel", "selector", "endpoints", "namespaceSelector", "targetLabels", "podTargetLabels"),
            "spec.selector", Set.of("matchLabels", "matchExpressions"),
            "spec.selector.matchLabels", LABEL_MAP,
            "spec.namespaceSelector", Set.of("any", "matchNames"),
            "spec.endpoints[]", Set.of("port", "targetPort", "path", "scheme", "interval", "scrapeTimeout",
                    "honorLabels", "honorTimestamps", "params", "relabelings", "metricRelabelings"));

    private ServiceMonitorFields() {
    }

    /** Paths of the keys outside the allow-list, e.g. {@code spec.endpoints[0].intervall}. */
    static List<String> unknown(JsonNode doc) {
        return unknown(doc, ALLOWED);
    }

    /** The same walk over another allow-list (schema path -> keys; {@code "*"} = a free-form map). */
    static List<String> unknown(JsonNode doc, Map<String, Set<String>> schema) {
        List<String> found = new ArrayList<>();
        walk(schema, doc, "", "", found);
        return found;
    }

    private static void walk(Map<String, Set<String>> schema, JsonNode node, String schemaPath, String path,
                             List<String> found) {
        Set<String> allowed = schema.get(schemaPath);
        if (allowed == null || allowed.equals(LABEL_MAP)) {
            return; // a leaf, or a free-form map
        }
        node.fields().forEachRemaining(field -> {
            String name = field.getKey();
            String childPath = path.isEmpty() ? name : path + "." + name;
            String childSchema = schemaPath.isEmpty() ? name : schemaPath + "." + name;
            if (!allowed.contains(name)) {
                found.add(childPath);
            } else if (field.getValue().isArray()) {
                for (int i = 0; i < field.getValue().size(); i++) {
                    walk(schema, field.getValue().get(i), childSchema + "[]", childPath + "[" + i + "]", found);
                }
            } else {
                walk(schema, field.getValue(), childSchema, childPath, found);
            }
        });
    }
}
