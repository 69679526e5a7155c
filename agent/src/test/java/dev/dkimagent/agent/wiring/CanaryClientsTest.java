package dev.dkimagent.agent.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.dkimagent.agent.canary.CanaryMessage;
import dev.dkimagent.agent.canary.SesCanarySender;
import dev.dkimagent.agent.cli.ConfigOption;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.config.SettingsLoader;
import dev.dkimagent.agent.demo.ses.AwsSesStub;
import dev.dkimagent.agent.demo.ses.StubMailer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each canary identity sends through its own SES region; the rest through the first of ses.regions. */
class CanaryClientsTest {

    @Test
    void sesFor_eachIdentity_isTheClientOfItsRegion() throws Exception {
        try (AwsSesStub ses = AwsSesStub.start()) {
            ses.mailer(new StubMailer((message, to) -> { }));
            Settings settings = SettingsLoader.load(ConfigFactory.parseString("""
                    dkim-agent {
                      ses { regions = ["us-west-2", "us-east-1"], endpoint = "%s" }
                      canary {
                        identities = ["a.test", { domain = "b.test", region = "eu-west-1" }, "c.test"]
                        to = "canary@inbound.example.org"
                      }
                    }
                    """.formatted(ses.endpoint())), "test", ConfigOption.knownCodes());

            try (CanaryClients clients = CanarySetup.clients(settings, ses.baseCredentials())) {
                SesCanarySender sender = new SesCanarySender(clients::sesFor, "");
                for (String identity : settings.canary().identities()) {
                    sender.send(CanaryMessage.create(identity, "dkim-canary@" + identity, "canary@inbound.example.org"),
                            Instant.now());
                }

                assertThat(clients.s3()).isNull();
            }
            assertThat(ses.log()).extracting(c -> c.params().get("FromEmailAddress") + " " + c.region())
                    .containsExactly("dkim-canary@a.test us-west-2", "dkim-canary@b.test eu-west-1",
                            "dkim-canary@c.test us-west-2");
        }
    }
}
