package dev.dkimagent.agent.demo;

import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.config.ConfigException;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The demo's configuration, written as a user would write dkim-agent.conf and read by the same
 * loader, so the demo runs exactly what {@code run} runs: zone overrides point every zone at the
 * embedded servers, the resolver serves the keys, SES is the stub, the canary reads the S3 stub,
 * intervals are short.
 */
final class DemoConfig {
    static final String DNS_INTERVAL = "10s";
    static final String SES_INTERVAL = "10s";
    static final int FIRING_AFTER = 2;

    private DemoConfig() {
    }

    static Settings settings(DemoWorld world, Path stateDir, int metricsPort, Set<String> knownCodes)
            throws ConfigException {
        return SettingsLoader.load(ConfigFactory.parseString(text(world, stateDir, metricsPort)),
                "the demo's built-in configuration", knownCodes);
    }

    static String text(DemoWorld world, Path stateDir, int metricsPort) {
        return """
                dkim-agent {
                  dns { resolvers = [%s], timeout = 1s, attempts = 2, ipv6 = false }
                  zones { %s }
                  ses {
                    enabled = true
                    regions = ["%s"]
                    endpoint = "%s"
                    max-requests-per-second = 10
                    api-call-timeout = 10s
                  }
                  schedule { dns-interval = %s, ses-interval = %s }
                  alerting { firing-after = %d, resolve-after = 1, min-severity = warning }
                  state { url = "jdbc:h2:file:%s" }
                  http { bind = "127.0.0.1", port = %d }
                  %s
                }
                """.formatted(quote(world.resolver()), zones(world), DemoWorld.REGION, world.sesEndpoint(),
                DNS_INTERVAL, SES_INTERVAL, FIRING_AFTER, stateDir.resolve("dkim-agent").toAbsolutePath(), metricsPort,
                DemoCanary.config(world.s3Endpoint()));
    }

    /**
     * Every zone checked on ns1, ns2 and ns3 directly: the resolvers know nothing of *.test. The
     * canary asks amazonses.com's own server for the key of SES's second signature.
     */
    private static String zones(DemoWorld world) {
        String servers = world.nameservers().values().stream().map(DemoConfig::quote).collect(Collectors.joining(", "));
        return world.domains().stream().map(d -> quote(d) + " { nameservers = [" + servers + "] }")
                .collect(Collectors.joining("\n    ")) + "\n    \"amazonses.com\" { nameservers = ["
                + quote(world.amazonNameserver()) + "] }";
    }

    private static String quote(String s) {
        return "\"" + s + "\"";
    }
}
