package dev.dkimagent.agent.daemon;

import dev.dkimagent.agent.testworld.Ports;
import dev.dkimagent.agent.alert.slack.SlackStub;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.testworld.DkimWorld;
import dev.dkimagent.agent.testworld.TempFiles;
import dev.dkimagent.agent.testworld.WorldData;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import software.amazon.awssdk.auth.credentials.AwsCredentials;

/**
 * Everything a daemon test needs around the real process: a DNS world on its own prefix, the SES
 * stub, the Slack stub (webhook), a temp directory with the config and the H2 state, and one
 * fixed metrics port, so every agent started from here shares state, config and port.
 */
final class DaemonWorld implements AutoCloseable {
    /** The shortest interval the configuration allows; two sweeps fire a finding. */
    static final Duration INTERVAL = Duration.ofSeconds(10);
    static final String REGION = "us-east-1";

    private final DkimWorld dns;
    private final AwsSesStub ses;
    private final SlackStub slack;
    private final Path dir;
    private final int port;
    private Path config;
    private String stateUrl;
    private String stateUser = "";
    /** The alerting.slack block of the config; a webhook to the stub unless a test sets another. */
    private String slackSettings;
    private final List<AgentProcess> agents = new ArrayList<>();

    private DaemonWorld(DkimWorld dns, AwsSesStub ses, SlackStub slack, Path dir) {
        this.dns = dns;
        this.ses = ses;
        this.slack = slack;
        this.dir = dir;
        this.port = Ports.freeLoopback();
        this.stateUrl = "jdbc:h2:file:" + statePath();
        this.slackSettings = "slack.webhook-url = \"" + slack.webhookUrl() + "\"";
        this.config = writeConfig();
    }

    /** Starts the DNS world on {@code prefix} ({@code zones} may change its zones first), and both stubs. */
    static DaemonWorld start(String prefix, UnaryOperator<DkimWorld.Builder> zones) {
        DkimWorld dns = zones.apply(DkimWorld.builder().prefix(prefix)).start();
        AwsSesStub ses = AwsSesStub.start();
        SlackStub slack = SlackStub.start();
        return new DaemonWorld(dns, ses, slack, TempFiles.createDirectory("dkim-agent-daemon-"));
    }

    DkimWorld dns() {
        return dns;
    }

    AwsSesStub ses() {
        return ses;
    }

    SlackStub slack() {
        return slack;
    }

    Path config() {
        return config;
    }

    /**
     * Rewrites the config with another {@code alerting.slack} block (HOCON inside
     * {@code alerting { }}, e.g. {@code slack { bot-token = "xoxb-1", channel = "C1" }}); agents
     * started afterwards read it.
     */
    void slackSettings(String hocon) {
        this.slackSettings = hocon;
        this.config = writeConfig();
    }

    /** The H2 database path the agents use (without .mv.db), as error messages name it. */
    Path statePath() {
        return dir.resolve("data").resolve("dkim-agent");
    }

    /** Starts an agent on the shared config, state and port, with its own output file; does not wait for it. */
    AgentProcess startAgent() {
        return startAgent(List.of(), List.of());
    }

    /** As {@link #startAgent()}, with a command before java and options after {@code run} (see AgentProcess). */
    AgentProcess startAgent(List<String> wrapper, List<String> runOptions) {
        Path output = dir.resolve("agent-" + (agents.size() + 1) + ".out");
        AgentProcess agent = AgentProcess.start(wrapper, runOptions, config, port, awsEnvironment(), output);
        agents.add(agent);
        return agent;
    }

    /** Agents started from now on keep their state at {@code url} (user {@code user}, no password). */
    void stateUrl(String url, String user) {
        this.stateUrl = url;
        this.stateUser = user;
        this.config = writeConfig();
    }

    /** Adds healthy.test (SUCCESS, the world's tokens) to the SES stub in {@link #REGION}. */
    void sesHealthy() {
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, WorldData.HEALTHY)
                .tokens(WorldData.HEALTHY_TOKENS.toArray(String[]::new));
    }

    /** Adds mycompany.test (the world's tokens) with the given SES status. */
    void sesMycompany(String status) {
        ses.domain(AwsSesStub.BASE_ACCOUNT, REGION, WorldData.MYCOMPANY)
                .tokens(WorldData.MYCOMPANY_TOKENS.toArray(String[]::new)).status(status);
    }

    /** The default AWS credentials chain of the child reads these. */
    private Map<String, String> awsEnvironment() {
        AwsCredentials credentials = ses.baseCredentials().resolveCredentials();
        return Map.of(
                "AWS_ACCESS_KEY_ID", credentials.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", credentials.secretAccessKey(),
                "AWS_REGION", REGION,
                "AWS_EC2_METADATA_DISABLED", "true");
    }

    private Path writeConfig() {
        String hocon = """
                dkim-agent {
                  dns { resolvers = ["%s"], timeout = 1s, attempts = 2, ipv6 = false }
                  ses {
                    enabled = true
                    regions = ["%s"]
                    endpoint = "%s"
                    max-requests-per-second = 50
                  }
                  schedule { dns-interval = %ds, ses-interval = %ds }
                  alerting {
                    firing-after = 2
                    resolve-after = 1
                    %s
                  }
                  state { url = "%s", user = "%s" }
                  http { bind = "127.0.0.1", port = %d }
                }
                """.formatted(dns.resolverAddress(), REGION, ses.endpoint(), INTERVAL.toSeconds(),
                INTERVAL.toSeconds(), slackSettings, stateUrl, stateUser, port);
        try {
            return Files.writeString(dir.resolve("dkim-agent.conf"), hocon);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }


    /** Kills any agent still running, then the stubs and the DNS world; deletes the files. */
    @Override
    public void close() {
        agents.forEach(AgentProcess::close);
        slack.close();
        ses.close();
        dns.close();
        TempFiles.deleteRecursively(dir);
    }
}
