package dev.dkimagent.agent.daemon;

import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.demo.ses.StubMailer;
import dev.dkimagent.agent.mail.MailWorld;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon with the canary enabled, end to end: its schedule sends through the SES stub (signing
 * disabled, so only amazonses.com signs), the stub delivers to GreenMail by SMTP, the canary reads
 * it over IMAP and verifies it against the NSD world; the finding reaches the alert channel
 * through the lifecycle and outbox, and the canary's series are on /metrics.
 */
class CanaryDaemonTest {
    private static final String PREFIX = "127.62.4";
    private static final String MAIL_HOST = PREFIX + ".100";

    @TempDir
    Path dir;

    @Test
    void run_signingDisabled_alertsCanaryNotSigned_andPublishesTheRoundTrip() throws Exception {
        List<Notification> sent = new CopyOnWriteArrayList<>();
        GreenMail mail = new GreenMail(new ServerSetup[] {new ServerSetup(3025, MAIL_HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(3143, MAIL_HOST, ServerSetup.PROTOCOL_IMAP)});
        try (MailWorld world = MailWorld.start(PREFIX); AwsSesStub ses = AwsSesStub.start()) {
            mail.start();
            mail.setUser("canary@monitoring.test", "canary", "imap-secret");
            StubMailer mailer = new StubMailer(MAIL_HOST, 3025)
                    .signWith(HEALTHY, HEALTHY_TOKENS.get(0), world.sesKeyPair().getPrivate())
                    .amazonSignature(MailWorld.AMAZON_SELECTOR, world.amazonKeyPair().getPrivate());
            mailer.mode(StubMailer.Mode.SIGNING_DISABLED);
            ses.mailer(mailer);
            Settings settings = settings(world, ses);
            try (Daemon daemon = Daemon.start(settings, Clock.systemUTC(),
                    new DaemonEdges(CanaryDaemonFixture.recording(sent), ses.baseCredentials()))) {
                await().atMost(Duration.ofSeconds(90)).until(() -> !sent.isEmpty());

                assertThat(sent.get(0).identity()).isEqualTo(HEALTHY);
                assertThat(sent.get(0).firing()).extracting(AlertLine::rule, AlertLine::tag)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("DKIM06", "CANARY_NOT_SIGNED"));
                assertThat(CanaryDaemonFixture.metrics(daemon.metricsPort())).contains("dkim_canary_round_trip_seconds{identity=\"healthy.test\",}")
                        .doesNotContain("dkim_canary_last_success_timestamp_seconds{");
                assertThat(mail.getReceivedMessages()).isEmpty();
            }
        } finally {
            mail.stop();
        }
    }

    private Settings settings(MailWorld world, AwsSesStub ses) throws Exception {
        String hocon = """
                dkim-agent {
                  dns { resolvers = ["%s"], timeout = 1s, attempts = 2, ipv6 = false }
                  ses { regions = ["us-east-1"], endpoint = "%s" }
                  state { url = "jdbc:h2:file:%s" }
                  http { bind = "127.0.0.1", port = 0 }
                  alerting { firing-after = 1 }
                  canary {
                    enabled = true
                    interval = 1h
                    timeout = 30s
                    identities = ["%s"]
                    to = "canary@monitoring.test"
                    mailbox.imap { host = "%s", port = 3143, tls = false, user = "canary", password = "imap-secret" }
                  }
                }
                """.formatted(world.dns().resolverAddress(), ses.endpoint(), dir.resolve("state").toAbsolutePath(),
                HEALTHY, MAIL_HOST);
        return SettingsLoader.load(ConfigFactory.parseString(hocon), "test", ConfigOption.knownCodes());
    }
}
