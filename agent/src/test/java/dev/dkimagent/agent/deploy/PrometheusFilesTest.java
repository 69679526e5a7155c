package dev.dkimagent.agent.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The alert rules, their promtool unit tests, the scrape snippet and the Alertmanager example. */
class PrometheusFilesTest {

    private static final Path DIR = Path.of("deploy/prometheus");
    private static final String PROMTOOL_HINT = "apt-get install prometheus (Debian 12 ships promtool in it)";
    private static final String AMTOOL_HINT = "apt-get install prometheus-alertmanager";
    private static final Set<String> AGENT_HEALTH = Set.of("DkimAgentDown", "DkimAgentSweepsStale",
            "DkimAgentSesScanStale", "DkimAgentSesUnreadable", "DkimAgentNotificationsFailing",
            "DkimAgentNotificationDropped", "DkimAgentOutboxStuck", "DkimAgentNoMetricsPublisher",
            "DkimAgentMetricsPublishersSplit", "DkimAgentClusterNodesLost", "DkimAgentShardStale",
            "DkimAgentClusterConfigMismatch");
    /** Each rules file with its promtool unit tests; prometheus.yml loads them all. */
    private static final List<String> RULE_FILES = List.of("dkim-agent.rules.yml", "dkim-agent-cluster.rules.yml");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$");

    @Test
    void rules_passPromtoolCheck() {
        for (String file : RULE_FILES) {
            assertPasses(promtool("check", "rules", file));
        }
    }

    @Test
    void rules_passTheirPromtoolUnitTests() {
        for (String file : RULE_FILES) {
            assertPasses(promtool("test", "rules", testsOf(file)));
        }
    }

    @Test
    void scrapeConfig_loadsEveryRulesFile() throws IOException {
        List<String> loaded = new ArrayList<>();
        yaml("prometheus.yml").path("rule_files").forEach(f -> loaded.add(f.asText()));

        assertThat(loaded).containsExactlyElementsOf(RULE_FILES);
    }

    @Test
    void scrapeConfig_passesPromtoolCheck() {
        assertPasses(promtool("check", "config", "prometheus.yml"));
    }

    @Test
    void alertmanagerConfig_passesAmtoolCheck() {
        assertPasses(Tool.run(dir(), AMTOOL_HINT, "amtool", "check-config", "alertmanager.yml"));
        assertThat(DeployFiles.read("deploy/prometheus/alertmanager.yml")).contains("api_url_file:");
    }

    @Test
    void alertmanagerRoutes_agentHealthToTheOpsChannel_incidentsToTheAgentsOwnSlackOnly() throws IOException {
        for (JsonNode rule : alertRules()) {
            String name = rule.path("alert").asText();
            String severity = rule.path("labels").path("severity").asText();
            String expected = AGENT_HEALTH.contains(name) ? "slack-dkim-agent-ops" : "dkim-agent-records";
            Tool.Result result = Tool.run(dir(), AMTOOL_HINT, "amtool", "config", "routes", "test",
                    "--config.file=alertmanager.yml", "--verify.receivers=" + expected,
                    "alertname=" + name, "severity=" + severity);
            assertThat(result.exitCode()).as(name + ": " + result.output()).isZero();
        }
        Tool.Result other = Tool.run(dir(), AMTOOL_HINT, "amtool", "config", "routes", "test",
                "--config.file=alertmanager.yml", "--verify.receivers=default", "alertname=NodeDown");
        assertThat(other.exitCode()).as(other.output()).isZero();
    }

    @Test
    void alerts_followTheMixinConventions() throws IOException {
        for (JsonNode rule : alertRules()) {
            String name = rule.path("alert").asText();
            assertThat(name).startsWith("DkimAgent");
            assertThat(rule.path("labels").path("severity").asText()).as(name).isIn("critical", "warning", "info");
            assertThat(rule.path("annotations").path("summary").asText()).as(name).isNotBlank().doesNotContain("{{");
            assertThat(rule.path("annotations").path("description").asText()).as(name).contains("{{");
            assertThat(rule.path("for").asText()).as(name).isNotBlank();
        }
    }

    @Test
    void runbookUrls_pointAtOperationsAnchorsThatExist() throws IOException {
        Set<String> anchors = operationsAnchors();
        for (JsonNode rule : alertRules()) {
            String name = rule.path("alert").asText();
            String url = rule.path("annotations").path("runbook_url").asText();
            assertThat(url).as(name).contains("docs/operations.md#" + name.toLowerCase(Locale.ROOT));
            assertThat(anchors).as(name).contains(url.substring(url.indexOf('#') + 1));
        }
    }

    @Test
    void everyAlert_isTestedBeforeAndAtItsFor() throws IOException {
        Set<String> quiet = new TreeSet<>();
        Set<String> firing = new TreeSet<>();
        for (String file : RULE_FILES) {
            for (JsonNode test : yaml(testsOf(file)).path("tests")) {
                for (JsonNode check : test.path("alert_rule_test")) {
                    (check.path("exp_alerts").isEmpty() ? quiet : firing).add(check.path("alertname").asText());
                }
            }
        }
        List<String> names = alertRules().stream().map(rule -> rule.path("alert").asText()).toList();

        assertThat(quiet).containsAll(names);
        assertThat(firing).containsAll(names);
    }

    private static List<JsonNode> alertRules() throws IOException {
        List<JsonNode> rules = new ArrayList<>();
        for (String file : RULE_FILES) {
            for (JsonNode group : yaml(file).path("groups")) {
                group.path("rules").forEach(rule -> {
                    if (rule.has("alert")) {
                        rules.add(rule);
                    }
                });
            }
        }
        assertThat(rules).isNotEmpty();
        return rules;
    }

    /** GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped. */
    private static Set<String> operationsAnchors() {
        Set<String> anchors = new TreeSet<>();
        Matcher heading = HEADING.matcher(DeployFiles.read("docs/operations.md"));
        while (heading.find()) {
            anchors.add(heading.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        return anchors;
    }

    /** dkim-agent.rules.yml -> dkim-agent.rules.test.yml */
    private static String testsOf(String rulesFile) {
        return rulesFile.replace(".rules.yml", ".rules.test.yml");
    }

    private static JsonNode yaml(String file) throws IOException {
        return new ObjectMapper(new YAMLFactory()).readTree(DeployFiles.read(DIR.resolve(file).toString()));
    }

    private static Tool.Result promtool(String... args) {
        return Tool.run(dir(), PROMTOOL_HINT, "promtool", args);
    }

    private static Path dir() {
        return DeployFiles.root().resolve(DIR);
    }

    private static void assertPasses(Tool.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("SUCCESS");
    }
}
