package dev.dkimagent.agent.bench;

import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.ConfigException;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;

/**
 * The agent's own settings for a bench run, written as HOCON and read by the real loader, so the
 * sweep is wired exactly as the daemon wires it: identities from configuration, a zone override
 * "bench.test" -> the three servers (no resolver look-ups per domain), the key server as resolver.
 */
final class BenchSettings {
    private BenchSettings() {
    }

    /**
     * Settings for identities 1..count at {@code qps} per nameserver address, otherwise the defaults.
     * The resolver gets the shipped per-resolver-qps (1000) or qps if higher (the "fast" run).
     */
    static Settings of(int count, int qps, int maxInFlight) {
        return of(count, qps, maxInFlight, BenchWorld.NAMESERVERS);
    }

    /** The same with these addresses as bench.test's nameservers (the dead-server run adds one). */
    static Settings of(int count, int qps, int maxInFlight, java.util.List<String> nameservers) {
        try {
            return SettingsLoader.load(ConfigFactory.parseString(text(count, qps, maxInFlight, nameservers)), "bench",
                    ConfigOption.knownCodes());
        } catch (ConfigException e) {
            throw new IllegalStateException("the bench settings do not load: " + e.getMessage(), e);
        }
    }

    /** The HOCON text of those settings (the check bench writes it to a file for the agent's own process). */
    static String text(int count, int qps, int maxInFlight, java.util.List<String> nameservers) {
        return "dkim-agent {\n"
                + "  dns {\n"
                + "    resolvers = [\"" + BenchWorld.KEY_SERVER + "\"]\n"
                + "    max-in-flight = " + maxInFlight + "\n"
                + "    per-nameserver-qps = " + qps + "\n"
                + "    per-resolver-qps = " + Math.max(qps, 1000) + "\n"
                + "    ipv6 = false\n"
                + "  }\n"
                + "  zones { \"" + BenchIdentities.ZONE + "\" { nameservers = " + quoted(nameservers) + " } }\n"
                + "  identities = [\n" + identities(count) + "  ]\n"
                + "}\n";
    }

    private static String identities(int count) {
        StringBuilder out = new StringBuilder(count * 140);
        for (int n = 1; n <= count; n++) {
            out.append("    { domain = \"").append(BenchIdentities.domain(n)).append("\", tokens = ")
                    .append(quoted(BenchIdentities.tokens(n))).append(" }\n");
        }
        return out.toString();
    }

    private static String quoted(java.util.List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").collect(java.util.stream.Collectors.joining(", ", "[", "]"));
    }
}
