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
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
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
            "v1/Secret", Secret.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "v1/PersistentVolumeClaim", PersistentVolumeClaim.class,
            "apps/v1/Deployment", Deployment.class);
    private static final String SERVICE_MONITOR = "monitoring.coreos.com/v1/ServiceMonitor";

    static Stream<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.list(DeployFiles.path("deploy/kubernetes"))) {
            return files.filter(file -> file.toString().endsWith(".yaml") || file.toString().endsWith(".yml"))
                    .sorted().toList().stream();
        }
    }

    @Test
    void directory_holdsEveryExpectedKind() throws IOException {
        List<String> kinds = new ArrayList<>();
        for (Path file : manifests().toList()) {
            documents(Files.readString(file)).forEach(doc -> kinds.add(typeOf(doc)));
        }
        assertThat(kinds).containsExactlyInAnyOrderElementsOf(
                Stream.concat(TYPED.keySet().stream(), Stream.of(SERVICE_MONITOR)).toList());
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void manifest_hasOnlyFieldsTheModelKnows(Path file) throws IOException {
        for (JsonNode doc : documents(Files.readString(file))) {
            assertThat(unknownFields(doc)).as(file.getFileName() + " " + typeOf(doc)).isEmpty();
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
        Deployment deployment = load("deployment.yaml", Deployment.class);
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
    }

    @Test
    void secret_templateNamesEveryEnvironmentSecret() throws IOException {
        Secret secret = load("secret.yaml", Secret.class);

        assertThat(secret.getStringData()).containsOnlyKeys(
                "DKIM_AGENT_SLACK_WEBHOOK_URL", "DKIM_AGENT_SLACK_BOT_TOKEN", "DKIM_AGENT_STATE_PASSWORD");
    }

    @Test
    void service_exposesPort9108NamedMetrics() throws IOException {
        Service service = load("service.yaml", Service.class);

        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("metrics");
            assertThat(port.getPort()).isEqualTo(9108);
        });
        assertThat(service.getMetadata().getAnnotations()).containsEntry("prometheus.io/scrape", "true");
    }

    @Test
    void serviceAccount_carriesAnIrsaRoleExample() throws IOException {
        ServiceAccount account = load("serviceaccount.yaml", ServiceAccount.class);

        assertThat(account.getMetadata().getAnnotations()).containsKey("eks.amazonaws.com/role-arn");
    }

    @Test
    void configMap_holdsTheAgentConfiguration() throws IOException {
        ConfigMap config = load("configmap.yaml", ConfigMap.class);

        assertThat(config.getData()).containsKey("dkim-agent.conf");
        assertThat(config.getData().get("dkim-agent.conf")).contains("dkim-agent {", "port = 9108");
    }

    private static List<String> unknownFields(JsonNode doc) {
        String type = typeOf(doc);
        if (type.equals(SERVICE_MONITOR)) {
            return ServiceMonitorFields.unknown(doc);
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
