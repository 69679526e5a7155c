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
    /** A metric selector of the agent's own or its JVM/process metrics, with its matchers if any. */
    private static final Pattern SELECTOR = Pattern.compile("\\b((?:dkim|process|jvm)_[a-z_]+)(\\{[^}]*})?");
    private static final String AGENT_MATCHERS = "{job=\"$job\", instance=~\"$instance\"";
    /** A link into the repository: the file (docs/..., README.md) and the heading anchor if any. */
    private static final Pattern DOC_LINK = Pattern.compile("/blob/main/((?:docs/[A-Za-z0-9/]+|README)\\.md)(?:#([a-z0-9_-]+))?");
    private static final Pattern RUNBOOK = Pattern.compile("docs/operations\\.md#([a-z0-9-]+)");
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
                assertThat(SELECTOR.matcher(q.expr()).find()).as(q.toString()).isTrue();
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
                "dkim_notification_outbox_pending", "dkim_notifications_total", "dkim_agent_build_info",
                "dkim_notify_received_total", "dkim_zone_rechecks_total", "dkim_notify_rechecks_dropped_total",
                "dkim_zone_change_to_recheck_seconds_bucket", "dkim_canary_last_success_timestamp_seconds",
                "dkim_canary_round_trip_seconds", "dkim_cluster_nodes", "dkim_cluster_metrics_publisher",
                "dkim_cluster_node_info", "dkim_cluster_shard_last_run_timestamp_seconds",
                "dkim_cluster_shard_node_info", "dkim_cluster_shard_last_run_success");
    }

    /** Every link from a panel to a document of the project names a file that exists and a heading in it. */
    @Test
    void docLinks_pointAtExistingFilesAndHeadings() {
        int links = 0;
        for (Dashboard d : dashboards) {
            for (JsonNode panel : d.panels()) {
                Matcher link = DOC_LINK.matcher(panel.path("links").toString());
                while (link.find()) {
                    String where = d.file() + " / " + panel.path("title").asText() + ": " + link.group();
                    String text = GrafanaFiles.read(link.group(1));
                    if (link.group(2) != null) {
                        assertThat(anchors(text)).as(where).contains(link.group(2));
                    }
                    links++;
                }
            }
        }
        assertThat(links).isGreaterThan(10);
    }

    /** GitHub's anchors of a Markdown file's headings: lower case, punctuation dropped, spaces to hyphens. */
    private static Set<String> anchors(String markdown) {
        Set<String> out = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^#+ (.+)$").matcher(markdown);
        heading.results().forEach(r -> out.add(r.group(1).trim().toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-')));
        return out;
    }

    @Test
    void identityDashboard_takesItsIdentityFromTheIdentityInfo() {
        Dashboard identity = dashboards.stream().filter(d -> d.uid().equals("dkim-agent-identity")).findFirst().orElseThrow();
        JsonNode variable = identity.variables().stream().filter(v -> v.path("name").asText().equals("identity"))
                .findFirst().orElseThrow(() -> new AssertionError("no identity variable"));

        assertThat(variable.path("type").asText()).isEqualTo("query");
        String definition = "label_values(dkim_identity_info{job=\"$job\", instance=~\"$instance\"}, identity)";
        assertThat(variable.path("definition").asText()).isEqualTo(definition);
        assertThat(variable.path("query").path("query").asText()).isEqualTo(definition);
        assertThat(identity.queries()).allSatisfy(q -> assertThat(q.expr())
                .as("every panel of the identity dashboard is about the chosen identity").contains("$identity"));
    }

    /** The zone of an identity comes from dkim_identity_info, never from a regex on the identity. */
    @Test
    void noQuery_guessesAZoneFromTheIdentity() {
        List<PanelQuery> all = dashboards.stream().flatMap(d -> d.queries().stream()).toList();
        assertThat(all).isNotEmpty().allSatisfy(q -> assertThat(q.expr()).as(q.toString())
                .doesNotContain("label_replace").doesNotContainPattern("identity\\s*=~"));
        assertThat(all).filteredOn(q -> q.expr().contains("dkim_zone_soa_serial") && q.expr().contains("$identity"))
                .isNotEmpty().allSatisfy(q -> assertThat(q.expr()).contains("dkim_identity_info"));
    }

    /** Findings are shown by level; the deprecated severity label is on no panel. */
    @Test
    void findingPanels_useLevelNeverTheDeprecatedSeverityLabel() {
        List<PanelQuery> findings = dashboards.stream().flatMap(d -> d.queries().stream())
                .filter(q -> q.expr().contains("dkim_findings")).toList();
        assertThat(findings).isNotEmpty().noneMatch(q -> q.expr().contains("severity"))
                .anyMatch(q -> q.expr().contains("by (level)"));
    }

    @Test
    void everyDashboard_picksOneJobAndItsInstances_andEverySelectorUsesThem() {
        for (Dashboard d : dashboards) {
            List<String> names = d.variables().stream().map(v -> v.path("name").asText()).toList();
            assertThat(names).as(d.file()).containsSubsequence("datasource", "job", "instance");
            JsonNode instance = d.variables().get(names.indexOf("instance"));
            assertThat(instance.path("definition").asText()).isEqualTo("label_values(dkim_agent_build_info{job=\"$job\"}, instance)");
            assertThat(instance.path("allValue").asText()).isEqualTo(".*");
            for (PanelQuery q : d.queries()) {
                Matcher selector = SELECTOR.matcher(q.expr());
                while (selector.find()) {
                    assertThat(selector.group(2)).as(q + ": " + selector.group(1)).isNotNull().startsWith(AGENT_MATCHERS);
                }
            }
        }
    }

    /** With a 60 s scrape and Grafana's default 15 s interval, a rate needs at least 2 minutes. */
    @Test
    void everyRatePanel_hasAMinimumIntervalOfTwoScrapes() {
        for (Dashboard d : dashboards) {
            for (JsonNode panel : d.panels()) {
                if (panel.path("targets").toString().contains("$__rate_interval")) {
                    assertThat(panel.path("interval").asText()).as(d.file() + " / " + panel.path("title").asText())
                            .isEqualTo("2m");
                }
            }
        }
    }

    @Test
    void timeLeftBeforeRevocation_isNeverNegative() {
        List<PanelQuery> timeLeft = dashboards.stream().flatMap(d -> d.queries().stream())
                .filter(q -> q.expr().contains("dkim_ses_verification_deadline_timestamp_seconds")).toList();

        assertThat(timeLeft).hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(q -> assertThat(q.expr()).as(q.toString()).startsWith("clamp_min(").endsWith(", 0)"));
    }

    /** Every dkim_ metric the agent exports is on some panel (the dashboards show all it knows). */
    @Test
    void everyExportedMetric_isOnADashboard_andTheJvmPanelsExist() {
        // cluster mode exports everything one agent does plus the cluster families
        dev.dkimagent.agent.metrics.AgentMetrics metrics = dev.dkimagent.agent.metrics.AgentMetrics.clustered("1", "n1");
        new dev.dkimagent.agent.metrics.CanaryGauges(metrics.registry()); // registered when the canary is on
        Set<String> exported = new TreeSet<>();
        java.util.Collections.list(metrics.registry().metricFamilySamples()).forEach(f -> exported.add(
                f.type == io.prometheus.client.Collector.Type.COUNTER ? f.name + "_total"
                        : f.type == io.prometheus.client.Collector.Type.HISTOGRAM ? f.name + "_bucket" : f.name));
        Set<String> shown = new TreeSet<>();
        dashboards.forEach(d -> d.queries().forEach(q -> {
            Matcher m = SELECTOR.matcher(q.expr());
            while (m.find()) {
                shown.add(m.group(1));
            }
        }));

        assertThat(exported).hasSizeGreaterThan(15);
        assertThat(shown).containsAll(exported);
        assertThat(metricsOf("dkim-agent-overview")).contains("dkim_nameserver_up", "dkim_zone_discovered",
                "dkim_ses_signing_enabled");
        assertThat(shown).contains("process_open_fds", "process_max_fds", "jvm_memory_bytes_used",
                "jvm_gc_collection_seconds_sum", "jvm_threads_current", "process_cpu_seconds_total");
    }

    @Test
    void overview_listsFailingRecordsPerNameserver_andSesStatusOverTime() {
        Dashboard overview = dashboards.stream().filter(d -> d.uid().equals("dkim-agent-overview")).findFirst().orElseThrow();

        assertThat(overview.panels()).anySatisfy(p -> {
            assertThat(p.path("type").asText()).isEqualTo("table");
            assertThat(p.path("targets").get(0).path("expr").asText()).startsWith("dkim_record_ok{").endsWith("== 0");
        });
        assertThat(overview.panels()).anySatisfy(p -> {
            assertThat(p.path("type").asText()).isEqualTo("timeseries");
            assertThat(p.path("targets").get(0).path("expr").asText()).contains("dkim_ses_dkim_status");
        });
    }

    /** Panels about what an alert watches link to its runbook; every runbook link lands on a heading. */
    @Test
    void runbookLinks_pointAtOperationsHeadings_andCoverTheAlertedMetrics() {
        Set<String> headings = new TreeSet<>();
        Matcher heading = Pattern.compile("(?m)^### (DkimAgent\\w+)$").matcher(GrafanaFiles.read("docs/operations.md"));
        heading.results().forEach(r -> headings.add(r.group(1).toLowerCase(java.util.Locale.ROOT)));
        Set<String> linked = new TreeSet<>();
        for (Dashboard d : dashboards) {
            for (JsonNode panel : d.panels()) {
                Matcher link = RUNBOOK.matcher(panel.path("links").toString());
                while (link.find()) {
                    assertThat(headings).as(d.file() + " / " + panel.path("title").asText()).contains(link.group(1));
                    linked.add(link.group(1));
                }
            }
        }
        assertThat(linked).contains("dkimagentrecordnotserved", "dkimagentzoneunresolved", "dkimagentnameserverdown",
                "dkimagentverificationdeadlinenear", "dkimagentverificationdeadlinepassed", "dkimagentverificationlost",
                "dkimagentsweepsstale", "dkimagentsesscanstale", "dkimagentnotificationdropped", "dkimagentsesunreadable",
                "dkimagentnometricspublisher", "dkimagentclusternodeslost", "dkimagentshardstale");
    }

    @Test
    void findingTables_linkEachRuleToItsPage() {
        for (Dashboard d : dashboards) {
            for (JsonNode panel : d.panels()) {
                boolean rulesColumn = Pattern.compile("by \\([^)]*\\brule\\b").matcher(panel.path("targets").toString()).find();
                if (panel.path("type").asText().equals("table") && rulesColumn) {
                    assertThat(panel.path("fieldConfig").path("overrides").toString()).as(d.file())
                            .contains("docs/rules/${__value.raw}.md");
                }
            }
        }
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
