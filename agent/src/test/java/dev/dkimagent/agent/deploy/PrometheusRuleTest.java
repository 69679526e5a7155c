package dev.dkimagent.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The PrometheusRule ships the same alert rules as deploy/prometheus's two rules files, in their order. */
class PrometheusRuleTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String GENERATED = "deploy/kubernetes/monitoring/prometheusrule.yaml";

    @Test
    void prometheusRule_isWhatTheGeneratorWritesFromTheRulesFile() {
        Tool.Result result = Tool.run(DeployFiles.path("deploy/kubernetes/monitoring"), "bash (coreutils, sed)",
                "bash", "generate-prometheusrule.sh", "--stdout");

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(DeployFiles.read(GENERATED)).as("run deploy/kubernetes/monitoring/generate-prometheusrule.sh")
                .isEqualTo(result.output());
    }

    @Test
    void prometheusRule_specGroups_equalTheRulesFileGroups() throws IOException {
        JsonNode rule = YAML.readTree(DeployFiles.read(GENERATED));
        JsonNode rules = YAML.readTree(DeployFiles.read("deploy/prometheus/dkim-agent.rules.yml"));
        JsonNode cluster = YAML.readTree(DeployFiles.read("deploy/prometheus/dkim-agent-cluster.rules.yml"));
        ArrayNode both = YAML.createArrayNode().addAll((ArrayNode) rules.path("groups"))
                .addAll((ArrayNode) cluster.path("groups"));

        assertThat(rule.path("kind").asText()).isEqualTo("PrometheusRule");
        assertThat(rule.path("spec").path("groups")).isEqualTo(both);
        assertThat(rules.path("groups").get(0).path("rules").size()).isGreaterThan(10);
        assertThat(cluster.path("groups").size()).isEqualTo(1);
    }
}
