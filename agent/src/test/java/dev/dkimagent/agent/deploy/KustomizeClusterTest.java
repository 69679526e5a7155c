package dev.dkimagent.agent.deploy;

import static dev.dkimagent.agent.deploy.Kustomize.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Both Kubernetes variants as {@code kubectl apply -k} builds them (offline): the cluster of 3 on
 * PostgreSQL (deploy/kubernetes/cluster), its example CloudNativePG database, and the single
 * replica on H2 (deploy/kubernetes), which stays as it was.
 */
class KustomizeClusterTest {
    private static final String POD_LABEL = "app.kubernetes.io/name";

    @TempDir
    Path work;
    private Path kubernetes;

    @BeforeEach
    void copyTheTreeWithFilledSecrets() throws IOException {
        Path source = DeployFiles.path("deploy/kubernetes");
        kubernetes = work.resolve("kubernetes");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = kubernetes.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (!file.getFileName().toString().equals("secret.env")) {
                    Files.copy(file, to);
                }
            }
        }
        for (Path dir : List.of(kubernetes, kubernetes.resolve("cluster"))) {
            Files.copy(dir.resolve("secret.env.example"), dir.resolve("secret.env"));
        }
    }

    @Test
    void cluster_isThreeReplicasRolledOneAtATime_spreadOverHosts() {
        JsonNode deployment = one(build("cluster"), "Deployment");
        JsonNode spec = deployment.path("spec");

        assertThat(spec.path("replicas").asInt()).isEqualTo(3);
        assertThat(spec.path("strategy").path("type").asText()).isEqualTo("RollingUpdate");
        assertThat(spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asInt()).isEqualTo(1);
        assertThat(spec.path("strategy").path("rollingUpdate").path("maxSurge").asInt()).isZero();
        JsonNode term = spec.path("template").path("spec").path("affinity").path("podAntiAffinity")
                .path("preferredDuringSchedulingIgnoredDuringExecution").get(0).path("podAffinityTerm");
        assertThat(term.path("topologyKey").asText()).isEqualTo("kubernetes.io/hostname");
        assertThat(term.path("labelSelector").path("matchLabels").path(POD_LABEL).asText())
                .isEqualTo(podLabels(deployment).path(POD_LABEL).asText()).isEqualTo("dkim-agent");
    }

    @Test
    void cluster_podDisruptionBudget_keepsTwoOfTheAgentsPods() {
        List<JsonNode> objects = build("cluster");
        JsonNode budget = one(objects, "PodDisruptionBudget");

        assertThat(budget.path("spec").path("minAvailable").asInt()).isEqualTo(2);
        assertThat(budget.path("spec").path("selector").path("matchLabels"))
                .isEqualTo(one(objects, "Deployment").path("spec").path("selector").path("matchLabels"));
    }

    @Test
    void cluster_nodeIdFromThePodName_databaseCredentialsFromTheOperatorsSecret_readinessOnReadyz() {
        JsonNode container = container(one(build("cluster"), "Deployment"));

        assertThat(env(container, "DKIM_AGENT_NODE_ID").path("valueFrom").path("fieldRef").path("fieldPath")
                .asText()).isEqualTo("metadata.name");
        for (String[] pair : new String[][] {{"DKIM_AGENT_STATE_USER", "username"},
                {"DKIM_AGENT_STATE_PASSWORD", "password"}}) {
            JsonNode ref = env(container, pair[0]).path("valueFrom").path("secretKeyRef");
            assertThat(ref.path("name").asText()).as(pair[0]).isEqualTo("dkim-agent-db-app");
            assertThat(ref.path("key").asText()).as(pair[0]).isEqualTo(pair[1]);
            assertThat(ref.path("optional").asBoolean(false)).as(pair[0]).isFalse();
        }
        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/readyz");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/healthz");
    }

    @Test
    void cluster_hasNoVolumeClaim_andMountsOnlyConfigAndTmp() {
        List<JsonNode> objects = build("cluster");
        JsonNode pod = one(objects, "Deployment").path("spec").path("template").path("spec");

        assertThat(ofKind(objects, "PersistentVolumeClaim")).isEmpty();
        assertThat(pod.path("volumes").findValues("persistentVolumeClaim")).isEmpty();
        assertThat(container(one(objects, "Deployment")).path("volumeMounts").findValuesAsText("mountPath"))
                .containsExactlyInAnyOrder("/etc/dkim-agent", "/tmp");
    }

    @Test
    void cluster_configuration_loads_inClusterMode_onTheOperatorsReadWriteService() throws Exception {
        List<JsonNode> objects = build("cluster");
        String conf = one(objects, "ConfigMap").path("data").path("dkim-agent.conf").asText();
        JsonNode db = one(build("cluster/postgres"), "Cluster");

        // what the comment above the identity asks the user to do: fill in the tokens
        String filled = conf.replaceAll("<token(\\d)>", "tok$1");
        Settings settings = SettingsLoader.load(ConfigFactory.parseString(filled,
                ConfigParseOptions.defaults().setOriginDescription("configmap")), "configmap",
                ConfigOption.knownCodes());

        assertThat(settings.cluster().enabled()).isTrue();
        String database = db.path("spec").path("bootstrap").path("initdb").path("database").asText();
        assertThat(settings.state().url()).isEqualTo("jdbc:postgresql://" + db.path("metadata").path("name").asText()
                + "-rw:5432/" + database);
        assertThat(conf).contains("node-id = ${?DKIM_AGENT_NODE_ID}", "user = ${?DKIM_AGENT_STATE_USER}");
    }

    @Test
    void cluster_example_database_isAThreeInstanceCloudNativePgCluster_whoseAppSecretTheAgentsRead() {
        JsonNode db = one(build("cluster/postgres"), "Cluster");
        String secret = env(container(one(build("cluster"), "Deployment")), "DKIM_AGENT_STATE_PASSWORD")
                .path("valueFrom").path("secretKeyRef").path("name").asText();

        assertThat(db.path("apiVersion").asText()).isEqualTo("postgresql.cnpg.io/v1");
        assertThat(db.path("spec").path("instances").asInt()).isEqualTo(3);
        assertThat(secret).as("CloudNativePG names the owner's secret <cluster>-app")
                .isEqualTo(db.path("metadata").path("name").asText() + "-app");
    }

    @Test
    void cluster_networkPolicy_letsOutPostgresql_besideDnsAndHttps() {
        JsonNode policy = one(build("cluster"), "NetworkPolicy");
        List<String> ports = new ArrayList<>();
        policy.path("spec").path("egress").forEach(rule -> rule.path("ports").forEach(
                p -> ports.add(p.path("protocol").asText() + "/" + p.path("port").asInt())));

        assertThat(ports).containsExactlyInAnyOrder("UDP/53", "TCP/53", "TCP/443", "TCP/5432");
    }

    @Test
    void single_staysOneRecreatedReplicaOnItsH2Volume_withoutABudget() {
        List<JsonNode> objects = build(".");
        JsonNode deployment = one(objects, "Deployment");

        assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(1);
        assertThat(deployment.path("spec").path("strategy").path("type").asText()).isEqualTo("Recreate");
        assertThat(one(objects, "PersistentVolumeClaim").path("metadata").path("name").asText())
                .isEqualTo("dkim-agent-state");
        assertThat(container(deployment).path("volumeMounts").findValuesAsText("mountPath"))
                .contains("/var/lib/dkim-agent");
        assertThat(one(objects, "ConfigMap").path("data").path("dkim-agent.conf").asText())
                .contains("jdbc:h2:file:").doesNotContain("cluster");
        assertThat(ofKind(objects, "PodDisruptionBudget")).isEmpty();
    }

    private List<JsonNode> build(String relative) {
        return Kustomize.build(kubernetes.resolve(relative));
    }

    private static JsonNode one(List<JsonNode> objects, String kind) {
        List<JsonNode> found = ofKind(objects, kind);
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static JsonNode container(JsonNode deployment) {
        return deployment.path("spec").path("template").path("spec").path("containers").get(0);
    }

    private static JsonNode podLabels(JsonNode deployment) {
        return deployment.path("spec").path("template").path("metadata").path("labels");
    }

    private static JsonNode env(JsonNode container, String name) {
        for (JsonNode e : container.path("env")) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no env " + name + " in " + container.path("env"));
    }
}
