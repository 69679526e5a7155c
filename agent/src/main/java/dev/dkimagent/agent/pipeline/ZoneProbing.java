package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.probe.ProbeProgress;
import dev.dkimagent.agent.probe.ZoneProbe;
import dev.dkimagent.agent.probe.ZoneWork;
import dev.dkimagent.rules.model.Snapshot;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The seam to the probes: one zone's DNS observations (see {@code ZoneProbe}). */
@FunctionalInterface
public interface ZoneProbing {
    CompletableFuture<Snapshot> probe(ZoneWork zone, Instant at);

    /** The same, reporting records as their answers complete; a probe that cannot reports nothing. */
    default CompletableFuture<Snapshot> probe(ZoneWork zone, Instant at, ProbeProgress progress) {
        return probe(zone, at);
    }

    /** The zone probe itself, with its progress. */
    static ZoneProbing of(ZoneProbe probe) {
        return new ZoneProbing() {
            @Override
            public CompletableFuture<Snapshot> probe(ZoneWork zone, Instant at) {
                return probe.probe(zone, at);
            }

            @Override
            public CompletableFuture<Snapshot> probe(ZoneWork zone, Instant at, ProbeProgress progress) {
                return probe.probe(zone, at, progress);
            }
        };
    }
}
