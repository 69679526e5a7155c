package dev.dkimagent.agent.bench;

import dev.dkimagent.agent.alert.DeliveryEvent;
import dev.dkimagent.agent.inventory.ses.SesCallEvent;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.metrics.FiringFinding;
import dev.dkimagent.agent.metrics.MetricsServer;
import dev.dkimagent.agent.metrics.Readiness;
import dev.dkimagent.rules.matrix.Matrices;
import dev.dkimagent.rules.matrix.ZoneMatrix;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.DkimStatus;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.SesIdentityState;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many series the agent exports and how long GET /metrics takes, for N identities (3 Easy
 * DKIM records each, SES status for each, 1% of them failing on one server). Two layouts:
 * "shared" (every identity in one zone with 3 nameservers, like SweepBench) and "own-zones" (each
 * identity its own zone with 2 nameservers, a SaaS's customer domains), the latter also published
 * zone by zone as the daemon does (a scrape then merges 10,000 parts). Run by
 * scripts/bench-metrics.sh; the figures are in docs/metrics.md. Options: identities=10000 runs=20.
 */
public final class MetricsBench {
    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private MetricsBench() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.of(args);
        int identities = Integer.parseInt(options.getOrDefault("identities", "10000"));
        int runs = Integer.parseInt(options.getOrDefault("runs", "20"));
        System.out.printf("metrics bench: %,d identities, %d timed scrapes per layout, Java %s%n", identities, runs,
                System.getProperty("java.version"));
        measure("shared   (1 zone, 3 nameservers)", identities, 1, 3, runs, false);
        measure("own-zones (1 zone per identity, 2 nameservers)", identities, identities, 2, runs, false);
        measure("own-zones, published zone by zone as the daemon does", identities, identities, 2, runs, true);
    }

    private static void measure(String layout, int identities, int zones, int servers, int runs, boolean perZone)
            throws Exception {
        AgentMetrics metrics = new AgentMetrics("bench");
        metrics.scheduled("dns", Duration.ofMinutes(5));
        metrics.scheduled("ses", Duration.ofMinutes(15));
        metrics.notificationChannel("slack_webhook", DeliveryEvent.OUTCOMES);
        metrics.sesOperations(SesCallEvent.OPERATIONS, SesCallEvent.OUTCOMES);
        Snapshot snapshot = snapshot(identities, zones, servers);
        Map<String, ZoneMatrix> matrices = Matrices.of(snapshot);
        SesView ses = ses(identities);
        long publishStart = System.nanoTime();
        if (perZone) {
            matrices.forEach((zone, matrix) -> metrics.publishZone(zone, Map.of(zone, matrix), List.of()));
        } else {
            metrics.publishSnapshot(snapshot);
        }
        metrics.publishSes(ses);
        metrics.publishFiring(firing(identities));
        double publishMillis = (System.nanoTime() - publishStart) / 1e6;
        try (MetricsServer server = new MetricsServer("127.0.0.1", 0, metrics, Readiness::yes)) {
            HttpClient http = HttpClient.newHttpClient();
            URI uri = URI.create("http://127.0.0.1:" + server.port() + "/metrics");
            String body = get(http, uri);
            for (int i = 0; i < 3; i++) {
                get(http, uri);
            }
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                get(http, uri);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            millis.sort(Double::compare);
            long series = body.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).count();
            long dkimSeries = body.lines().filter(l -> l.startsWith("dkim_")).count();
            System.out.printf("%s: %,d series (%,d dkim_*), %.1f per identity; %,d bytes; publish %.0f ms;"
                            + " GET /metrics median %.0f ms, max %.0f ms%n", layout, series, dkimSeries,
                    dkimSeries / (double) identities, body.length(), publishMillis, millis.get(millis.size() / 2),
                    millis.get(millis.size() - 1));
        }
    }

    private static String get(HttpClient http, URI uri) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static Snapshot snapshot(int identities, int zones, int servers) {
        List<Identity> list = new ArrayList<>();
        Map<String, ZoneView> zoneViews = new LinkedHashMap<>();
        Map<String, String> zoneOfName = new HashMap<>();
        Map<Query, Answer> answers = new HashMap<>();
        for (int z = 0; z < zones; z++) {
            String apex = zones == 1 ? "bench.test" : domain(z);
            List<Nameserver> ns = new ArrayList<>();
            Set<String> hosts = new java.util.HashSet<>();
            for (int s = 0; s < servers; s++) {
                String host = "ns" + (s + 1) + "." + (zones == 1 ? "bench.test" : "dns-host" + (z % 50) + ".test");
                ns.add(new Nameserver(host, "10." + (z / 65536 % 256) + "." + (z / 256 % 256) + "." + (z % 256 + s)));
                hosts.add(host);
            }
            zoneViews.put(apex, new ZoneView(apex, ns, hosts, hosts, false, null));
            for (Nameserver n : ns) {
                answers.put(new Query(apex, "SOA", n.address()), new Answer(Transport.REPLY, Answer.NOERROR, true,
                        List.of(new Rr(apex, "SOA", 3600, "ns1." + apex + ". h." + apex + ". 2026120601 7200 900 1209600 300")),
                        null, null, 2));
            }
        }
        for (int i = 0; i < identities; i++) {
            String domain = domain(i);
            String apex = zones == 1 ? "bench.test" : domain;
            List<ExpectedRecord> records = new ArrayList<>();
            for (int t = 1; t <= 3; t++) {
                String token = "tok" + t + "x" + i;
                ExpectedRecord r = new ExpectedRecord(token, token + "._domainkey." + domain, RecordType.CNAME,
                        token + ".dkim.amazonses.com");
                records.add(r);
                zoneOfName.put(r.name(), apex);
                List<Nameserver> ns = zoneViews.get(apex).servers();
                for (int s = 0; s < ns.size(); s++) {
                    boolean failing = i % 100 == 0 && s == ns.size() - 1;
                    answers.put(new Query(r.name(), "CNAME", ns.get(s).address()), failing
                            ? new Answer(Transport.REPLY, Answer.NXDOMAIN, true, List.of(), null, null, 2)
                            : new Answer(Transport.REPLY, Answer.NOERROR, true,
                                    List.of(new Rr(r.name(), "CNAME", 3600, r.value() + ".")), null, null, 2));
                }
            }
            list.add(new Identity(domain, "ses", records));
        }
        return new Snapshot(AT, list, zoneViews, zoneOfName, answers, Map.of());
    }

    private static SesView ses(int identities) {
        List<SesIdentityState> states = new ArrayList<>();
        for (int i = 0; i < identities; i++) {
            DkimStatus status = i % 100 == 0 ? DkimStatus.TEMPORARY_FAILURE : DkimStatus.SUCCESS;
            states.add(new SesIdentityState(domain(i), "default", "us-east-1", status, true, "AWS_SES",
                    List.of("tok1x" + i, "tok2x" + i, "tok3x" + i), "dkim.amazonses.com", "RSA_2048_BIT", null, null,
                    null, AT, AT.minus(Duration.ofHours(10)), null, true));
        }
        return new SesView(states, List.of(), Map.of());
    }

    private static List<FiringFinding> firing(int identities) {
        List<FiringFinding> firing = new ArrayList<>();
        for (int i = 0; i < identities; i += 100) {
            firing.add(FiringFinding.dns(domain(i), domain(i), "DKIM01", "RECORD_MISSING", "error"));
            firing.add(FiringFinding.dns(domain(i), domain(i), "SES03", "SES_AT_RISK", "critical"));
        }
        return firing;
    }

    private static String domain(int i) {
        return String.format("id%05d.bench.test", i + 1);
    }
}
