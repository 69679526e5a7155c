package dev.dkimagent.agent.canary;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.agent.mail.KeyFetcher;
import dev.dkimagent.agent.mail.Messages;
import dev.dkimagent.agent.mail.MessageVerifier;
import dev.dkimagent.agent.mail.TestSigner;
import dev.dkimagent.agent.wiring.DnsRuntime;
import dev.dkimagent.rules.model.CanaryRound;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A message that arrived while no resolver answers is a MON02 failure (VERIFY), never a DKIM verdict. */
class CanaryProbeTest {

    @Test
    void run_noResolverAnswers_isFailedAtVerify_notAnInvalidSignature() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        byte[] signed = new TestSigner("healthy.test", "s1", rsa.generateKeyPair().getPrivate())
                .sign(Messages.sesShaped("c@healthy.test")).getBytes(StandardCharsets.UTF_8);
        Settings settings = SettingsLoader.load(ConfigFactory.parseString(
                "dkim-agent.dns { resolvers = [\"127.62.5.1\"], timeout = 200ms, attempts = 1, ipv6 = false }"),
                "test", ConfigOption.knownCodes());
        CanaryMailbox mailbox = new CanaryMailbox() {
            @Override
            public Optional<byte[]> take(String id) {
                return Optional.of(signed);
            }

            @Override
            public String display() {
                return "test";
            }
        };
        try (DnsRuntime dns = new DnsRuntime(settings, event -> { })) {
            MessageVerifier verifier = new MessageVerifier(new KeyFetcher(dns.locator(), dns.discovery(), dns.client(),
                    settings.zoneNameservers()), Clock.systemUTC());
            CanaryProbe probe = new CanaryProbe((message, at) -> { }, mailbox, verifier, Clock.systemUTC(),
                    d -> { }, Duration.ofSeconds(1), Duration.ofMillis(10));

            CanaryRound round = probe.run("healthy.test", "c@healthy.test", "canary@monitoring.test");

            assertThat(round.delivery()).isEqualTo(CanaryRound.Delivery.FAILED);
            assertThat(round.failure().stage()).isEqualTo(CanaryRound.Stage.VERIFY);
            assertThat(round.signatures()).isEmpty();
        }
    }
}
