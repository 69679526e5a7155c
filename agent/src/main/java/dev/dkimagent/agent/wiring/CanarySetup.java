package dev.dkimagent.agent.wiring;

import dev.dkimagent.agent.canary.CanaryProbe;
import dev.dkimagent.agent.canary.CanaryTarget;
import dev.dkimagent.agent.canary.ImapMailbox;
import dev.dkimagent.agent.canary.SesCanarySender;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.agent.mail.KeyFetcher;
import dev.dkimagent.agent.mail.MessageVerifier;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/** The canary wired from settings: SES v2 in the first ses.regions region (ses.endpoint applies), IMAP, the verifier. */
public final class CanarySetup {
    /** How often the mailbox is looked at while a round waits. */
    public static final Duration POLL = Duration.ofSeconds(15);

    private CanarySetup() {
    }

    /** The SES client the canary sends with; the caller closes it. credentials null = the default chain. */
    public static SesV2Client ses(Settings settings, AwsCredentialsProvider credentials) {
        var builder = SesV2Client.builder()
                .region(Region.of(settings.ses().regions().get(0)))
                .credentialsProvider(credentials != null ? credentials : DefaultCredentialsProvider.builder().build())
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(Duration.ofSeconds(30)));
        if (!settings.ses().endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(settings.ses().endpoint()));
        }
        return builder.build();
    }

    public static java.util.List<CanaryTarget> targets(dev.dkimagent.agent.config.CanarySettings canary) {
        return canary.identities().stream().map(i -> new CanaryTarget(i, canary.fromFor(i), canary.to())).toList();
    }

    public static CanaryProbe probe(Settings settings, DnsRuntime dns, SesV2Client ses, Clock clock, Duration poll) {
        MessageVerifier verifier = new MessageVerifier(new KeyFetcher(dns.locator(), dns.discovery(), dns.client(),
                settings.zoneNameservers()), clock);
        return new CanaryProbe(new SesCanarySender(ses, settings.canary().configurationSet()),
                new ImapMailbox(settings.canary().imap()), verifier, clock, d -> Thread.sleep(d.toMillis()),
                settings.canary().timeout(), poll);
    }
}
