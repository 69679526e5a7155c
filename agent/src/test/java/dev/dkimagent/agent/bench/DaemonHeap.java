package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The memory of a daemon holding N identities: starts the NSD world and {@code bin/dkim-agent run}
 * (shipped flags; state in a temporary H2 file; the identities in an identity file, as a large
 * inventory lists them), waits until /metrics shows the first sweep done, scrapes the whole of
 * /metrics once as Prometheus would (its size and time are printed), then asks the JVM for a full
 * collection (jcmd GC.run) and reads the heap in use (jcmd GC.heap_info) and the process's
 * resident set (/proc). JAVA_OPTS is passed on to the launcher. Stops the daemon by its pid. A plain main
 * (root, private network namespace: scripts/bench-check.sh daemon-heap).
 * Options: identities=10000 histogram=0 (also print the N classes holding the most heap, jcmd
 * GC.class_histogram, to see where the memory goes).
 */
public final class DaemonHeap {
    private static final String METRICS = "http://127.0.0.1:9108/metrics";
    private static final String SWEEP_ONLY = "?name[]=dkim_sweep_last_success_timestamp_seconds";

    private DaemonHeap() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = BenchOptions.numbers(args);
        int identities = options.getOrDefault("identities", 10_000);
        int histogram = options.getOrDefault("histogram", 0);
        Path dir = Files.createTempDirectory("dkim-daemon-heap");
        Path config = dir.resolve("daemon.conf");
        // the bench settings without their HOCON identities: those go in an identity file, as a large inventory would
        String text = BenchSettings.text(0, 1_000_000, 256, BenchWorld.NAMESERVERS);
        text = text.substring(0, text.lastIndexOf('}')) + "  identity-files = [\"identities.txt\"]\n"
                + "  state { url = \"jdbc:h2:file:" + dir.resolve("state") + "\" }\n  schedule { dns-interval = 1h }\n}\n";
        Files.writeString(config, text);
        Files.writeString(dir.resolve("identities.txt"), identityLines(identities));
        Path launcher = Path.of(System.getProperty("bench.launcher", "bin/dkim-agent")).toAbsolutePath();
        try (BenchWorld world = BenchWorld.start(identities)) {
            Process daemon = new ProcessBuilder(launcher.toString(), "run", "--config", config.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
            try {
                long started = System.nanoTime();
                waitForFirstSweep(daemon);
                double sweptAfter = (System.nanoTime() - started) / 1e9;
                String scrape = scrapeOnce();
                long pid = daemon.pid();
                jcmd(pid, "GC.run");
                String heap = jcmd(pid, "GC.heap_info");
                System.out.printf(Locale.ROOT, "daemon holding %d identities, first sweep done %.1f s after launch%n",
                        identities, sweptAfter);
                System.out.println("  " + scrape);
                System.out.printf(Locale.ROOT, "  after a full GC: %s%n  RSS %s%n", usedLine(heap), rss(pid));
                if (System.getenv("DAEMON_HEAP_DUMP") != null) {
                    System.out.println(jcmd(pid, "GC.heap_dump " + System.getenv("DAEMON_HEAP_DUMP")).strip());
                }
                if (histogram > 0) {
                    jcmd(pid, "GC.class_histogram").lines().limit(histogram + 3L).forEach(System.out::println);
                }
            } finally {
                daemon.destroy();
                daemon.waitFor();
            }
        }
    }

    /** {@code idNNNNN.bench.test token token token}, one line per identity. */
    private static String identityLines(int identities) {
        StringBuilder out = new StringBuilder(identities * 120);
        for (int n = 1; n <= identities; n++) {
            out.append(BenchIdentities.domain(n)).append(' ').append(String.join(" ", BenchIdentities.tokens(n)))
                    .append('\n');
        }
        return out.toString();
    }

    /** One whole scrape, read as it streams in: its size and how long it took. */
    private static String scrapeOnce() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long started = System.nanoTime();
        HttpResponse<java.io.InputStream> response = http.send(HttpRequest.newBuilder(URI.create(METRICS)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        long bytes = 0;
        long lines = 0;
        byte[] buffer = new byte[1 << 16];
        try (java.io.InputStream body = response.body()) {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                bytes += n;
                for (int i = 0; i < n; i++) {
                    lines += buffer[i] == '\n' ? 1 : 0;
                }
            }
        }
        return String.format(Locale.ROOT, "one whole scrape: HTTP %d, %.1f MB, %d lines in %.1f s",
                response.statusCode(), bytes / 1e6, lines, (System.nanoTime() - started) / 1e9);
    }

    /** Polls only the sweep family (name[]), so waiting does not scrape the whole inventory twice a second. */
    private static void waitForFirstSweep(Process daemon) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            if (!daemon.isAlive()) {
                throw new IllegalStateException("the daemon exited with " + daemon.exitValue());
            }
            try {
                String body = http.send(HttpRequest.newBuilder(URI.create(METRICS + SWEEP_ONLY)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.ofString()).body();
                if (body.lines().anyMatch(l -> l.startsWith("dkim_sweep_last_success_timestamp_seconds")
                        && !l.endsWith(" 0.0"))) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("no finished sweep within 5 minutes");
    }

    private static String jcmd(long pid, String command) throws Exception {
        Process p = new ProcessBuilder("jcmd", Long.toString(pid), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }

    /** The " def new generation ... used" / "tenured ... used" lines, summed: what the heap holds after the GC. */
    private static String usedLine(String heapInfo) {
        long usedKb = 0;
        for (String line : heapInfo.lines().toList()) {
            int at = line.indexOf(" used ");
            if (at > 0 && line.contains("total")) {
                usedKb += Long.parseLong(line.substring(at + 6).trim().split("K")[0]);
            }
        }
        return String.format(Locale.ROOT, "%.0f MB of heap in use (jcmd GC.heap_info)", usedKb / 1024.0);
    }

    private static String rss(long pid) throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
        return status.stream().filter(l -> l.startsWith("VmRSS") || l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ")).reduce((a, b) -> a + ", " + b).orElse("?");
    }

}
