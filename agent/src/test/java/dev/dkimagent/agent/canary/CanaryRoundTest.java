package dev.dkimagent.agent.canary;

import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.MISSING_TOKEN;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.CanarySettings.ImapSettings;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.demo.ses.StubMailer;
import dev.dkimagent.agent.mail.KeyFetcher;
import dev.dkimagent.agent.mail.MailWorld;
import dev.dkimagent.agent.mail.MessageVerifier;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.Messages;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.CanaryRound;
import dev.dkimagent.rules.model.CanaryView;
import dev.dkimagent.rules.model.Snapshot;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * Canary rounds through real protocols: SES v2 SendEmail to the SES stub, which signs with the
 * NSD world's private keys (and amazonses.com's) and delivers by SMTP to GreenMail; the canary
 * reads GreenMail over IMAP (Angus Mail), verifies against the NSD world and the rules judge.
 */
class CanaryRoundTest {
    private static final String PREFIX = "127.62.3";
    private static final String MAIL_HOST = PREFIX + ".100";
    private static final int SMTP_PORT = 3025;
    private static final int IMAP_PORT = 3143;
    private static final String TO = "canary@monitoring.test";
    private static final String PASSWORD = "canary-imap-secret";
    private static final String TOKEN = HEALTHY_TOKENS.get(0);

    private static MailWorld world;
    private static DnsRuntime dns;
    private static MessageVerifier verifier;
    private GreenMail mail;
    private AwsSesStub ses;
    private StubMailer mailer;
    private SesV2Client client;

    @BeforeAll
    static void startWorld() throws Exception {
        world = MailWorld.start(PREFIX);
        Settings settings = SettingsLoader.load(ConfigFactory.parseString(world.config()), "test", ConfigOption.knownCodes());
        dns = new DnsRuntime(settings, event -> { });
        verifier = new MessageVerifier(new KeyFetcher(dns.locator(), dns.discovery(), dns.client(),
                settings.zoneNameservers()), Clock.systemUTC());
    }

    @AfterAll
    static void stopWorld() {
        dns.close();
        world.close();
    }

    @BeforeEach
    void startMail() {
        mail = new GreenMail(new ServerSetup[] {new ServerSetup(SMTP_PORT, MAIL_HOST, ServerSetup.PROTOCOL_SMTP),
            new ServerSetup(IMAP_PORT, MAIL_HOST, ServerSetup.PROTOCOL_IMAP)});
        mail.start();
        mail.setUser(TO, "canary", PASSWORD);
        ses = AwsSesStub.start();
        mailer = new StubMailer(MAIL_HOST, SMTP_PORT)
                .signWith(HEALTHY, TOKEN, world.sesKeyPair().getPrivate())
                .signWith(MYCOMPANY, MISSING_TOKEN, world.sesKeyPair().getPrivate())
                .amazonSignature(MailWorld.AMAZON_SELECTOR, world.amazonKeyPair().getPrivate());
        ses.mailer(mailer);
        client = SesV2Client.builder().endpointOverride(URI.create(ses.endpoint().toString()))
                .region(Region.US_EAST_1).credentialsProvider(ses.baseCredentials())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stopMail() {
        client.close();
        ses.close();
        mail.stop();
    }

    @Test
    void signedAndGood_findsNothing_deletesOnlyItsOwnMessage() throws Exception {
        GreenMailUtil.sendTextEmail(TO, "someone@example.org", "not a canary", "keep me",
                new ServerSetup(SMTP_PORT, MAIL_HOST, ServerSetup.PROTOCOL_SMTP));

        CanaryRound round = run(HEALTHY, PASSWORD, Duration.ofSeconds(20));

        assertThat(round.delivery()).isEqualTo(CanaryRound.Delivery.DELIVERED);
        assertThat(round.signatures()).extracting(CanaryRound.Signature::domain).containsExactly("amazonses.com", HEALTHY);
        assertThat(round.roundTrip()).isNotNull();
        assertThat(judge(round)).isEmpty();
        assertThat(mail.getReceivedMessages()).extracting(m -> m.getSubject()).containsExactly("not a canary");
        assertThat(ses.calls(AwsSesStub.SEND_EMAIL)).isEqualTo(1);
    }

    @Test
    void signingDisabled_onlyAmazonSigns_isNotSigned() throws Exception {
        mailer.mode(StubMailer.Mode.SIGNING_DISABLED);

        assertThat(judge(run(HEALTHY, PASSWORD, Duration.ofSeconds(20)))).containsExactly("DKIM06.CANARY_NOT_SIGNED@-");
    }

    @Test
    void bodyAlteredInTransit_isInvalidSignature() throws Exception {
        mailer.mode(StubMailer.Mode.ALTER_BODY_IN_TRANSIT);

        assertThat(judge(run(HEALTHY, PASSWORD, Duration.ofSeconds(20))))
                .containsExactly("DKIM06.CANARY_SIGNATURE_INVALID@-");
    }

    @Test
    void selectorWhoseCnameNs3Lacks_isKeyNotServedOnNs3() throws Exception {
        assertThat(judge(run(MYCOMPANY, PASSWORD, Duration.ofSeconds(20))))
                .containsExactly("DKIM06.CANARY_KEY_NOT_SERVED@ns3.mycompany.test");
    }

    @Test
    void neverDelivered_isNotDelivered() throws Exception {
        mailer.mode(StubMailer.Mode.DROP);

        CanaryRound round = run(HEALTHY, PASSWORD, Duration.ofSeconds(1));

        assertThat(round.delivery()).isEqualTo(CanaryRound.Delivery.NOT_DELIVERED);
        assertThat(judge(round)).containsExactly("DKIM06.CANARY_NOT_DELIVERED@-");
    }

    @Test
    void imapLoginRefused_isCanaryErrorOnly_withoutThePassword() throws Exception {
        String wrong = "wrong-password-XYZ";

        CanaryRound round = run(HEALTHY, wrong, Duration.ofSeconds(5));

        assertThat(round.delivery()).isEqualTo(CanaryRound.Delivery.FAILED);
        assertThat(round.failure().stage()).isEqualTo(CanaryRound.Stage.MAILBOX);
        assertThat(round.failure().detail()).contains("AuthenticationFailedException").doesNotContain(wrong);
        assertThat(round.failure().mailbox()).isEqualTo("imap://canary@" + MAIL_HOST + ":" + IMAP_PORT + "/INBOX");
        assertThat(judge(round)).containsExactly("MON02.CANARY_ERROR@-");
    }

    @Test
    void sendDenied_isCanaryErrorAtSend() throws Exception {
        ses.deny(AwsSesStub.BASE_ACCOUNT);

        CanaryRound round = run(HEALTHY, PASSWORD, Duration.ofSeconds(5));

        assertThat(round.failure().stage()).isEqualTo(CanaryRound.Stage.SEND);
        assertThat(judge(round)).containsExactly("MON02.CANARY_ERROR@-");
    }

    private CanaryRound run(String identity, String password, Duration timeout) throws InterruptedException {
        ImapMailbox mailbox = new ImapMailbox(new ImapSettings(MAIL_HOST, IMAP_PORT, false, "canary", password, "INBOX"));
        CanaryProbe probe = new CanaryProbe(new SesCanarySender(client, ""), mailbox, verifier, Clock.systemUTC(),
                d -> Thread.sleep(d.toMillis()), timeout, Duration.ofMillis(200));
        return probe.run(identity, "dkim-canary@" + identity, TO);
    }

    private static List<String> judge(CanaryRound round) {
        return new RuleEngine(Catalogue.all(), Levels.defaults(), RuleSettings.defaults(), Messages.load())
                .evaluate(Snapshot.ofCanary(Instant.now(), new CanaryView(List.of(round)))).stream()
                .map(v -> v.finding().code() + "@" + (v.finding().subject().nameserver() == null ? "-"
                        : v.finding().subject().nameserver()))
                .toList();
    }
}
