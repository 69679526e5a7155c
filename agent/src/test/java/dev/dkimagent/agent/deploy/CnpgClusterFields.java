package dev.dkimagent.agent.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CloudNativePG {@code Cluster} (postgresql.cnpg.io/v1) keys our example may use, hand-written
 * from the operator's API reference (no typed model in fabric8). A subset: add a key here only
 * after checking it in the CRD.
 */
final class CnpgClusterFields {
    private static final Set<String> MAP = ServiceMonitorFields.LABEL_MAP;
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "", Set.of("apiVersion", "kind", "metadata", "spec"),
            "metadata", Set.of("name", "namespace", "labels", "annotations"),
            "metadata.labels", MAP,
            "spec", Set.of("instances", "imageName", "storage", "bootstrap", "affinity", "primaryUpdateStrategy",
                    "postgresql", "resources", "monitoring"),
            "spec.storage", Set.of("size", "storageClass"),
            "spec.bootstrap", Set.of("initdb"),
            "spec.bootstrap.initdb", Set.of("database", "owner", "secret"),
            "spec.affinity", Set.of("enablePodAntiAffinity", "topologyKey", "podAntiAffinityType"),
            "spec.postgresql", Set.of("parameters"),
            "spec.postgresql.parameters", MAP);

    private CnpgClusterFields() {
    }

    /** Paths of the keys outside the allow-list, e.g. {@code spec.storage.sise}. */
    static List<String> unknown(JsonNode doc) {
        return ServiceMonitorFields.unknown(doc, ALLOWED);
    }
}
