package dev.dkimagent.agent.config;

import dev.dkimagent.agent.cli.ConfigOption;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;

/**
 * How long reading a large configuration takes: a plain main (never a JUnit test, so no build
 * runs it and no figure is asserted). Writes a file of N identities x 3 Easy-DKIM tokens (the
 * shape of scripts/bench.sh's world) and loads it with the real loader: once cold, as
 * {@code check} and {@code run} do at start, then warm. Usage: {@code ConfigLoadBench
 * [identities] [warm runs] [load|parse]}, defaults 10000, 20 and load; {@code parse} times
 * Typesafe Config's parse of the same file alone, to show what of a load is the library's.
 * Wall times on a shared machine vary with its load; process CPU varies less.
 */
public final class ConfigLoadBench {
    private ConfigLoadBench() {
    }

    public static void main(String[] args) throws Exception {
        int identities = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int warmRuns = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        boolean parseOnly = args.length > 2 && args[2].equals("parse");
        Path dir = Files.createTempDirectory("config-load-bench");
        Path file = write(dir.resolve("dkim-agent.conf"), identities);
        Set<String> codes = ConfigOption.knownCodes();
        System.out.printf("file: %d identities, %d bytes%n", identities, Files.size(file));

        Load load = parseOnly ? () -> com.typesafe.config.ConfigFactory.parseFile(file.toFile())
                : () -> check(SettingsLoader.load(file, codes), identities);
        System.out.println(parseOnly ? "timing: Typesafe Config's parseFile alone" : "timing: SettingsLoader.load");
        long[] cold = timed(load);
        System.out.printf("cold (first load in this JVM): %.1f ms wall, %.1f ms process CPU%n",
                cold[0] / 1e6, cold[1] / 1e6);
        long[] wall = new long[warmRuns];
        long cpu = 0;
        for (int i = 0; i < warmRuns; i++) {
            long[] one = timed(load);
            wall[i] = one[0];
            cpu += one[1];
        }
        Arrays.sort(wall);
        if (warmRuns > 0) {
            System.out.printf("warm (%d loads): wall median %.1f ms [min %.1f, max %.1f]; process CPU %.1f ms per"
                            + " load (mean)%n", warmRuns, wall[warmRuns / 2] / 1e6, wall[0] / 1e6,
                    wall[warmRuns - 1] / 1e6, cpu / 1e6 / warmRuns);
        }
        Files.delete(file);
        Files.delete(dir);
    }

    interface Load {
        void run() throws Exception;
    }

    /** {wall ns, process CPU ns} of one load. */
    private static long[] timed(Load load) throws Exception {
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        load.run();
        return new long[] {System.nanoTime() - start, os.getProcessCpuTime() - cpu};
    }

    private static void check(Settings settings, int identities) {
        if (settings.identities().size() != identities) {
            throw new IllegalStateException("loaded " + settings.identities().size() + " identities");
        }
    }

    /** Identity n: domain idNNNNN.bench.test, three 32-character tokens, one line each. */
    private static Path write(Path file, int identities) throws IOException {
        StringBuilder text = new StringBuilder(identities * 150);
        text.append("dkim-agent {\n  dns.resolvers = [\"127.0.0.1\"]\n")
                .append("  zones { \"bench.test\" { nameservers = [\"127.0.0.2\", \"127.0.0.3\", \"127.0.0.4\"] } }\n")
                .append("  alerting.slack.webhook-url = ${?DKIM_AGENT_SLACK_WEBHOOK_URL}\n")
                .append("  identities = [\n");
        for (int n = 1; n <= identities; n++) {
            text.append(String.format("    { domain = \"id%05d.bench.test\", tokens = [\"%s\", \"%s\", \"%s\"] }%n",
                    n, token(n, 1), token(n, 2), token(n, 3)));
        }
        text.append("  ]\n}\n");
        return Files.writeString(file, text);
    }

    private static String token(int n, int i) {
        return String.format("%016x%016x", (long) n * 0x9E3779B97F4A7C15L + i, (long) i * 0xC2B2AE3D27D4EB4FL + n);
    }
}
