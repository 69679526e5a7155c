package dev.dkimagent.agent.mail;

import static dev.dkimagent.agent.testworld.WorldData.HEALTHY;
import static dev.dkimagent.agent.testworld.WorldData.HEALTHY_TOKENS;
import static dev.dkimagent.agent.testworld.WorldData.MISSING_TOKEN;
import static dev.dkimagent.agent.testworld.WorldData.MYCOMPANY;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.rules.Levels;
import dev.dkimagent.rules.RuleEngine;
import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Verdict;
import dev.dkimagent.rules.catalogue.Catalogue;
import dev.dkimagent.rules.model.CanaryRound;
import dev.dkimagent.rules.model.CanaryView;
import dev.dkimagent.rules.model.Snapshot;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Messages verified against the NSD world become typed canary observations, and the rules judge
 * them: the same path the daemon's canary takes after the mailbox.
 */
class CanaryObservationTest {
    private static MailWorld world;

    @BeforeAll
    static void start() {
        world = MailWorld.start("127.62.1");
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    void keyMissingOnNs3_becomesKeyNotServedOnNs3() throws Exception {
        String signed = world.amazon().sign(world.ses(MYCOMPANY, MISSING_TOKEN).sign(Messages.sesShaped("c@mycompany.test")));

        assertThat(judge(MYCOMPANY, signed)).containsExactly(
                "DKIM06.CANARY_KEY_NOT_SERVED@" + MISSING_TOKEN + "@ns3.mycompany.test");
    }

    @Test
    void onlyAmazonSignature_becomesNotSigned() throws Exception {
        String signed = world.amazon().sign(Messages.sesShaped("c@healthy.test"));

        assertThat(judge(HEALTHY, signed)).containsExactly("DKIM06.CANARY_NOT_SIGNED@null@null");
    }

    @Test
    void goodMessage_findsNothing_alteredBody_isInvalidSignature() throws Exception {
        String signed = world.amazon().sign(world.ses(HEALTHY, HEALTHY_TOKENS.get(0)).sign(Messages.sesShaped("c@healthy.test")));

        assertThat(judge(HEALTHY, signed)).isEmpty();
        assertThat(judge(HEALTHY, signed.replace("Regards", "Regards!"))).containsExactly(
                "DKIM06.CANARY_SIGNATURE_INVALID@" + HEALTHY_TOKENS.get(0) + "@null");
    }

    private static List<String> judge(String identity, String message) throws Exception {
        MessageVerification verification = verify(message);
        CanaryRound round = new CanaryRound(identity, "c@" + identity, Instant.now(), CanaryRound.Delivery.DELIVERED,
                Duration.ofSeconds(1), Duration.ofMinutes(10), CanaryObservation.signatures(verification),
                CanaryObservation.receiver(verification), null);
        List<Verdict> verdicts = new RuleEngine(Catalogue.all(), Levels.defaults(), RuleSettings.defaults(), dev.dkimagent.rules.Messages.load())
                .evaluate(Snapshot.ofCanary(Instant.now(), new CanaryView(List.of(round))));
        return verdicts.stream().map(v -> v.finding().code() + "@" + v.finding().subject().selector() + "@"
                + v.finding().subject().nameserver()).toList();
    }

    private static MessageVerification verify(String message) throws Exception {
        Settings settings = SettingsLoader.load(ConfigFactory.parseString(world.config()), "test", ConfigOption.knownCodes());
        try (DnsRuntime dns = new DnsRuntime(settings, event -> { })) {
            KeyFetcher keys = new KeyFetcher(dns.locator(), dns.discovery(), dns.client(), settings.zoneNameservers());
            return new MessageVerifier(keys, Clock.systemUTC())
                    .verify(MailMessage.parse(message.getBytes(StandardCharsets.UTF_8))).get();
        }
    }
}
