package dev.dkimagent.agent.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One {@code bin/dkim-agent check --format json} as its own process, with the JVM flags
 * bin/dkim-agent ships (plus the bench's JAVA_OPTS, e.g. a JFR recording). The DNS client's
 * DEBUG summary line gives the number of queries and when the first began and the last ended,
 * so the process's wall time splits into start-up, sweep and finish (rules, report, exit).
 */
final class AgentCheckRun {
    private static final String SUMMARY = "dns summary: ";

    /** Whole process and sweep figures; exit 0 means no finding at warning or above. */
    record Result(int exit, long queries, double wallSeconds, double cpuSeconds, long maxRssKb,
                  double startSeconds, double sweepSeconds, double finishSeconds, long lastReplyEpochMs) {
        double sweepQps() {
            return queries / sweepSeconds;
        }

        double cpuMicrosPerQuery() {
            return cpuSeconds * 1e6 / queries;
        }
    }

    private final Path launcher;
    private final Path config;
    private final String javaOpts;

    AgentCheckRun(Path launcher, Path config, String javaOpts) {
        this.launcher = launcher;
        this.config = config;
        this.javaOpts = javaOpts;
    }

    Result run(Path stdout) {
        String opts = (javaOpts + " -Ddkim-agent.log.levels-file=" + debugSummary()).trim();
        TimedProcess.Result r = TimedProcess.run(
                List.of(launcher.toString(), "check", "--config", config.toString(), "--format", "json"),
                Map.of("JAVA_OPTS", opts), stdout);
        String line = r.stderr().stream().filter(l -> l.contains(SUMMARY)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the agent printed no DNS summary (exit " + r.exit()
                        + "): " + r.stderr()));
        long queries = value(line, "queries");
        long first = value(line, "first-ms");
        long last = value(line, "last-ms");
        double start = (first - r.launchedAtMs()) / 1e3;
        double sweep = (last - first) / 1e3;
        return new Result(r.exit(), queries, r.wallSeconds(), r.cpuSeconds(), r.maxRssKb(), start, sweep,
                r.wallSeconds() - start - sweep, last);
    }

    /** A logback levels file (logback.xml includes it) turning on the DNS client's DEBUG line alone. */
    private Path debugSummary() {
        Path file = config.resolveSibling("logging.xml");
        try {
            java.nio.file.Files.writeString(file, "<included><logger name=\"dev.dkimagent.agent.dns.DnsClient\""
                    + " level=\"DEBUG\"/></included>\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("writing " + file, e);
        }
        return file;
    }

    private static long value(String line, String key) {
        String rest = line.substring(line.indexOf(key + "=") + key.length() + 1);
        return Long.parseLong(rest.split("\\s+")[0]);
    }
}
