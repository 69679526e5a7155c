package dev.dkimagent.agent.grafana;

import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.agent.daemon.Daemon;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.testworld.DkimWorld;
import dev.dkimagent.agent.testworld.TempFiles;
import dev.dkimagent.agent.testworld.WorldData;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The daemon running in-process against the shared DNS world (healthy.test and the drifted
 * mycompany.test) and an SES stub that reports healthy.test verified and mycompany.test
 * TEMPORARY_FAILURE an hour after its last success, so every metric family has series (the NOTIFY
 * listener is on, on a free port, so its counters exist; the canary is off: it needs a mailbox).
 */
final class AgentInTestWorld implements AutoCloseable {
    static final String REGION = "us-east-1";
    private static final String KEY_PROPERTY = "aws.accessKeyId";
    private static final String SECRET_PROPERTY = "aws.secretAccessKey";

    private final AwsSesStub ses;
    private final Path stateDir;
    private final Daemon daemon;

    private AgentInTestWorld(AwsSesStub ses, Path stateDir, Daemon daemon) {
        this.ses = ses;
        this.stateDir = stateDir;
        this.daemon = daemon;
    }

    static AgentInTestWorld start(DkimWorld world) throws Exception {
        AwsSesStub ses = AwsSesStub.start();
        Path stateDir = TempFiles.createDirectory("dkim-agent-grafana-state-");
        try {
            script(ses);
            // The daemon reads the default credentials chain; system properties come first in it.
            System.setProperty(KEY_PROPERTY, AwsSesStub.BASE_ACCESS_KEY);
            System.setProperty(SECRET_PROPERTY, AwsSesStub.BASE_SECRET_KEY);
            Daemon daemon = Daemon.start(settings(world, ses, stateDir), Clock.systemUTC());
            return new AgentInTestWorld(ses, stateDir, daemon);
        } catch (Exception | Error e) {
            cleanUp(ses, stateDir);
            throw e;
        }
    }

    private static void script(AwsSesStub ses) {
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, WorldData.HEALTHY)
                .tokens(WorldData.HEALTHY_TOKENS.toArray(String[]::new)).status("SUCCESS");
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, WorldData.MYCOMPANY)
                .tokens(WorldData.MYCOMPANY_TOKENS.toArray(String[]::new)).status("TEMPORARY_FAILURE")
                .lastSuccess(Instant.now().minus(Duration.ofHours(1)));
    }

    private static Settings settings(DkimWorld world, AwsSesStub ses, Path stateDir) throws Exception {
        String hocon = """
                dkim-agent {
                  dns { resolvers = ["%s"], ipv6 = false, timeout = 1s, attempts = 2 }
                  identities = [
                    { domain = "%s", tokens = [%s] }
                    { domain = "%s", tokens = [%s] }
                  ]
                  ses { enabled = true, regions = ["%s"], endpoint = "%s", max-requests-per-second = 100 }
                  schedule { dns-interval = 10s }
                  alerting { firing-after = 1 }
                  state { url = "jdbc:h2:file:%s" }
                  http { bind = "127.0.0.1", port = 0 }
                  notify { enabled = true, listen = ["127.0.0.1:0"] }
                }
                """.formatted(world.resolverAddress(), WorldData.HEALTHY, quoted(WorldData.HEALTHY_TOKENS),
                WorldData.MYCOMPANY, quoted(WorldData.MYCOMPANY_TOKENS), REGION, ses.endpoint(),
                stateDir.resolve("dkim-agent"));
        return SettingsLoader.load(ConfigFactory.parseString(hocon), "grafana-test.conf", ConfigOption.knownCodes());
    }

    private static String quoted(List<String> tokens) {
        return tokens.stream().map(t -> "\"" + t + "\"").collect(Collectors.joining(", "));
    }

    /** "127.0.0.1:port" of the agent's /metrics. */
    String metricsTarget() {
        return "127.0.0.1:" + daemon.metricsPort();
    }

    @Override
    public void close() {
        try {
            daemon.close();
        } finally {
            cleanUp(ses, stateDir);
        }
    }

    private static void cleanUp(AwsSesStub ses, Path stateDir) {
        System.clearProperty(KEY_PROPERTY);
        System.clearProperty(SECRET_PROPERTY);
        ses.close();
        TempFiles.deleteRecursively(stateDir);
    }
}
