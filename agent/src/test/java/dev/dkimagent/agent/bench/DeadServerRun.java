package dev.dkimagent.agent.bench;

import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.rules.model.Snapshot;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.catalogue.Catalogue;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;

/**
 * One sweep with a fourth nameserver address for bench.test that never answers (a
 * {@link SilentServer}): how long the healthy servers' queries take while the dead one times out,
 * and how many queries the dead address really received. Expected outcome: every query to the
 * three NSD and the resolver is a reply, every one to the dead address a timeout (most not sent).
 */
final class DeadServerRun {
    private final int identities;
    private final int qps;
    private final int maxInFlight;
    private final PrintStream out;

    DeadServerRun(int identities, int qps, int maxInFlight, PrintStream out) {
        this.identities = identities;
        this.qps = qps;
        this.maxInFlight = maxInFlight;
        this.out = out;
    }

    /** Runs and prints; returns false when a query to a live server did not end in a reply. */
    boolean run() throws ExecutionException, InterruptedException {
        List<String> servers = new ArrayList<>(BenchWorld.NAMESERVERS);
        servers.add(BenchWorld.SILENT_SERVER);
        Settings settings = BenchSettings.of(identities, qps, maxInFlight, servers);
        out.printf("%n== dead server: %d identities, nameservers %s (the last never answers), per-nameserver-qps %d,"
                        + " max-in-flight %d, timeout %s x %d ==%n", identities, servers, qps, maxInFlight,
                settings.dns().timeout(), settings.dns().attempts());
        QueryTally tally = new QueryTally();
        try (SilentServer silent = new SilentServer(BenchWorld.SILENT_SERVER);
             DnsRuntime dns = new DnsRuntime(settings, tally)) {
            long start = System.nanoTime();
            Snapshot result = BenchProbe.probeAll(dns, settings.identities());
            double seconds = (System.nanoTime() - start) / 1e9;
            QueryTally.Counts counts = tally.takeCounts();
            List<Verdict> verdicts = new RuleEngine(Catalogue.all(), new Levels(settings.levels()), settings.rules(),
                    Messages.load()).evaluate(result);
            out.printf("  sweep      wall %7.2f s  %8d queries  outcomes %s  the dead address received %d datagrams%n",
                    seconds, counts.total(), counts.outcomes(), silent.takeReceived());
            printVerdicts(verdicts);
            long expectedTimeouts = counts.direct() / servers.size();
            return counts.failures() == counts.unanswered()
                    && counts.failures() <= expectedTimeouts;
        }
    }

    private void printVerdicts(List<Verdict> verdicts) {
        Map<String, Integer> byCode = new TreeMap<>();
        verdicts.forEach(v -> byCode.merge(v.severity() + " " + v.finding().code(), 1, Integer::sum));
        out.printf("  verdicts: %d %s%n", verdicts.size(), byCode);
    }
}
