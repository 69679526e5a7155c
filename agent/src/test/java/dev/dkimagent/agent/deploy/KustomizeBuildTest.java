package dev.dkimagent.agent.deploy;

import static dev.dkimagent.agent.deploy.Kustomize.build;
import static dev.dkimagent.agent.deploy.Kustomize.ofKind;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Kubernetes flow of docs/operations.md, run as written: fill secret.env from the example,
 * then build what {@code kubectl apply -k} applies (kubectl's built-in kustomize, offline).
 */
class KustomizeBuildTest {
    private static final String REAL_WEBHOOK = "https://hooks.slack.com/services/T0REAL/B0REAL/realsecret";

    @TempDir
    Path work;

    @Test
    void docs_kubernetesSteps_areTheOnesThisTestRuns() {
        String section = section(DeployFiles.read("docs/operations.md"), "### Kubernetes");

        assertThat(section).contains("cp deploy/kubernetes/secret.env.example deploy/kubernetes/secret.env",
                "kubectl apply -k deploy/kubernetes", "kubectl apply -k deploy/kubernetes/monitoring")
                .doesNotContain("kubectl apply -f deploy/kubernetes", "kubectl create secret");
    }

    @Test
    void applyK_withTheFilledSecretEnv_appliesTheRealSecretOnceAndThePodUsesIt() throws IOException {
        Path dir = copy("deploy/kubernetes");
        String filled = Files.readString(dir.resolve("secret.env.example"))
                .replaceAll("(?m)^DKIM_AGENT_SLACK_WEBHOOK_URL=.*$", "DKIM_AGENT_SLACK_WEBHOOK_URL=" + REAL_WEBHOOK);
        Files.writeString(dir.resolve("secret.env"), filled);

        List<JsonNode> objects = build(dir);

        List<JsonNode> secrets = ofKind(objects, "Secret");
        assertThat(secrets).hasSize(1);
        JsonNode secret = secrets.get(0);
        assertThat(decoded(secret, "DKIM_AGENT_SLACK_WEBHOOK_URL")).isEqualTo(REAL_WEBHOOK);
        String secretName = secret.path("metadata").path("name").asText();
        JsonNode container = ofKind(objects, "Deployment").get(0)
                .path("spec").path("template").path("spec").path("containers").get(0);
        assertThat(container.path("envFrom").get(0).path("secretRef").path("name").asText()).isEqualTo(secretName);
        assertThat(container.path("env").findValues("secretKeyRef")).allMatch(
                ref -> ref.path("name").asText().equals(secretName));
    }

    @Test
    void applyK_withoutSecretEnv_failsNamingTheFile() throws IOException {
        Tool.Result result = Tool.run(copy("deploy/kubernetes"), Kustomize.KUBECTL_HINT, "kubectl", "kustomize", ".");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).contains("secret.env");
    }

    @Test
    void monitoring_releaseLabelIsSetInOnePlaceAndReachesBothObjects() throws IOException {
        Path dir = copy("deploy/kubernetes/monitoring");
        Path kustomization = dir.resolve("kustomization.yaml");
        Files.writeString(kustomization, Files.readString(kustomization)
                .replace("release: kube-prometheus-stack", "release: my-prometheus"));

        List<JsonNode> objects = build(dir);

        assertThat(objects).extracting(o -> o.path("kind").asText())
                .containsExactlyInAnyOrder("ServiceMonitor", "PrometheusRule");
        assertThat(objects).allSatisfy(o -> assertThat(o.path("metadata").path("labels").path("release").asText())
                .isEqualTo("my-prometheus"));
    }

    @Test
    void serviceMonitor_scrapesTheServiceUnderJobDkimAgent() throws IOException {
        Path dir = copy("deploy/kubernetes");
        Files.copy(dir.resolve("secret.env.example"), dir.resolve("secret.env"));
        JsonNode service = ofKind(build(dir), "Service").get(0);
        JsonNode monitor = ofKind(build(copy("deploy/kubernetes/monitoring")), "ServiceMonitor").get(0);

        JsonNode serviceLabels = service.path("metadata").path("labels");
        monitor.path("spec").path("selector").path("matchLabels").fields().forEachRemaining(
                label -> assertThat(serviceLabels.path(label.getKey()).asText()).isEqualTo(label.getValue().asText()));
        String jobLabel = monitor.path("spec").path("jobLabel").asText();
        assertThat(serviceLabels.path(jobLabel).asText()).as("the job label DkimAgentDown matches")
                .isEqualTo("dkim-agent");
        assertThat(monitor.path("spec").path("endpoints").get(0).path("port").asText())
                .isEqualTo(service.path("spec").path("ports").get(0).path("name").asText());
    }

    private static String decoded(JsonNode secret, String key) {
        String base64 = secret.path("data").path(key).asText().replaceAll("\\s", "");
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

    /** The directory with everything below it, as a fresh checkout has it (no secret.env). */
    private Path copy(String relative) throws IOException {
        Path source = DeployFiles.path(relative);
        Path target = work.resolve(source.getFileName());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else if (!file.getFileName().toString().equals("secret.env")) {
                    Files.copy(file, to);
                }
            }
        }
        return target;
    }

    /** From a heading to the next heading of the same or a higher level. */
    static String section(String doc, String heading) {
        int start = doc.indexOf("\n" + heading + "\n");
        assertThat(start).as(heading).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = doc.indexOf("\n" + level, start + heading.length() + 1);
        int higher = doc.indexOf("\n" + level.substring(1), start + heading.length() + 1);
        int stop = Stream.of(end, higher).filter(i -> i > 0).min(Integer::compare).orElse(doc.length());
        return doc.substring(start, stop);
    }
}
