package dev.dkimagent.agent.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What reading the configuration costs at start, identities in HOCON ({@code identities = [...]})
 * against the same identities in an identity file ({@code identity-files}): each form loaded in a
 * fresh JVM ({@link ConfigLoadRun}) with the shipped flags, {@code runs} times, the forms
 * interleaved; prints each figure as median [min-max] and how many runs ran out of heap. The
 * identities are the sweep bench's shape (idNNNNN.bench.test, three 32-character tokens); both
 * files also set DNS resolvers, one zone override and one {@code ${?...}} substitution. A plain
 * main, never run by the build (docs/performance.md, "Loading the configuration").
 * Options: identities=10000,100000 runs=5 forms=hocon,file,none (none: the same
 * configuration without identities, what any load costs) jvm="-XX:+UseSerialGC -Xmx256m -Xss512k -XX:TieredStopAtLevel=1".
 */
public final class ConfigLoadBench {
    static final String SHIPPED_FLAGS = "-XX:+UseSerialGC -Xmx256m -Xss512k -XX:TieredStopAtLevel=1";

    private ConfigLoadBench() {
    }

    /** One run's figures, or null figures when the run ran out of heap. */
    record Result(boolean oom, double loadMs, double cpuMs, double allocatedMb, double peakMb, double heldMb,
                  double gcs, double gcMs) {
        static Result parse(String line) {
            String[] f = line.split(" ");
            if (f[1].equals("oom")) {
                return new Result(true, 0, 0, 0, 0, 0, 0, 0);
            }
            return new Result(false, Long.parseLong(f[2]) / 1e6, Long.parseLong(f[3]) / 1e6, mb(f[4]), mb(f[5]),
                    mb(f[6]), Long.parseLong(f[7]), Long.parseLong(f[8]));
        }

        private static double mb(String bytes) {
            return Long.parseLong(bytes) / (1024.0 * 1024.0);
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = BenchOptions.of(args);
        int runs = Integer.parseInt(options.getOrDefault("runs", "5"));
        List<String> forms = List.of(options.getOrDefault("forms", "hocon,file,none").split(","));
        List<String> flags = List.of(options.getOrDefault("jvm", SHIPPED_FLAGS).trim().split("\\s+"));
        System.out.printf(Locale.ROOT, "configuration load, cold JVM (%s), %d runs per form%n",
                String.join(" ", flags), runs);
        for (String n : options.getOrDefault("identities", "10000,100000").split(",")) {
            int identities = Integer.parseInt(n);
            Path dir = Files.createTempDirectory("config-load-bench");
            Map<String, Path> configs = Map.of("hocon", writeHocon(dir, identities), "file", writeFileForm(dir,
                    identities), "none", Files.writeString(dir.resolve("none.conf"), header() + "}\n"));
            Map<String, List<Result>> results = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                for (String form : forms) {
                    results.computeIfAbsent(form, f -> new ArrayList<>()).add(runOnce(flags, configs.get(form),
                            form.equals("none") ? 0 : identities));
                }
            }
            print(identities, results);
            for (Path file : List.of(dir.resolve("hocon.conf"), dir.resolve("file.conf"), dir.resolve("none.conf"),
                    dir.resolve("identities.txt"), dir)) {
                Files.delete(file);
            }
        }
    }

    private static Result runOnce(List<String> flags, Path config, int identities) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(flags);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ConfigLoadRun.class.getName(),
                config.toString(), Integer.toString(identities)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output.lines().filter(l -> l.startsWith(ConfigLoadRun.RESULT)).findFirst().map(Result::parse)
                .orElseThrow(() -> new IllegalStateException("no result from " + config + ":\n" + output));
    }

    private static void print(int identities, Map<String, List<Result>> results) {
        System.out.printf(Locale.ROOT, "%n%,d identities: median [min-max]%n", identities);
        System.out.printf(Locale.ROOT, "  %-6s %-22s %-22s %-22s %-22s %-22s %-14s %s%n", "form", "load ms",
                "process CPU ms", "allocated MB", "peak heap MB", "held MB", "GCs", "out of heap");
        results.forEach((form, runs) -> {
            List<Result> ok = runs.stream().filter(r -> !r.oom()).toList();
            long oom = runs.size() - ok.size();
            if (ok.isEmpty()) {
                System.out.printf(Locale.ROOT, "  %-6s %s%n", form, "every run ran out of heap (" + oom + "/"
                        + runs.size() + ")");
                return;
            }
            System.out.printf(Locale.ROOT, "  %-6s %-22s %-22s %-22s %-22s %-22s %-14s %d/%d%n", form,
                    Spread.of(ok, Result::loadMs).format("%.0f"), Spread.of(ok, Result::cpuMs).format("%.0f"),
                    Spread.of(ok, Result::allocatedMb).format("%.0f"), Spread.of(ok, Result::peakMb).format("%.0f"),
                    Spread.of(ok, Result::heldMb).format("%.1f"), Spread.of(ok, Result::gcs).format("%.0f"), oom,
                    runs.size());
        });
    }

    private static String header() {
        return "dkim-agent {\n  dns.resolvers = [\"127.0.0.1\"]\n"
                + "  zones { \"bench.test\" { nameservers = [\"127.0.0.2\", \"127.0.0.3\", \"127.0.0.4\"] } }\n"
                + "  alerting.slack.webhook-url = ${?DKIM_AGENT_SLACK_WEBHOOK_URL}\n";
    }

    private static Path writeHocon(Path dir, int identities) throws IOException {
        Path file = dir.resolve("hocon.conf");
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write(header() + "  identities = [\n");
            for (int n = 1; n <= identities; n++) {
                out.write(String.format(Locale.ROOT, "    { domain = \"%s\", tokens = [\"%s\", \"%s\", \"%s\"] }%n",
                        domain(n), token(n, 1), token(n, 2), token(n, 3)));
            }
            out.write("  ]\n}\n");
        }
        return file;
    }

    private static Path writeFileForm(Path dir, int identities) throws IOException {
        try (Writer out = Files.newBufferedWriter(dir.resolve("identities.txt"))) {
            out.write("# the bench's identities: domain and three Easy DKIM tokens\n");
            for (int n = 1; n <= identities; n++) {
                out.write(String.format(Locale.ROOT, "%s %s %s %s%n", domain(n), token(n, 1), token(n, 2),
                        token(n, 3)));
            }
        }
        return Files.writeString(dir.resolve("file.conf"), header() + "  identity-files = [\"identities.txt\"]\n}\n");
    }

    private static String domain(int n) {
        return String.format(Locale.ROOT, "id%06d.bench.test", n);
    }

    private static String token(int n, int i) {
        return String.format(Locale.ROOT, "%016x%016x", (long) n * 0x9E3779B97F4A7C15L + i,
                (long) i * 0xC2B2AE3D27D4EB4FL + n);
    }
}
