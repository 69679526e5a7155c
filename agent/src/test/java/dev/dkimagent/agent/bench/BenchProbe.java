package dev.dkimagent.agent.bench;

import dev.dkimagent.agent.probe.ZoneIndex;
import dev.dkimagent.agent.probe.ZoneWork;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.rules.model.Answer;
import dev.dkimagent.rules.model.Identity;
import dev.dkimagent.rules.model.Query;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.model.ZoneView;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/** The DNS half of a sweep for the benchmarks: locate the zones, probe each, joined into one snapshot. */
final class BenchProbe {
    private BenchProbe() {
    }

    /** @return the joined snapshot, or null when no resolver answered */
    static Snapshot probeAll(DnsRuntime dns, List<Identity> identities) throws ExecutionException, InterruptedException {
        Instant at = Instant.now();
        ZoneIndex index = dns.locator().locate(identities).get();
        if (index.resolversUnreachable()) {
            return null;
        }
        Map<String, ZoneView> zones = new HashMap<>();
        Map<String, String> zoneOfName = new HashMap<>();
        Map<Query, Answer> answers = new HashMap<>();
        Map<String, Answer> keyAnswers = new HashMap<>();
        for (ZoneWork work : index.zones().values()) {
            Snapshot s = dns.probe().probe(work, at).get();
            zones.putAll(s.zones());
            zoneOfName.putAll(s.zoneOfName());
            answers.putAll(s.answers());
            keyAnswers.putAll(s.keyAnswers());
        }
        return new Snapshot(at, identities, zones, zoneOfName, answers, keyAnswers);
    }
}
