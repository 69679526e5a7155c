package dev.dkimagent.agent.grafana;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dkimagent.agent.metrics.CanaryGauges;
import dev.dkimagent.agent.metrics.MetricNames;
import dev.dkimagent.agent.testworld.DkimWorld;
import dev.dkimagent.agent.testworld.WorldData;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every panel query of every dashboard, with its variables filled in as Grafana would, returns
 * data from a real Prometheus (Debian's) scraping a real agent that checks the shared DNS world
 * and reads an SES stub. The agent sweeps every 10 s and Prometheus scrapes every second. Panels
 * of metrics that need a configuration this world cannot run (the canary) are listed in
 * {@link #ONLY_WHEN_CONFIGURED} and checked for what can be checked.
 */
class DashboardQueriesAgainstPrometheusTest {
    /** mycompany.test is drifted and failing in SES: every identity panel has something to show. */
    private static final String IDENTITY = WorldData.MYCOMPANY;
    private static final Duration DATA_LIMIT = Duration.ofSeconds(60);
    /**
     * Metrics that exist only under a configuration this world cannot run, with that configuration.
     * Their panels are checked to be queries Prometheus accepts and, here, to have no data (so a
     * metric that gains series in this world must leave the list and be checked like the rest).
     */
    private static final String CLUSTER = "cluster.enabled (several agents on PostgreSQL: the cluster's own tests)";
    private static final Map<String, String> ONLY_WHEN_CONFIGURED = Map.of(
            CanaryGauges.LAST_SUCCESS, "canary.enabled (sends real mail through SES to a mailbox)",
            CanaryGauges.ROUND_TRIP, "canary.enabled (sends real mail through SES to a mailbox)",
            MetricNames.CLUSTER_NODES, CLUSTER, MetricNames.CLUSTER_METRICS_PUBLISHER, CLUSTER,
            MetricNames.CLUSTER_NODE_INFO, CLUSTER, MetricNames.CLUSTER_SHARD_LAST_RUN, CLUSTER,
            MetricNames.CLUSTER_SHARD_NODE_INFO, CLUSTER, MetricNames.CLUSTER_SHARD_LAST_RUN_SUCCESS, CLUSTER);

    private static AgentInTestWorld agent;
    private static PrometheusProcess prometheus;
    private static List<PanelQuery> withoutData;

    @BeforeAll
    static void startAgentAndPrometheus() throws Exception {
        agent = AgentInTestWorld.start(DkimWorld.shared());
        prometheus = PrometheusProcess.start(agent.metricsTarget());
        withoutData = awaitData(allQueries().stream().filter(q -> !onlyWhenConfigured(q)).toList());
    }

    @AfterAll
    static void stop() {
        try {
            if (prometheus != null) {
                prometheus.close();
            }
        } finally {
            if (agent != null) {
                agent.close();
            }
        }
    }

    private static boolean onlyWhenConfigured(PanelQuery q) {
        return ONLY_WHEN_CONFIGURED.keySet().stream().anyMatch(q.expr()::contains);
    }

    private static List<PanelQuery> allQueries() {
        List<PanelQuery> all = new ArrayList<>();
        GrafanaFiles.dashboards().forEach(d -> all.addAll(d.queries()));
        return all;
    }

    /** Polls until every query has data or the limit passes; returns those still without data. */
    private static List<PanelQuery> awaitData(List<PanelQuery> queries) {
        Instant deadline = Instant.now().plus(DATA_LIMIT);
        List<PanelQuery> missing = queries;
        while (true) {
            missing = missing.stream().filter(q -> !prometheus.hasData(q.resolved(IDENTITY))).toList();
            if (missing.isEmpty() || Instant.now().isAfter(deadline)) {
                return missing;
            }
            PrometheusProcess.pause();
        }
    }

    @Test
    void everyPanelQuery_withVariablesFilledIn_returnsData() {
        assertThat(allQueries()).hasSizeGreaterThan(25);
        assertThat(withoutData).as("panel queries without data after %s (identity %s):%n%s%nPrometheus log, last lines:%n%s",
                DATA_LIMIT, IDENTITY, lines(withoutData), lastLines(prometheus.log(), 15)).isEmpty();
    }

    @Test
    void panelsOfMetricsThisWorldDoesNotConfigure_areAcceptedByPrometheus_andEmptyHere() {
        List<PanelQuery> conditional = allQueries().stream().filter(q -> onlyWhenConfigured(q)).toList();

        assertThat(conditional).as("panels of %s", ONLY_WHEN_CONFIGURED.keySet()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(conditional).allSatisfy(q -> assertThat(prometheus.query(q.resolved(IDENTITY)).path("result"))
                .as("%s has data here: take its metric off ONLY_WHEN_CONFIGURED", q).isEmpty());
    }

    @Test
    void identityVariable_listsBothConfiguredIdentities() {
        Set<String> identities = new TreeSet<>();
        prometheus.query("group by (identity) (dkim_identity_info)").path("result")
                .forEach(r -> identities.add(r.path("metric").path("identity").asText()));

        assertThat(identities).containsExactly(WorldData.HEALTHY, WorldData.MYCOMPANY);
    }

    @Test
    void overviewCounts_driftedWorld_oneIdentityHealthyAndOneFailing() {
        assertThat(value(overviewExpr("Identities healthy"))).isEqualTo(1.0);
        assertThat(value(overviewExpr("Identities failing"))).isEqualTo(1.0);
    }

    @Test
    void timeLeftBeforeRevocation_failingSesIdentity_is72HoursAfterTheLastSuccess() {
        double seconds = value(overviewExpr("Time left before SES revokes DKIM"));

        assertThat(seconds).isBetween(Duration.ofHours(70).toSeconds() * 1.0, Duration.ofHours(71).toSeconds() * 1.0);
    }

    @Test
    void soaSerialPanel_mycompany_showsEveryServerOfItsZoneOnly() {
        PanelQuery soa = query("dkim-agent-identity", "SOA serial per server");
        List<JsonNode> series = new ArrayList<>();
        prometheus.query(soa.resolved(WorldData.MYCOMPANY)).path("result").forEach(series::add);

        assertThat(series).hasSize(3);
        assertThat(series).allSatisfy(s -> assertThat(s.path("metric").path("zone").asText()).isEqualTo(WorldData.MYCOMPANY));
        assertThat(series.stream().map(s -> Double.parseDouble(s.path("value").get(1).asText())).distinct())
                .containsExactlyInAnyOrder((double) WorldData.MYCOMPANY_SERIAL, (double) WorldData.MYCOMPANY_DRIFTED_SERIAL);
    }

    /**
     * The alert rules' joins hold on what a real agent exports: every alert expression is accepted
     * by Prometheus, and the staleness alerts find the interval and the process start of the same
     * target (job, instance) for both kinds. With the thresholds at 0 they would fire; as shipped,
     * on a fresh agent, they do not.
     */
    @Test
    void alertRules_joinOnTheLiveAgentsSeries() throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper yaml =
                new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        JsonNode rules = yaml.readTree(GrafanaFiles.read("deploy/prometheus/dkim-agent.rules.yml"));
        List<String> stale = new ArrayList<>();
        for (JsonNode rule : rules.path("groups").get(0).path("rules")) {
            String expr = rule.path("expr").asText();
            prometheus.query(expr); // throws when Prometheus rejects it
            if (rule.path("alert").asText().matches("DkimAgent(SweepsStale|SesScanStale)")) {
                stale.add(expr);
                assertThat(prometheus.query(expr).path("result")).as(rule.path("alert").asText()).isEmpty();
            }
        }
        assertThat(stale).hasSize(2);
        for (String kind : List.of("dns", "ses")) {
            String sinceLastSuccess = "(time() - dkim_sweep_last_success_timestamp_seconds{kind=\"%s\"}) > on (job, instance, kind)"
                    + " 0 * dkim_agent_schedule_interval_seconds{kind=\"%s\"}";
            String sinceStart = "(time() - process_start_time_seconds) > on (job, instance)"
                    + " 0 * dkim_agent_schedule_interval_seconds{kind=\"%s\"}";
            assertThat(prometheus.query(sinceLastSuccess.formatted(kind, kind)).path("result").size()).as(kind).isEqualTo(1);
            assertThat(prometheus.query(sinceStart.formatted(kind)).path("result").size()).as(kind).isEqualTo(1);
        }
        assertThat(value("sum(dkim_notifications_total{outcome=\"permanent\"})")).as("created at 0 at start").isZero();
    }

    private static String overviewExpr(String panel) {
        return query("dkim-agent-overview", panel).resolved(IDENTITY);
    }

    private static PanelQuery query(String uid, String panel) {
        return allQueries().stream().filter(q -> q.dashboard().equals(uid) && q.panel().equals(panel)).findFirst()
                .orElseThrow(() -> new AssertionError("no panel '" + panel + "' in " + uid));
    }

    private static String lines(List<PanelQuery> queries) {
        StringBuilder out = new StringBuilder();
        queries.forEach(q -> out.append("  - ").append(q).append(System.lineSeparator()));
        return out.toString();
    }

    private static String lastLines(String text, int count) {
        List<String> all = text.lines().toList();
        return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - count), all.size()));
    }

    /** The value of a query that yields exactly one sample. */
    private static double value(String promql) {
        JsonNode result = prometheus.query(promql).path("result");
        assertThat(result.size()).as("samples of " + promql).isEqualTo(1);
        return Double.parseDouble(result.get(0).path("value").get(1).asText());
    }
}
