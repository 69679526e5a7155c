package dev.dkimagent.agent.wiring;

import dev.dkimagent.agent.config.DnsSettings;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.inventory.CombinedInventory;
import dev.dkimagent.agent.pipeline.CheckCollector;
import dev.dkimagent.agent.pipeline.CheckResult;
import dev.dkimagent.agent.pipeline.Propagation;
import dev.dkimagent.agent.pipeline.Sweep;
import dev.dkimagent.agent.pipeline.SweepReport;
import dev.dkimagent.agent.pipeline.ZoneJudge;
import dev.dkimagent.agent.pipeline.ZonePipeline;
import dev.dkimagent.agent.pipeline.ZoneTimeout;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.SesView;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The per-zone pipeline's parts from settings, the same for {@code run} and {@code check}. */
public final class PipelineWiring {
    /**
     * Direct queries one small zone has in flight (3 records x 4 addresses, TXT first and a CNAME
     * where the TXT answer calls for one, plus the SOA): about 16.
     */
    static final int QUERIES_PER_ZONE = 16;
    /** Discovery and key look-ups of one zone: a few resolver round trips, each up to timeout x attempts. */
    static final Duration DISCOVERY_ALLOWANCE = Duration.ofMinutes(2);

    private PipelineWiring() {
    }

    /**
     * Zones probed and judged at once: enough to keep {@code dns.max-in-flight} queries busy, and
     * no more, so a sweep holds only these zones' observations (256 -> 16 zones).
     */
    public static int zonesInFlight(DnsSettings dns) {
        return Math.max(1, dns.maxInFlight() / QUERIES_PER_ZONE);
    }

    public static RuleEngine engine(Settings settings) {
        return new RuleEngine(Catalogue.all(), new Levels(settings.levels()), settings.rules(), Messages.load());
    }

    /** Probes with this DNS runtime, judges with the settings' rules against {@code ses} as it is at each run. */
    public static ZoneJudge judge(Settings settings, DnsRuntime dns, Supplier<SesView> ses) {
        return judge(settings, dns, ses, Propagation.none());
    }

    /** As above; servers behind their zone's newest serial within the grace are not judged (the daemon). */
    public static ZoneJudge judge(Settings settings, DnsRuntime dns, Supplier<SesView> ses, Propagation propagation) {
        Set<String> sources = settings.ses().enabled() ? SesSetup.sources(settings.ses()) : Set.of();
        ZoneTimeout timeout = ZoneTimeout.of(DISCOVERY_ALLOWANCE, settings.dns().perNameserverQps(),
                zonesInFlight(settings.dns()));
        return new ZoneJudge(dns.probe()::probe, engine(settings), ses, sources, timeout, propagation);
    }

    /** One sweep of every zone, collected for a report: what {@code check} (and the demo's matrix) print. */
    public static CheckRun checkOnce(Settings settings, DnsRuntime dns, CombinedInventory inventory, Clock clock)
            throws InterruptedException {
        CheckCollector collected = new CheckCollector();
        ZonePipeline zones = new ZonePipeline(judge(settings, dns, inventory::sesView), collected, clock);
        SweepReport report = sweep(settings, dns, zones, inventory::identities, clock).runOnce();
        return new CheckRun(report, collected.result(report.started(), inventory.identities(), inventory.sesView()));
    }

    /** A one-shot check: how the sweep went, and what it saw and judged. */
    public record CheckRun(SweepReport report, CheckResult result) {
    }

    /**
     * The sweep over {@code zones}. In cluster mode it runs in shards, and the zones one shard
     * located are reused by the shards that follow on this node for half a DNS interval (each
     * shard needs every apex to know its own zones; locating them 16 times an interval would
     * multiply the resolver's work by the shard count).
     */
    public static Sweep sweep(Settings settings, DnsRuntime dns, ZonePipeline zones, Supplier<List<Identity>> inventory,
                              Clock clock) {
        Duration reuse = settings.cluster().enabled() ? settings.schedule().dnsInterval().dividedBy(2) : Duration.ZERO;
        return new Sweep(dns.locator(), zones, inventory, zonesInFlight(settings.dns()), clock, reuse);
    }
}
