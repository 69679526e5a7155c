package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * dnsperf's one pass over the bench names: every identity's three DKIM names, type CNAME, sent to
 * each of the three nameservers by its own dnsperf process ({@code -c 1 -q 100}), the three at
 * once (the agent, too, asks the three servers at once). The rate is all completed queries over
 * the longest of the three run times dnsperf reports.
 */
final class DnsperfPass {
    /** One pass: queries completed, seconds, and dnsperf's CPU over all three processes. */
    record Result(long queries, double seconds, double cpuSeconds) {
        double qps() {
            return queries / seconds;
        }
    }

    private final Path names;
    private final Path dir;

    private DnsperfPass(Path names, Path dir) {
        this.names = names;
        this.dir = dir;
    }

    /** Writes the input file ("name CNAME" per line) for identities 1..count into dir. */
    static DnsperfPass prepare(int count, Path dir) {
        StringBuilder lines = new StringBuilder(count * 3 * 80);
        for (int n = 1; n <= count; n++) {
            for (String token : BenchIdentities.tokens(n)) {
                lines.append(token).append("._domainkey.").append(BenchIdentities.domain(n)).append(" CNAME\n");
            }
        }
        try {
            Path names = dir.resolve("dnsperf-names.txt");
            Files.writeString(names, lines);
            return new DnsperfPass(names, dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run() {
        List<CompletableFuture<TimedProcess.Result>> runs = new ArrayList<>();
        for (String server : BenchWorld.NAMESERVERS) {
            Path out = dir.resolve("dnsperf-" + server + ".txt");
            List<String> command = List.of("dnsperf", "-s", server, "-d", names.toString(), "-c", "1", "-q", "100");
            runs.add(CompletableFuture.supplyAsync(() -> TimedProcess.run(command, Map.of(), out)));
        }
        long queries = 0;
        double seconds = 0;
        double cpu = 0;
        for (CompletableFuture<TimedProcess.Result> run : runs) {
            TimedProcess.Result r = run.join();
            List<String> report = read(r.stdout());
            if (r.exit() != 0) {
                throw new IllegalStateException("dnsperf failed (exit " + r.exit() + "): " + report + r.stderr());
            }
            queries += (long) field(report, "Queries completed:");
            seconds = Math.max(seconds, field(report, "Run time (s):"));
            cpu += r.cpuSeconds();
        }
        return new Result(queries, seconds, cpu);
    }

    private static List<String> read(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first number after the label in dnsperf's report ("  Queries completed:   30000 (100.00%)"). */
    private static double field(List<String> report, String label) {
        return report.stream().map(String::trim).filter(l -> l.startsWith(label))
                .map(l -> l.substring(label.length()).trim().split("\\s+")[0])
                .map(Double::parseDouble).findFirst()
                .orElseThrow(() -> new IllegalStateException("no '" + label + "' in dnsperf's report: " + report));
    }
}
