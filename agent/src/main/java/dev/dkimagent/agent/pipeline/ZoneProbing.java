package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.probe.ZoneWork;
import dev.dkimagent.rules.model.Snapshot;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** The seam to the probes: one zone's DNS observations (see {@code ZoneProbe}). */
@FunctionalInterface
public interface ZoneProbing {
    CompletableFuture<Snapshot> probe(ZoneWork zone, Instant at);
}
