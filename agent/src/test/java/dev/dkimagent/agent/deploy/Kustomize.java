package dev.dkimagent.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Renders a kustomization with the real kubectl and reads the objects back. */
final class Kustomize {
    static final String KUBECTL_HINT = "kubectl >= 1.27 (its kustomize must know `labels:`), "
            + "e.g. from https://pkgs.k8s.io; Debian 12's kubernetes-client 1.20 is too old";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Kustomize() {
    }

    /** {@code kubectl kustomize .} in {@code dir}, which must succeed; its objects, empty documents left out. */
    static List<JsonNode> build(Path dir) {
        Tool.Result result = Tool.run(dir, KUBECTL_HINT, "kubectl", "kustomize", ".");
        assertThat(result.exitCode()).as(result.output()).isZero();
        try {
            List<JsonNode> docs = new ArrayList<>();
            YAML.readValues(YAML.getFactory().createParser(result.output()), JsonNode.class)
                    .forEachRemaining(doc -> {
                        if (doc != null && !doc.isNull() && !doc.isMissingNode()) {
                            docs.add(doc);
                        }
                    });
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
    }
}
