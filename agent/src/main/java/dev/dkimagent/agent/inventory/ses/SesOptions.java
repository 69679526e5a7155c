package dev.dkimagent.agent.inventory.ses;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What to read from SES and how gently.
 *
 * @param regions              the regions to read, e.g. {@code us-east-1}; at least one
 * @param endpoint             endpoint override for ses and sesv2 only (tests, VPC endpoints); null = AWS.
 *                             Plain http only to a loopback address.
 * @param stsEndpoint          endpoint override for STS AssumeRole (tests, an STS VPC endpoint); null = AWS's
 *                             STS for the first region. Separate from {@code endpoint}: an SES VPC endpoint
 *                             does not answer STS. Same policy as {@code endpoint}.
 * @param accounts             the accounts; empty = the base credentials as account "default"
 * @param include              identity-name globs ({@code *}, {@code ?}); empty = all
 * @param exclude              identity-name globs to skip
 * @param maxRequestsPerSecond client-side limit per account x region, for all SES calls together
 * @param detailInterval       how often a SUCCESS identity's v2 details are refreshed at most
 * @param detailBudget         at most this many SUCCESS identities refreshed per scan, oldest first
 * @param apiCallTimeout       bound of one API call, retries included
 * @param throttleBudget       per account x region and scan, how long throttled calls are retried
 *                             (backoff with jitter) before the throttling is reported; zero = never
 */
public record SesOptions(List<String> regions, URI endpoint, URI stsEndpoint, List<SesAccount> accounts, List<String> include,
                         List<String> exclude, double maxRequestsPerSecond, Duration detailInterval,
                         int detailBudget, Duration apiCallTimeout, Duration throttleBudget) {

    public static final double DEFAULT_MAX_REQUESTS_PER_SECOND = 1.0;
    public static final Duration DEFAULT_DETAIL_INTERVAL = Duration.ofHours(6);
    public static final int DEFAULT_DETAIL_BUDGET = 50;
    public static final Duration DEFAULT_API_CALL_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_THROTTLE_BUDGET = Duration.ofMinutes(2);

    public SesOptions {
        regions = List.copyOf(regions);
        accounts = List.copyOf(accounts);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
        require(!regions.isEmpty(), "ses: at least one region is needed");
        require(maxRequestsPerSecond > 0, "ses: maxRequestsPerSecond must be > 0, was " + maxRequestsPerSecond);
        require(detailBudget >= 0, "ses: detailBudget must be >= 0, was " + detailBudget);
        require(positive(detailInterval), "ses: detailInterval must be > 0, was " + detailInterval);
        require(positive(apiCallTimeout), "ses: apiCallTimeout must be > 0, was " + apiCallTimeout);
        require(throttleBudget != null && !throttleBudget.isNegative(),
                "ses: throttleBudget must be >= 0, was " + throttleBudget);
        EndpointPolicy.check(endpoint, "ses endpoint");
        EndpointPolicy.check(stsEndpoint, "sts endpoint");
    }

    /** With the default throttle budget. */
    public SesOptions(List<String> regions, URI endpoint, URI stsEndpoint, List<SesAccount> accounts,
                      List<String> include, List<String> exclude, double maxRequestsPerSecond,
                      Duration detailInterval, int detailBudget, Duration apiCallTimeout) {
        this(regions, endpoint, stsEndpoint, accounts, include, exclude, maxRequestsPerSecond, detailInterval,
                detailBudget, apiCallTimeout, DEFAULT_THROTTLE_BUDGET);
    }

    /** Without an STS override (AWS's STS for the first region). */
    public SesOptions(List<String> regions, URI endpoint, List<SesAccount> accounts, List<String> include,
                      List<String> exclude, double maxRequestsPerSecond, Duration detailInterval,
                      int detailBudget, Duration apiCallTimeout) {
        this(regions, endpoint, null, accounts, include, exclude, maxRequestsPerSecond, detailInterval,
                detailBudget, apiCallTimeout);
    }

    /** Defaults for everything but the regions (base credentials, no filters, no override). */
    public static SesOptions defaults(List<String> regions) {
        return new SesOptions(regions, null, null, List.of(), List.of(), List.of(), DEFAULT_MAX_REQUESTS_PER_SECOND,
                DEFAULT_DETAIL_INTERVAL, DEFAULT_DETAIL_BUDGET, DEFAULT_API_CALL_TIMEOUT);
    }

    /** The configured accounts, or the single default account. */
    List<SesAccount> effectiveAccounts() {
        return accounts.isEmpty() ? List.of(SesAccount.defaultAccount()) : accounts;
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
