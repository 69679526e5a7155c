package dev.dkimagent.agent.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The dashboard files follow the rules every dashboard of the project must keep (no Grafana needed). */
class DashboardStructureTest {
    private static final Map<String, String> EXPECTED_UIDS = Map.of(
            "dkim-agent-overview.json", "dkim-agent-overview",
            "dkim-agent-identity.json", "dkim-agent-identity",
            "dkim-agent-health.json", "dkim-agent-health");
    private static final String DATASOURCE = "{\"type\":\"prometheus\",\"uid\":\"${datasource}\"}";
    private static final Pattern METRIC = Pattern.compile("\\bdkim_[a-z_]+");
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `(dkim_[a-z_]+)` \\| (\\w+) \\|", Pattern.MULTILINE);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final List<Dashboard> dashboards = GrafanaFiles.dashboards();

    @Test
    void dashboards_eachHaveTheirStableUniqueUid() {
        Map<String, String> uids = dashboards.stream().collect(Collectors.toMap(Dashboard::file, Dashboard::uid));

        assertThat(uids).isEqualTo(EXPECTED_UIDS);
        assertThat(new HashSet<>(uids.values())).hasSize(uids.size());
    }

    @Test
    void dashboards_eachAskForAPrometheusDatasourceVariable() {
        for (Dashboard d : dashboards) {
            JsonNode variable = d.variables().stream().filter(v -> v.path("name").asText().equals("datasource"))
                    .findFirst().orElseThrow(() -> new AssertionError(d.file() + " has no datasource variable"));
            assertThat(variable.path("type").asText()).as(d.file()).isEqualTo("datasource");
            assertThat(variable.path("query").asText()).as(d.file()).isEqualTo("prometheus");
        }
    }

    @Test
    void everyDatasourceReference_isTheVariableNeverAHardCodedUid() {
        for (Dashboard d : dashboards) {
            List<String> refs = d.datasourceRefs();
            assertThat(refs).as(d.file()).isNotEmpty();
            assertThat(refs).as(d.file()).allSatisfy(ref -> assertThat(ref).endsWith(" = " + DATASOURCE));
        }
    }

    @Test
    void everyPanel_hasAUniqueIdAGridPositionInside24ColumnsAndQueries() {
        for (Dashboard d : dashboards) {
            Set<Integer> ids = new HashSet<>();
            for (JsonNode panel : d.panels()) {
                String where = d.file() + " / " + panel.path("title").asText();
                assertThat(ids.add(panel.path("id").asInt())).as(where + ": unique id").isTrue();
                JsonNode pos = panel.path("gridPos");
                assertThat(pos.path("w").asInt()).as(where).isPositive();
                assertThat(pos.path("h").asInt()).as(where).isPositive();
                assertThat(pos.path("x").asInt() + pos.path("w").asInt()).as(where).isLessThanOrEqualTo(24);
                if (!panel.path("type").asText().equals("row")) {
                    assertThat(panel.path("targets").size()).as(where + ": targets").isPositive();
                }
            }
        }
    }

    @Test
    void everyTarget_hasAnExpressionAndARefIdUniqueInItsPanel() {
        for (Dashboard d : dashboards) {
            for (JsonNode panel : d.panels()) {
                Set<String> refIds = new HashSet<>();
                for (JsonNode target : panel.path("targets")) {
                    String where = d.file() + " / " + panel.path("title").asText();
                    assertThat(target.path("expr").asText()).as(where).isNotBlank();
                    assertThat(refIds.add(target.path("refId").asText())).as(where + ": refId").isTrue();
                }
            }
        }
    }

    @Test
    void everyMetricUsed_isDocumentedInMetricsMd() {
        Map<String, String> documented = documentedMetrics();
        Set<String> used = new TreeSet<>();
        for (Dashboard d : dashboards) {
            d.queries().forEach(q -> used.addAll(metrics(q.expr())));
            d.variables().forEach(v -> used.addAll(metrics(v.path("definition").asText())));
        }

        assertThat(used).hasSizeGreaterThan(10);
        List<String> unknown = used.stream().filter(m -> !documents(documented, m)).toList();
        assertThat(unknown).as("metrics not in docs/metrics.md").isEmpty();
    }

    @Test
    void everyQuery_usesADkimMetricAndOnlyVariablesTheTestsKnow() {
        for (Dashboard d : dashboards) {
            for (PanelQuery q : d.queries()) {
                assertThat(metrics(q.expr())).as(q.toString()).isNotEmpty();
                assertThat(PanelQuery.VARIABLE.matcher(q.resolved("example.com")).find())
                        .as("unresolved variable in " + q).isFalse();
            }
        }
    }

    @Test
    void dashboards_coverWhatEachIsFor() {
        assertThat(metricsOf("dkim-agent-overview")).contains("dkim_record_ok", "dkim_ses_dkim_status",
                "dkim_ses_verification_deadline_timestamp_seconds", "dkim_findings");
        assertThat(metricsOf("dkim-agent-identity")).contains("dkim_record_ok", "dkim_record_ttl_seconds",
                "dkim_zone_soa_serial", "dkim_nameserver_query_duration_seconds_bucket");
        assertThat(metricsOf("dkim-agent-health")).contains("dkim_sweep_duration_seconds",
                "dkim_sweep_last_success_timestamp_seconds", "dkim_dns_queries_total", "dkim_ses_api_calls_total",
                "dkim_notification_outbox_pending", "dkim_notifications_total", "dkim_agent_build_info");
    }

    @Test
    void identityDashboard_takesItsIdentityFromTheRecordSeries() {
        Dashboard identity = dashboards.stream().filter(d -> d.uid().equals("dkim-agent-identity")).findFirst().orElseThrow();
        JsonNode variable = identity.variables().stream().filter(v -> v.path("name").asText().equals("identity"))
                .findFirst().orElseThrow(() -> new AssertionError("no identity variable"));

        assertThat(variable.path("type").asText()).isEqualTo("query");
        assertThat(variable.path("definition").asText()).isEqualTo("label_values(dkim_record_ok, identity)");
        assertThat(variable.path("query").path("query").asText()).isEqualTo("label_values(dkim_record_ok, identity)");
        assertThat(identity.queries()).allSatisfy(q -> assertThat(q.expr())
                .as("every panel of the identity dashboard is about the chosen identity").contains("$identity"));
    }

    @Test
    void provisioning_pointsAtTheDashboardFolderAndDefinesAPrometheusDatasource() throws Exception {
        JsonNode dashboardsYml = YAML.readTree(GrafanaFiles.read("grafana/provisioning/dashboards/dkim-agent.yml"));
        JsonNode provider = dashboardsYml.path("providers").get(0);
        JsonNode datasourcesYml = YAML.readTree(GrafanaFiles.read("grafana/provisioning/datasources/prometheus.yml"));

        assertThat(dashboardsYml.path("apiVersion").asInt()).isEqualTo(1);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("options").path("path").asText()).startsWith("/").endsWith("/dkim-agent");
        assertThat(datasourcesYml.path("apiVersion").asInt()).isEqualTo(1);
        assertThat(datasourcesYml.path("datasources").get(0).path("type").asText()).isEqualTo("prometheus");
    }

    @Test
    void readme_namesEveryDashboardUid() {
        String readme = GrafanaFiles.read("grafana/README.md");

        assertThat(readme).contains(EXPECTED_UIDS.values());
    }

    private Set<String> metricsOf(String uid) {
        Set<String> out = new TreeSet<>();
        dashboards.stream().filter(d -> d.uid().equals(uid)).forEach(d -> d.queries().forEach(q -> out.addAll(metrics(q.expr()))));
        return out;
    }

    private static List<String> metrics(String expr) {
        List<String> out = new ArrayList<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }

    /** name -> type, from the tables of docs/metrics.md. */
    private static Map<String, String> documentedMetrics() {
        Matcher m = DOC_ROW.matcher(GrafanaFiles.read("docs/metrics.md"));
        return m.results().collect(Collectors.toMap(r -> r.group(1), r -> r.group(2)));
    }

    /** A histogram is documented by its base name; its series add _bucket, _sum and _count. */
    private static boolean documents(Map<String, String> documented, String used) {
        if (documented.containsKey(used)) {
            return true;
        }
        String base = used.replaceFirst("_(bucket|sum|count)$", "");
        return "histogram".equals(documented.get(base));
    }
}
