package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.AlertPolicy;
import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStateStore;
import dev.dkimagent.agent.alert.Lifecycle;
import dev.dkimagent.agent.alert.MutableClock;
import dev.dkimagent.agent.clusterview.SharedZones;
import dev.dkimagent.agent.dns.Discovery;
import dev.dkimagent.agent.dns.DnsClient;
import dev.dkimagent.agent.metrics.AgentMetrics;
import dev.dkimagent.agent.probe.ZoneLocator;
import dev.dkimagent.agent.probe.ZoneWork;
import dev.dkimagent.agent.store.Store;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.ExpectedRecord;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Nameserver;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.RecordType;
import dev.dkimagent.rules.model.Rr;
import dev.dkimagent.rules.model.SesView;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.Transport;
import dev.dkimagent.rules.model.ZoneView;
import io.prometheus.client.exporter.common.TextFormat;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The daemon's pipeline with real parts (rules, lifecycle, H2 store, metrics) and one seam: the
 * probe, which a test scripts per zone. Zones are located by configured overrides, so no query
 * leaves the process.
 */
final class PipelineFixture implements AutoCloseable {
    static final Instant AT = Instant.parse("2026-12-01T12:00:00Z");
    static final String NS_ADDRESS = "127.0.0.1";

    final Store store;
    final AlertStateStore states;
    final AgentMetrics metrics;
    /** Stands still unless a test moves it. */
    final MutableClock clock = new MutableClock(AT);
    final CommitAndPublish commit;
    final ZonePipeline pipeline;
    final Sweep sweep;
    private final DnsClient client;
    private final Map<String, Identity> identities = new LinkedHashMap<>();
    private final ZoneLocator locator;
    private final Supplier<List<Identity>> inventory;
    private final int zonesInFlight;

    /** @param probing what each zone's probe does; see {@link #observed} for a plain answer */
    PipelineFixture(Path dir, ZoneProbing probing, Duration timeout, int zonesInFlight, List<String> zones) {
        this(open(dir), ZoneExclusion.LOCAL, probing, timeout, zonesInFlight, zones, false);
    }

    /** @param clustered as a node of a cluster: zones publish into the shared view (node id node-1) */
    PipelineFixture(Path dir, ZoneProbing probing, Duration timeout, int zonesInFlight, List<String> zones,
                    boolean clustered) {
        this(open(dir), ZoneExclusion.LOCAL, probing, timeout, zonesInFlight, zones, clustered);
    }

    /** As above on {@code store} (closed with the fixture), holding zones against other agents with {@code others}. */
    PipelineFixture(Store store, ZoneExclusion others, ZoneProbing probing, Duration timeout, int zonesInFlight,
                    List<String> zones) {
        this(store, others, probing, timeout, zonesInFlight, zones, false);
    }

    private PipelineFixture(Store store, ZoneExclusion others, ZoneProbing probing, Duration timeout,
                            int zonesInFlight, List<String> zones, boolean clustered) {
        zones.forEach(z -> identities.put(z, identity(z)));
        this.store = store;
        this.states = new AlertStateStore(store);
        this.metrics = clustered ? AgentMetrics.clustered("test", "node-1") : new AgentMetrics("test");
        Lifecycle lifecycle = new Lifecycle(new AlertPolicy(1, 1, Duration.ofDays(1), Severity.WARNING));
        this.commit = clustered
                ? new CommitAndPublish(states, store, lifecycle, metrics,
                        new SharedZones(store.clusterTables(), metrics, clock))
                : new CommitAndPublish(states, store, lifecycle, metrics);
        RuleEngine engine = new RuleEngine(Catalogue.all(), Levels.defaults(), RuleSettings.defaults(), Messages.load());
        ZoneJudge judge = new ZoneJudge(probing, engine, SesView::empty, Set.of(), new ZoneTimeout(timeout, Duration.ZERO));
        this.pipeline = new ZonePipeline(judge, commit, clock, others);
        this.client = new DnsClient(new dev.dkimagent.agent.config.DnsSettings(java.util.List.of(), Duration.ofMillis(100), 1, 4, 10, 10,
                dev.dkimagent.agent.config.Ipv6Mode.OFF), false, event -> { });
        Map<String, List<String>> overrides = new HashMap<>();
        zones.forEach(z -> overrides.put(z, List.of(NS_ADDRESS)));
        Supplier<List<Identity>> inventory = () -> List.copyOf(identities.values());
        this.locator = new ZoneLocator(new Discovery(client, List.of()), overrides);
        this.inventory = inventory;
        this.zonesInFlight = zonesInFlight;
        this.sweep = new Sweep(locator, pipeline, inventory, zonesInFlight, clock);
    }

    /** Another sweep over this pipeline whose parts reuse located zones for {@code reuse} (cluster mode). */
    Sweep sweepReusingLocated(Duration reuse) {
        return new Sweep(locator, pipeline, inventory, zonesInFlight, clock, reuse);
    }

    /** Takes a zone out of the inventory (the next sweep no longer covers it). */
    void drop(String zone) {
        identities.remove(zone);
    }

    /** The states in the store whose group is this zone's identity. */
    Map<String, AlertState> statesOf(String zone) {
        return states.states(List.of(zone));
    }

    String metricsText() {
        StringWriter out = new StringWriter();
        try {
            TextFormat.write004(out, metrics.registry().metricFamilySamples());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** One identity per zone (the zone apex itself) with one Easy DKIM CNAME. */
    static Identity identity(String zone) {
        return new Identity(zone, "config", List.of(record(zone)));
    }

    static ExpectedRecord record(String zone) {
        return new ExpectedRecord("tok1", "tok1._domainkey." + zone, RecordType.CNAME, "tok1.dkim.amazonses.com");
    }

    /** What one server shows for the zone: the CNAME served, or NXDOMAIN for it. */
    static CompletableFuture<Snapshot> observed(ZoneWork work, Instant at, boolean served) {
        String apex = work.apex();
        Nameserver ns = new Nameserver("ns1." + apex, NS_ADDRESS);
        ZoneView zone = new ZoneView(apex, List.of(ns), Set.of(ns.host()), Set.of(), true, null);
        Map<Query, Answer> answers = new HashMap<>();
        Map<String, String> zoneOfName = new HashMap<>();
        for (Identity identity : work.identities()) {
            for (ExpectedRecord r : identity.records()) {
                zoneOfName.put(r.name(), apex);
                answers.put(new Query(r.name(), "CNAME", NS_ADDRESS), served
                        ? reply(Answer.NOERROR, new Rr(r.name(), "CNAME", 3600, r.value() + "."))
                        : reply(Answer.NXDOMAIN));
                answers.put(new Query(r.name(), "TXT", NS_ADDRESS), reply(served ? Answer.NOERROR : Answer.NXDOMAIN));
            }
        }
        answers.put(new Query(apex, "SOA", NS_ADDRESS), reply(Answer.NOERROR,
                new Rr(apex, "SOA", 3600, ns.host() + ". hostmaster." + apex + ". 2026120101 7200 900 1209600 300")));
        return CompletableFuture.completedFuture(new Snapshot(at, work.identities(), Map.of(apex, zone), zoneOfName,
                answers, Map.of()));
    }

    private static Answer reply(int rcode, Rr... records) {
        return new Answer(Transport.REPLY, rcode, true, List.of(records), null, null, 1);
    }

    private static Store open(Path dir) {
        try {
            return Store.open("jdbc:h2:file:" + dir.resolve("state").toAbsolutePath(), "sa", "");
        } catch (dev.dkimagent.agent.store.StoreException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        store.close();
    }
}
