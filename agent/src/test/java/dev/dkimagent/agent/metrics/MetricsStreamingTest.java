package dev.dkimagent.agent.metrics;

import static dev.dkimagent.agent.metrics.Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import io.prometheus.client.Collector.MetricFamilySamples;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** /metrics streamed: the same text as before, in chunks, gzip, name[] filtering and HEAD. */
class MetricsStreamingTest {
    private static final String LOOPBACK = "127.0.0.1";
    private static final List<FiringFinding> FIRING_A = List.of(
            FiringFinding.dns("example.com", "example.com", "DKIM01", "RECORD_MISSING", "error"),
            FiringFinding.dns("example.com", "example.com", "DKIM01", "RECORD_MISSING", "error"));
    private static final List<FiringFinding> FIRING_B = List.of(
            FiringFinding.dns("example.com", "example.com", "DKIM01", "RECORD_MISSING", "error"),
            FiringFinding.dns("", "example.com", "NS02", "LAME_DELEGATION", "warning"));
    private static final List<FiringFinding> FIRING_C = List.of(
            FiringFinding.dns("", "other.org", "NS01", "NO_NAMESERVERS", "error"));

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private MetricsServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<InputStream> send(String method, String path, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://" + LOOPBACK + ":" + server.port()
                + path)).timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.noBody());
        if (headers.length > 0) {
            request.headers(headers);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    }

    private String get(String path, String... headers) throws IOException, InterruptedException {
        try (InputStream body = send("GET", path, headers).body()) {
            return new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Each family's lines (HELP, TYPE, samples), by family name. */
    private static Map<String, String> families(String text) {
        Map<String, String> families = new TreeMap<>();
        String name = null;
        StringBuilder block = new StringBuilder();
        for (String line : text.lines().toList()) {
            if (line.startsWith("# HELP ")) {
                if (name != null) {
                    families.put(name, block.toString());
                }
                name = line.split(" ")[2];
                block.setLength(0);
            }
            block.append(line).append('\n');
        }
        if (name != null) {
            families.put(name, block.toString());
        }
        return families;
    }

    private static Map<String, String> agentFamilies(String text) {
        Map<String, String> agent = new TreeMap<>(families(text));
        agent.keySet().removeIf(name -> !name.startsWith("dkim_"));
        return agent;
    }

    /** example.com with ns1 serving t1 with another TTL: the same label sets as {@link Fixtures#snapshot}, other values. */
    private static Map<String, ZoneMatrix> otherTtl() {
        Snapshot base = snapshot();
        Map<Query, Answer> answers = new HashMap<>(base.answers());
        answers.put(q(T1, NS1), reply(true, cnameRr(T1.name(), 60, "t1.dkim.amazonses.com.")));
        return Matrices.of(new Snapshot(AT, base.identities(), base.zones(), base.zoneOfName(), answers, Map.of()));
    }

    private static Map<String, ZoneMatrix> failedZone() {
        return Matrices.of(new Snapshot(AT, List.<Identity>of(), Map.of("other.org", ZoneView.failed("other.org",
                "no SOA")), Map.of(), Map.of(), Map.of()));
    }

    /**
     * Three zones whose label sets overlap (b.test repeats a.test's records with another TTL and a
     * finding of the same labels), published out of order, and an SES view.
     */
    private static Map<String, List<GaugeTable>> publishThreeZones(AgentMetrics metrics) {
        Map<String, List<GaugeTable>> zones = new LinkedHashMap<>();
        zones.put("c.test", ZoneGauges.tablesOf(failedZone(), FIRING_C));
        zones.put("b.test", ZoneGauges.tablesOf(otherTtl(), FIRING_B));
        zones.put("a.test", ZoneGauges.tablesOf(Matrices.of(snapshot()), FIRING_A));
        metrics.publishZone("c.test", failedZone(), FIRING_C);
        metrics.publishZone("b.test", otherTtl(), FIRING_B);
        metrics.publishZone("a.test", Matrices.of(snapshot()), FIRING_A);
        metrics.publishSes(sesView());
        return zones;
    }

    /** The domain families as the agent wrote them before: zones merged in zone order, then TextFormat. */
    private static Map<String, String> oldDomainText(Map<String, List<GaugeTable>> zones) throws IOException {
        List<List<GaugeTable>> ordered = new ArrayList<>(new TreeMap<>(zones).values());
        List<MetricFamilySamples> old = new ArrayList<>();
        for (int family = 0; family < ordered.get(0).size(); family++) {
            int f = family;
            old.add(OldMerge.family(ordered.stream().map(tables -> tables.get(f)).toList()));
        }
        SesGauges.of(sesView()).forEach(table -> old.add(OldMerge.family(List.of(table))));
        StringWriter text = new StringWriter();
        TextFormat.write004(text, Collections.enumeration(old));
        return families(text.toString());
    }

    @Test
    void metrics_goldenState_eachAgentFamilyIsTheGoldenTextByteForByte() throws Exception {
        server = new MetricsServer(LOOPBACK, 0, AgentMetricsGoldenTest.fixedMetrics(), Readiness::yes);
        String golden;
        try (InputStream in = getClass().getResourceAsStream(AgentMetricsGoldenTest.GOLDEN)) {
            golden = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(agentFamilies(get("/metrics"))).isEqualTo(families(golden)).hasSizeGreaterThan(20);
    }

    @Test
    void metrics_zonesWithOverlappingSeries_areMergedAsBefore_byteForByte() throws Exception {
        AgentMetrics metrics = new AgentMetrics("1.0");
        Map<String, String> expected = oldDomainText(publishThreeZones(metrics));
        server = new MetricsServer(LOOPBACK, 0, metrics, Readiness::yes);

        Map<String, String> served = agentFamilies(get("/metrics"));

        assertThat(served).containsAllEntriesOf(expected);
        assertThat(served.get(MetricNames.FINDINGS)).contains("rule=\"DKIM01\",tag=\"RECORD_MISSING\","
                + "level=\"error\",severity=\"error\",} 3.0");
        assertThat(served.get(MetricNames.RECORD_TTL)).contains("address=\"127.53.0.11\",} 1800.0")
                .doesNotContain(" 60.0");
        assertThat(agentFamilies(get("/"))).isEqualTo(served);
    }

    @Test
    void metrics_manySeries_comeInChunksWithoutContentLength_andReadIncrementally() throws Exception {
        AgentMetrics metrics = new AgentMetrics("1.0");
        int zones = 400;
        int perZone = 50;
        for (int z = 0; z < zones; z++) {
            List<FiringFinding> firing = new ArrayList<>();
            for (int i = 0; i < perZone; i++) {
                firing.add(FiringFinding.dns("id" + i + ".zone" + z + ".test", "zone" + z + ".test", "DKIM01",
                        "RECORD_MISSING", "error"));
            }
            metrics.publishZone("zone" + z + ".test", Map.of(), firing);
        }
        server = new MetricsServer(LOOPBACK, 0, metrics, Readiness::yes);

        HttpResponse<InputStream> response = send("GET", "/metrics");
        long findings = 0;
        String previous = "";
        boolean sorted = true;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith(MetricNames.FINDINGS + "{")) {
                    findings++;
                    sorted &= line.compareTo(previous) > 0;
                    previous = line;
                }
            }
        }

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
        assertThat(response.headers().firstValue("Content-Length")).isEmpty();
        assertThat(findings).isEqualTo((long) zones * perZone);
        assertThat(sorted).as("the merged rows come sorted by label values").isTrue();
    }

    @Test
    void metrics_acceptsGzip_sendsTheSameTextGzipped() throws Exception {
        AgentMetrics metrics = new AgentMetrics("1.0");
        publishThreeZones(metrics);
        server = new MetricsServer(LOOPBACK, 0, metrics, Readiness::yes);

        HttpResponse<InputStream> response = send("GET", "/metrics", "Accept-Encoding", "deflate, gzip");
        String unzipped;
        try (InputStream body = new GZIPInputStream(response.body())) {
            unzipped = new String(body.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(response.headers().firstValue("Content-Type")).hasValue(TextFormat.CONTENT_TYPE_004);
        assertThat(agentFamilies(unzipped)).isEqualTo(agentFamilies(get("/metrics"))).isNotEmpty();
    }

    @Test
    void metrics_nameParameters_onlyThoseFamilies_andNoEmptyOne() throws Exception {
        AgentMetrics metrics = new AgentMetrics("1.0");
        publishThreeZones(metrics);
        server = new MetricsServer(LOOPBACK, 0, metrics, Readiness::yes);

        String body = get("/metrics?name[]=" + MetricNames.RECORD_OK + "&name%5B%5D=dkim_agent_build_info"
                + "&name[]=" + MetricNames.SES_SIGNING_ENABLED + "&name[]=" + MetricNames.RECORD_NOT_JUDGED
                + "&name[]=dkim_notification_outbox_pending");
        Map<String, String> all = families(get("/metrics"));

        assertThat(families(body)).containsOnlyKeys(MetricNames.RECORD_OK, "dkim_agent_build_info",
                MetricNames.SES_SIGNING_ENABLED, MetricNames.RECORD_NOT_JUDGED);
        assertThat(families(body).get(MetricNames.RECORD_OK)).isEqualTo(all.get(MetricNames.RECORD_OK));
    }

    @Test
    void metrics_openMetrics_zoneFamiliesAsSimpleclientWritesThem_beforeTheEof() throws Exception {
        AgentMetrics metrics = new AgentMetrics("1.0");
        publishThreeZones(metrics);
        server = new MetricsServer(LOOPBACK, 0, metrics, Readiness::yes);
        StringWriter expected = new StringWriter();
        TextFormat.writeOpenMetrics100(expected, Collections.enumeration(
                new ZoneSeriesProbe(metrics).recordOkFamily()));

        String body = get("/metrics?name[]=" + MetricNames.RECORD_OK, "Accept", "application/openmetrics-text");

        assertThat(body).isEqualTo(expected.toString()).endsWith("# EOF\n").contains("address=\"127.53.0.11\"} 1.0");
    }

    @Test
    void metrics_head_headersOnly() throws Exception {
        AgentMetrics metrics = new AgentMetrics("1.0");
        publishThreeZones(metrics);
        server = new MetricsServer(LOOPBACK, 0, metrics, Readiness::yes);

        HttpResponse<InputStream> response = send("HEAD", "/metrics");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(TextFormat.CONTENT_TYPE_004);
        try (InputStream body = response.body()) {
            assertThat(body.readAllBytes()).isEmpty();
        }
    }

    /** Reads dkim_record_ok from the registry as simpleclient collects it (samples built from the frozen parts). */
    private record ZoneSeriesProbe(AgentMetrics metrics) {
        List<MetricFamilySamples> recordOkFamily() {
            return Collections.list(metrics.registry().metricFamilySamples()).stream()
                    .filter(f -> f.name.equals(MetricNames.RECORD_OK)).toList();
        }
    }
}
