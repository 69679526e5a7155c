package dev.dkimagent.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every manifest under deploy/kubernetes loads into fabric8's typed model with no unknown field.
 * ServiceMonitor has no typed model in fabric8 8.0.0 (openshift-model-monitoring stops at 7.x), so
 * its keys are checked against {@link ServiceMonitorFields}.
 */
class KubernetesManifestsTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, Class<? extends HasMetadata>> TYPED = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class);
    private static final String SERVICE_MONITOR = "monitoring.coreos.com/v1/ServiceMonitor";
    private static final String PROMETHEUS_RULE = "monitoring.coreos.com/v1/PrometheusRule";
    private static final String CNPG_CLUSTER = "postgresql.cnpg.io/v1/Cluster";
    /**
     * The kustomizations: what both agent variants share (base), the single-replica variant, the
     * cluster variant, its example database, and the Prometheus Operator objects.
     */
    static final List<String> KUSTOMIZATIONS = List.of("deploy/kubernetes/base", "deploy/kubernetes",
            "deploy/kubernetes/cluster", "deploy/kubernetes/cluster/postgres", "deploy/kubernetes/monitoring");

    /** Every manifest file the kustomizations list as a resource or a patch, and no other (directories are bases). */
    static Stream<Path> manifests() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : KUSTOMIZATIONS) {
            JsonNode kustomization = YAML.readTree(DeployFiles.read(dir + "/kustomization.yaml"));
            kustomization.path("resources").forEach(r -> files.add(DeployFiles.path(dir + "/" + r.asText())));
            kustomization.path("patches").forEach(p -> {
                if (p.has("path")) {
                    files.add(DeployFiles.path(dir + "/" + p.path("path").asText()));
                }
            });
        }
        return files.stream().filter(Files::isRegularFile);
    }

    /** The resources only (patches are partial objects). */
    static Stream<Path> resources() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String dir : KUSTOMIZATIONS) {
            JsonNode kustomization = YAML.readTree(DeployFiles.read(dir + "/kustomization.yaml"));
            kustomization.path("resources").forEach(r -> files.add(DeployFiles.path(dir + "/" + r.asText())));
        }
        return files.stream().filter(Files::isRegularFile);
    }

    @Test
    void kustomizations_holdEveryExpectedKindAndNoSecret() throws IOException {
        List<String> kinds = new ArrayList<>();
        for (Path file : resources().toList()) {
            documents(Files.readString(file)).forEach(doc -> kinds.add(typeOf(doc)));
        }
        // The Secret is generated from secret.env: a placeholder Secret in the applied files
        // would overwrite the real one.
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(
                Stream.concat(TYPED.keySet().stream(), Stream.of(SERVICE_MONITOR, PROMETHEUS_RULE, CNPG_CLUSTER))
                        .toList());
    }

    @Test
    void everyYamlFileInTheDirectories_isListedInItsKustomization() throws IOException {
        List<Path> listed = manifests().toList();
        for (String dir : KUSTOMIZATIONS) {
            try (Stream<Path> files = Files.list(DeployFiles.path(dir))) {
                files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml"))
                        .forEach(f -> assertThat(listed).as(dir).contains(f));
            }
        }
    }

    @Test
    void onlyOneScrapePath_noPrometheusIoAnnotations() throws IOException {
        for (Path file : manifests().toList()) {
            assertThat(Files.readString(file)).as(file.toString()).doesNotContain("prometheus.io/");
        }
    }

    @Test
    void networkPolicy_letsInMetricsAndOutDnsAndHttpsOnly() throws IOException {
        NetworkPolicy policy = load("base/networkpolicy.yaml", NetworkPolicy.class);

        assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(policy.getSpec().getPodSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/name", "dkim-agent");
        assertThat(ports(policy.getSpec().getIngress().stream().flatMap(r -> r.getPorts().stream())))
                .containsExactly("TCP/9108");
        assertThat(ports(policy.getSpec().getEgress().stream().flatMap(r -> r.getPorts().stream())))
                .containsExactlyInAnyOrder("UDP/53", "TCP/53", "TCP/443");
    }

    private static List<String> ports(Stream<NetworkPolicyPort> ports) {
        return ports.map(p -> p.getProtocol() + "/" + p.getPort().getIntVal()).toList();
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void manifest_hasOnlyFieldsTheModelKnows(Path file) throws IOException {
        for (JsonNode doc : documents(Files.readString(file))) {
            assertThat(unknownFields(withoutPatchDirectives(doc))).as(file.getFileName() + " " + typeOf(doc))
                    .isEmpty();
        }
    }

    @Test
    void unknownFields_catchesAMisspeltField() {
        String manifest = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  replica: 1
                  template:
                    spec:
                      containers: [{name: x, image: x, imagePullPolicey: Always}]
                """;

        assertThat(unknownFields(documents(manifest).get(0)))
                .containsExactlyInAnyOrder("spec.replica", "spec.template.spec.containers[0].imagePullPolicey");
    }

    @Test
    void unknownFields_catchesAMisspeltServiceMonitorField() {
        String manifest = """
                apiVersion: monitoring.coreos.com/v1
                kind: ServiceMonitor
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {a: b}}
                  endpoints: [{port: metrics, intervall: 30s}]
                """;

        assertThat(unknownFields(documents(manifest).get(0))).containsExactly("spec.endpoints[0].intervall");
    }

    @Test
    void deployment_isOneRecreatedNonRootReadOnlyPodWithProbes() throws IOException {
        Deployment deployment = load("base/deployment.yaml", Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = pod.getContainers().get(0);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/healthz");
        assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/readyz");
        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKey("memory");
        assertThat(container.getVolumeMounts()).anyMatch(m -> m.getMountPath().equals("/var/lib/dkim-agent"));
        assertThat(container.getEnvFrom()).extracting(EnvFromSource::getSecretRef).anyMatch(
                ref -> ref != null && ref.getName().equals("dkim-agent"));
        assertThat(container.getEnv()).anyMatch(env -> env.getValueFrom() != null
                && env.getValueFrom().getSecretKeyRef() != null);
        assertThat(container.getEnv()).anyMatch(env -> env.getName().equals("DKIM_AGENT_LOG_FORMAT")
                && env.getValue().equals("json"));
    }

    @Test
    void clusterSecretEnvExample_namesTheSlackSecrets_andIsIgnoredToo() {
        String example = DeployFiles.read("deploy/kubernetes/cluster/secret.env.example");

        assertThat(example).contains("DKIM_AGENT_SLACK_WEBHOOK_URL=", "DKIM_AGENT_SLACK_BOT_TOKEN=")
                .contains("dkim-agent-db-app");
        assertThat(DeployFiles.read("deploy/kubernetes/.gitignore")).containsPattern("(?m)^secret\\.env$");
    }

    @Test
    void secretEnvExample_namesEveryEnvironmentSecret() {
        String example = DeployFiles.read("deploy/kubernetes/secret.env.example");

        assertThat(example).contains("DKIM_AGENT_SLACK_WEBHOOK_URL=", "DKIM_AGENT_SLACK_BOT_TOKEN=",
                "DKIM_AGENT_STATE_PASSWORD=");
        assertThat(DeployFiles.read("deploy/kubernetes/.gitignore")).contains("secret.env");
    }

    @Test
    void service_exposesPort9108NamedMetrics() throws IOException {
        Service service = load("base/service.yaml", Service.class);

        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("metrics");
            assertThat(port.getPort()).isEqualTo(9108);
        });
    }

    @Test
    void serviceAccount_carriesAnIrsaRoleExample() throws IOException {
        ServiceAccount account = load("base/serviceaccount.yaml", ServiceAccount.class);

        assertThat(account.getMetadata().getAnnotations()).containsKey("eks.amazonaws.com/role-arn");
    }

    @Test
    void configMap_holdsTheAgentConfiguration() throws IOException {
        ConfigMap config = load("base/configmap.yaml", ConfigMap.class);

        assertThat(config.getData()).containsKey("dkim-agent.conf");
        assertThat(config.getData().get("dkim-agent.conf")).contains("dkim-agent {", "port = 9108");
        assertThat(config.getData().get("logging.xml")).contains("<included>");
    }

    /** A strategic-merge patch's {@code $patch: delete} is kustomize's, not the object's: checked by rendering. */
    private static JsonNode withoutPatchDirectives(JsonNode doc) {
        JsonNode copy = doc.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof com.fasterxml.jackson.databind.node.ObjectNode object) {
            object.remove("$patch");
        }
        node.forEach(KubernetesManifestsTest::strip);
    }

    private static List<String> unknownFields(JsonNode doc) {
        String type = typeOf(doc);
        if (type.equals(SERVICE_MONITOR)) {
            return ServiceMonitorFields.unknown(doc);
        }
        if (type.equals(CNPG_CLUSTER)) {
            return CnpgClusterFields.unknown(doc);
        }
        if (type.equals(PROMETHEUS_RULE)) {
            return List.of(); // its spec is the rules file: PrometheusRuleTest keeps the two identical
        }
        Class<? extends HasMetadata> model = TYPED.get(type);
        if (model == null) {
            fail("no model for " + type + "; add it to KubernetesManifestsTest.TYPED");
        }
        return UnknownFields.in(YAML.convertValue(doc, model));
    }

    private static <T> T load(String file, Class<T> model) throws IOException {
        return YAML.convertValue(documents(Files.readString(DeployFiles.path("deploy/kubernetes/" + file))).get(0),
                model);
    }

    private static String typeOf(JsonNode doc) {
        return doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
    }

    private static List<JsonNode> documents(String yaml) {
        try {
            List<JsonNode> docs = new ArrayList<>();
            YAML.readValues(YAML.getFactory().createParser(yaml), JsonNode.class)
                    .forEachRemaining(doc -> {
                        if (doc != null && !doc.isMissingNode() && !doc.isNull()) {
                            docs.add(doc);
                        }
                    });
            return docs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
