package dev.dkimagent.agent.inventory.ses;

import dev.dkimagent.agent.time.RateLimiter;
import dev.dkimagent.agent.time.Ticker;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the SDK clients: one shared JDK HTTP client, one credentials provider per account (an
 * AssumeRole provider on the base credentials, or the base itself), ses + sesv2 per account x region.
 * The SES endpoint override goes to ses/sesv2 only, the STS override to STS only: a VPC endpoint
 * for SES does not serve AssumeRole.
 * Owns everything it built except the base provider.
 */
final class SesClientFactory implements AutoCloseable {
    static final String SESSION_NAME = "dkim-agent";
    private static final Duration MAX_CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final SesOptions options;
    private final AwsCredentialsProvider base;
    private final SdkHttpClient http;
    private final ClientOverrideConfiguration overrides;
    private final List<AutoCloseable> owned = new ArrayList<>();

    SesClientFactory(SesOptions options, AwsCredentialsProvider base) {
        this.options = options;
        this.base = base;
        Duration attempt = attemptTimeout(options.apiCallTimeout());
        this.http = UrlConnectionHttpClient.builder()
                .connectionTimeout(min(MAX_CONNECT_TIMEOUT, attempt))
                .socketTimeout(attempt)
                .build();
        owned.add(http);
        // STANDARD, not ADAPTIVE_V2: our own limiter already paces the calls; adaptive pacing on top
        // would make the request rate depend on hidden client state.
        this.overrides = ClientOverrideConfiguration.builder()
                .retryStrategy(RetryMode.STANDARD)
                .apiCallTimeout(options.apiCallTimeout())
                .apiCallAttemptTimeout(attempt)
                .build();
    }

    /** All pairs, accounts in order, then regions in order. */
    List<SesClients> build(Consumer<SesCallEvent> listener) {
        List<SesClients> pairs = new ArrayList<>();
        for (SesAccount account : options.effectiveAccounts()) {
            AwsCredentialsProvider credentials = credentialsFor(account);
            for (String region : options.regions()) {
                RateLimiter limiter = new RateLimiter(options.maxRequestsPerSecond(), Ticker.SYSTEM);
                SesCaller caller = new SesCaller(account.name(), region, limiter, listener,
                        new ThrottleRetry(options.throttleBudget()));
                SesClients clients = new SesClients(account, region,
                        configure(SesClient.builder(), region, credentials, options.endpoint()).build(),
                        configure(SesV2Client.builder(), region, credentials, options.endpoint()).build(), caller);
                owned.add(clients);
                pairs.add(clients);
            }
        }
        return pairs;
    }

    private AwsCredentialsProvider credentialsFor(SesAccount account) {
        if (!account.assumesRole()) {
            return base;
        }
        StsClient sts = configure(StsClient.builder(), options.regions().get(0), base, options.stsEndpoint()).build();
        owned.add(sts);
        StsAssumeRoleCredentialsProvider provider = StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> {
                    r.roleArn(account.roleArn()).roleSessionName(SESSION_NAME);
                    if (!account.externalId().isEmpty()) {
                        r.externalId(account.externalId());
                    }
                })
                .asyncCredentialUpdateEnabled(true)
                .build();
        owned.add(provider);
        return provider;
    }

    private <B extends AwsClientBuilder<B, ?> & software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder<B, ?>>
            B configure(B builder, String region, AwsCredentialsProvider credentials, URI endpoint) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .httpClient(http)
                .overrideConfiguration(overrides);
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    /** A third of the call, so a retry still fits; at least a second, at most the call itself. */
    static Duration attemptTimeout(Duration call) {
        Duration third = call.dividedBy(3);
        Duration atLeast = third.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : third;
        return min(atLeast, call);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Clients first, then providers and STS, the shared HTTP client last. */
    @Override
    public void close() {
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception ignored) {
                // closing is best effort; nothing useful to do with a failure here
            }
        }
        owned.clear();
    }
}
