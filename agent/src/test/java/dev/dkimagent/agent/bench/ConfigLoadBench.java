package dev.dkimagent.agent.bench;

import dev.dkimagent.agent.testworld.TempFiles;
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
 *
 * <p>The children run from the shipped jar, as {@code bin/dkim-agent} does, plus a small jar of
 * {@link ConfigLoadRun} written for the run: classes come out of one jar instead of a hundred, and
 * a class-data archive ({@code cds=on}: trained by one load of the file form, not counted) can
 * map them. {@code classpath=build} runs them from this JVM's class path instead.
 * Options: identities=10000,100000 runs=5 forms=hocon,file,none (none: the same
 * configuration without identities, what any load costs) cds=off,on
 * jar=agent/target/dkim-agent.jar classpath=jar|build
 * jvm="-XX:+UseSerialGC -Xmx256m -Xss512k -XX:TieredStopAtLevel=1".
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
        List<String> cds = List.of(options.getOrDefault("cds", "off,on").split(","));
        Path work = Files.createTempDirectory("config-load-bench");
        String classPath = options.getOrDefault("classpath", "jar").equals("build")
                ? System.getProperty("java.class.path")
                : ChildJar.classPath(Path.of(options.getOrDefault("jar", "agent/target/dkim-agent.jar")), work,
                        ConfigLoadRun.class);
        System.out.printf(Locale.ROOT, "configuration load, cold JVM (%s), class path %s, %d runs per form%n",
                String.join(" ", flags), classPath, runs);
        for (String n : options.getOrDefault("identities", "10000,100000").split(",")) {
            int identities = Integer.parseInt(n);
            Path dir = Files.createTempDirectory(work, "n" + identities);
            Map<String, Path> configs = Map.of("hocon", writeHocon(dir, identities), "file", writeFileForm(dir,
                    identities), "none", Files.writeString(dir.resolve("none.conf"), header() + "}\n"));
            Path archive = dir.resolve("load.jsa");
            if (cds.contains("on")) {
                runOnce(withFlag(flags, "-XX:ArchiveClassesAtExit=" + archive), classPath, configs.get("file"),
                        identities);
            }
            Map<String, List<Result>> results = new LinkedHashMap<>();
            for (int run = 0; run < runs; run++) {
                for (String form : forms) {
                    for (String sharing : cds) {
                        List<String> jvm = sharing.equals("on") ? withFlag(flags, "-XX:SharedArchiveFile=" + archive)
                                : flags;
                        String label = sharing.equals("on") ? form + "+cds" : form;
                        results.computeIfAbsent(label, f -> new ArrayList<>()).add(runOnce(jvm, classPath,
                                configs.get(form), form.equals("none") ? 0 : identities));
                    }
                }
            }
            print(identities, results);
        }
        TempFiles.deleteRecursively(work);
    }

    private static List<String> withFlag(List<String> flags, String flag) {
        List<String> with = new ArrayList<>(flags);
        with.add(flag);
        return with;
    }

    private static Result runOnce(List<String> flags, String classPath, Path config, int identities)
            throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(flags);
        // a class-data archive that cannot be mapped must fail the run, not fall back silently
        if (flags.stream().anyMatch(f -> f.startsWith("-XX:SharedArchiveFile"))) {
            command.add("-Xshare:on");
        }
        command.addAll(List.of("-cp", classPath, ConfigLoadRun.class.getName(),
                config.toString(), Integer.toString(identities)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output.lines().filter(l -> l.startsWith(ConfigLoadRun.RESULT)).findFirst().map(Result::parse)
                .orElseThrow(() -> new IllegalStateException("no result from " + config + ":\n" + output));
    }

    private static void print(int identities, Map<String, List<Result>> results) {
        System.out.printf(Locale.ROOT, "%n%,d identities: median [min-max]%n", identities);
        System.out.printf(Locale.ROOT, "  %-10s %-22s %-22s %-22s %-22s %-22s %-14s %s%n", "form", "load ms",
                "process CPU ms", "allocated MB", "peak heap MB", "held MB", "GCs", "out of heap");
        results.forEach((form, runs) -> {
            List<Result> ok = runs.stream().filter(r -> !r.oom()).toList();
            long oom = runs.size() - ok.size();
            if (ok.isEmpty()) {
                System.out.printf(Locale.ROOT, "  %-10s %s%n", form, "every run ran out of heap (" + oom + "/"
                        + runs.size() + ")");
                return;
            }
            System.out.printf(Locale.ROOT, "  %-10s %-22s %-22s %-22s %-22s %-22s %-14s %d/%d%n", form,
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
