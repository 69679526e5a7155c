package dev.dkimagent.agent.daemon;

import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.alert.AlertLine;
import dev.dkimagent.agent.alert.Notification;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.agent.demo.s3.S3ReceiptRule;
import dev.dkimagent.agent.demo.s3.S3Stub;
import dev.dkimagent.agent.demo.s3.StubBucket;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.demo.ses.StubMailer;
import dev.dkimagent.agent.mail.MailWorld;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon's canary with the S3 mailbox, end to end: SendEmail to the SES stub, which signs with
 * the NSD world's keys (and amazonses.com's) and stores the message in the S3 stub as an SES
 * receipt rule would; the canary finds it by its header (ranged GETs), verifies it, deletes it,
 * and its findings reach the alert channel and /metrics.
 */
class CanaryS3DaemonTest {
    private static final String PREFIX = "127.62.6";
    private static final String BUCKET = "mycompany-dkim-canary";
    private static final String KEY_PREFIX = "dkim-canary/";
    private static final String BUCKET_REGION = "us-west-2";

    private static MailWorld world;

    @TempDir
    Path dir;
    private final List<Notification> sent = new CopyOnWriteArrayList<>();
    private AwsSesStub ses;
    private S3Stub s3;
    private StubBucket bucket;

    @BeforeAll
    static void startWorld() {
        world = MailWorld.start(PREFIX);
    }

    @AfterAll
    static void stopWorld() {
        world.close();
    }

    @BeforeEach
    void startStubs() {
        ses = AwsSesStub.start();
        s3 = S3Stub.start();
        bucket = s3.bucket(BUCKET, BUCKET_REGION);
        ses.mailer(new StubMailer(new S3ReceiptRule(bucket, KEY_PREFIX, BUCKET_REGION))
                .signWith(HEALTHY, HEALTHY_TOKENS.get(0), world.sesKeyPair().getPrivate())
                .amazonSignature(MailWorld.AMAZON_SELECTOR, world.amazonKeyPair().getPrivate()));
    }

    @AfterEach
    void stopStubs() {
        s3.close();
        ses.close();
    }

    @Test
    void signedAndGood_viaS3_inTheIdentitysOwnRegion_noAlert_objectDeleted() throws Exception {
        String identity = "{ domain = \"" + HEALTHY + "\", region = \"eu-west-1\" }";
        try (Daemon daemon = start(identity)) {
            await().atMost(Duration.ofSeconds(90)).until(() -> CanaryDaemonFixture.metrics(daemon.metricsPort())
                    .contains("dkim_canary_last_success_timestamp_seconds{identity=\"healthy.test\",}"));

            assertThat(ses.log()).filteredOn(c -> c.operation().equals(AwsSesStub.SEND_EMAIL))
                    .extracting(AwsSesStub.Call::region).containsExactly("eu-west-1");
            assertThat(bucket.keys()).containsExactly(KEY_PREFIX + S3ReceiptRule.SETUP_NOTIFICATION);
            assertThat(s3.log()).filteredOn(c -> c.method().equals("DELETE")).singleElement()
                    .satisfies(c -> assertThat(c.key()).startsWith(KEY_PREFIX).isNotEqualTo(KEY_PREFIX
                            + S3ReceiptRule.SETUP_NOTIFICATION));
            assertThat(sent).isEmpty();
        }
    }

    @Test
    void signingDisabledOnTheIdentity_viaS3_alertsCanaryNotSigned() throws Exception {
        ses.domain(AwsSesStub.BASE_ACCOUNT, "us-east-1", HEALTHY).signingEnabled(false);
        try (Daemon daemon = start("\"" + HEALTHY + "\"")) {
            await().atMost(Duration.ofSeconds(90)).until(() -> !sent.isEmpty());

            assertThat(sent.get(0).identity()).isEqualTo(HEALTHY);
            assertThat(sent.get(0).firing()).extracting(AlertLine::rule, AlertLine::tag)
                    .containsExactly(tuple("DKIM06", "CANARY_NOT_SIGNED"));
            assertThat(bucket.keys()).containsExactly(KEY_PREFIX + S3ReceiptRule.SETUP_NOTIFICATION);
        }
    }

    @Test
    void s3AccessDenied_isCanaryError_namingTheBucket_neverADkimVerdict_noSecrets() throws Exception {
        s3.deny(BUCKET);
        try (Daemon daemon = start("\"" + HEALTHY + "\"")) {
            await().atMost(Duration.ofSeconds(90)).until(() -> !sent.isEmpty());

            assertThat(sent.get(0).firing()).extracting(AlertLine::rule, AlertLine::tag)
                    .containsExactly(tuple("MON02", "CANARY_ERROR"));
            String text = sent.get(0).firing().get(0).message() + " " + sent.get(0).firing().get(0).remediation();
            assertThat(text).contains("s3://" + BUCKET + "/" + KEY_PREFIX).contains("AccessDenied");
            String all = sent + CanaryDaemonFixture.metrics(daemon.metricsPort());
            ses.secrets().forEach(secret -> assertThat(all).doesNotContain(secret));
            assertThat(bucket.keys()).hasSize(2); // the message stays: the canary may not read it
        }
    }

    private Daemon start(String identity) throws Exception {
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
                    identities = [%s]
                    to = "canary@inbound.monitoring.test"
                    mailbox.s3 { bucket = "%s", prefix = "%s", region = "%s", endpoint = "%s" }
                  }
                }
                """.formatted(world.dns().resolverAddress(), ses.endpoint(), dir.resolve("state").toAbsolutePath(),
                identity, BUCKET, KEY_PREFIX, BUCKET_REGION, s3.endpoint());
        Settings settings = SettingsLoader.load(ConfigFactory.parseString(hocon), "test", ConfigOption.knownCodes());
        return Daemon.start(settings, Clock.systemUTC(),
                new DaemonEdges(CanaryDaemonFixture.recording(sent), ses.baseCredentials()));
    }
}
