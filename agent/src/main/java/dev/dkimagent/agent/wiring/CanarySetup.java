package dev.dkimagent.agent.wiring;

import dev.dkimagent.agent.canary.CanaryMailbox;
import dev.dkimagent.agent.canary.CanaryProbe;
import dev.dkimagent.agent.canary.CanaryTarget;
import dev.dkimagent.agent.canary.ImapMailbox;
import dev.dkimagent.agent.canary.S3Mailbox;
import dev.dkimagent.agent.canary.SesCanarySender;
import dev.dkimagent.agent.config.CanarySettings;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.mail.KeyFetcher;
import dev.dkimagent.agent.mail.MessageVerifier;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The canary wired from settings: SES v2 in each identity's region (its own, else the first of
 * ses.regions; ses.endpoint applies), the IMAP or S3 mailbox, the verifier.
 */
public final class CanarySetup {
    /** How often the mailbox is looked at while a round waits. */
    public static final Duration POLL = Duration.ofSeconds(15);

    private CanarySetup() {
    }

    /** The AWS clients the canary uses (SES per region, S3 for an S3 mailbox); the caller closes them. credentials null = the default chain. */
    public static CanaryClients clients(Settings settings, AwsCredentialsProvider credentials) {
        return CanaryClients.create(settings, credentials);
    }

    public static List<CanaryTarget> targets(CanarySettings canary) {
        return canary.identities().stream().map(i -> new CanaryTarget(i, canary.fromFor(i), canary.to())).toList();
    }

    public static CanaryProbe probe(Settings settings, DnsRuntime dns, CanaryClients clients, Clock clock,
                                    Duration poll) {
        MessageVerifier verifier = new MessageVerifier(new KeyFetcher(dns.locator(), dns.discovery(), dns.client(),
                settings.zoneNameservers()), clock);
        CanarySettings canary = settings.canary();
        CanaryMailbox mailbox = canary.usesS3() ? new S3Mailbox(clients.s3(), canary.s3())
                : new ImapMailbox(canary.imap());
        return new CanaryProbe(new SesCanarySender(clients::sesFor, canary.configurationSet()), mailbox, verifier,
                clock, d -> Thread.sleep(d.toMillis()), canary.timeout(), poll);
    }
}
