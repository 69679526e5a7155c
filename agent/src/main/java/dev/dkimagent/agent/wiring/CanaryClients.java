package dev.dkimagent.agent.wiring;

import dev.dkimagent.agent.config.CanarySettings;
import dev.dkimagent.agent.config.Settings;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The canary's AWS clients: one SES v2 client per region its identities send through, and the S3
 * client of an S3 mailbox (null otherwise). Closing closes them all.
 */
public final class CanaryClients implements AutoCloseable {
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

    private final CanarySettings canary;
    private final String defaultRegion;
    private final Map<String, SesV2Client> sesByRegion;
    private final S3Client s3;
    /** The default chain when this created it (null when the caller gave credentials: theirs to close). */
    private final DefaultCredentialsProvider ownCredentials;

    private CanaryClients(CanarySettings canary, String defaultRegion, Map<String, SesV2Client> sesByRegion, S3Client s3,
                          DefaultCredentialsProvider ownCredentials) {
        this.canary = canary;
        this.defaultRegion = defaultRegion;
        this.sesByRegion = sesByRegion;
        this.s3 = s3;
        this.ownCredentials = ownCredentials;
    }

    static CanaryClients create(Settings settings, AwsCredentialsProvider given) {
        DefaultCredentialsProvider own = given == null ? DefaultCredentialsProvider.builder().build() : null;
        AwsCredentialsProvider credentials = given != null ? given : own;
        String fallback = defaultRegion(settings);
        Map<String, SesV2Client> ses = new LinkedHashMap<>();
        for (String identity : settings.canary().identities()) {
            ses.computeIfAbsent(settings.canary().regionFor(identity, fallback), r -> ses(settings, r, credentials));
        }
        CanarySettings.S3Settings s3 = settings.canary().s3();
        return new CanaryClients(settings.canary(), fallback, ses,
                s3 == null ? null : s3(s3, s3.regionOr(fallback), credentials), own);
    }

    /** The canary's default SES region: the first of ses.regions. */
    static String defaultRegion(Settings settings) {
        return settings.ses().regions().get(0);
    }

    /** The SES client the identity's canary sends with: the one of its region. */
    public SesV2Client sesFor(String identity) {
        String region = canary.regionFor(identity, defaultRegion);
        SesV2Client client = sesByRegion.get(region);
        if (client == null) {
            throw new IllegalArgumentException("no canary SES client for " + identity + " in " + region);
        }
        return client;
    }

    /** The S3 client of the S3 mailbox; null with an IMAP mailbox. */
    public S3Client s3() {
        return s3;
    }

    static SesV2Client ses(Settings settings, String region, AwsCredentialsProvider credentials) {
        var builder = SesV2Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(CALL_TIMEOUT));
        if (!settings.ses().endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(settings.ses().endpoint()));
        }
        return builder.build();
    }

    /** With an endpoint (an S3-compatible store, a test stub): path-style addressing, as those expect. */
    private static S3Client s3(CanarySettings.S3Settings s3, String region, AwsCredentialsProvider credentials) {
        var builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(RetryMode.STANDARD).apiCallTimeout(CALL_TIMEOUT)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT));
        if (!s3.endpoint().isEmpty()) {
            builder.endpointOverride(URI.create(s3.endpoint())).forcePathStyle(true);
        }
        return builder.build();
    }

    @Override
    public void close() {
        sesByRegion.values().forEach(SesV2Client::close);
        if (s3 != null) {
            s3.close();
        }
        if (ownCredentials != null) {
            ownCredentials.close();
        }
    }
}
