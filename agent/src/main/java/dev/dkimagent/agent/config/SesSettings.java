package dev.dkimagent.agent.config;

import java.time.Duration;
import java.util.List;

/**
 * {@code dkim-agent.ses}: where the SES inventory comes from and how hard it may be asked.
 *
 * @param enabled              read identities from SES at all
 * @param regions              1+ regions, e.g. "us-east-1"
 * @param endpoint             "" or an endpoint override for SES (tests, VPC endpoints)
 * @param stsEndpoint          "" or an endpoint override for STS AssumeRole (tests, an STS VPC endpoint)
 * @param accounts             roles to assume; empty = the default credentials chain
 * @param include              globs on the identity name; an identity must match one
 * @param exclude              globs on the identity name; a match drops it
 * @param maxRequestsPerSecond per account and region, all SES calls together
 * @param detailInterval       GetEmailIdentity at most this often for a SUCCESS identity
 * @param detailBudget         at most this many such refreshes per scan
 * @param apiCallTimeout       bound on every SES/STS call, retries included
 * @param throttleBudget       per account x region and scan, how long throttled calls are retried; null = default
 */
public record SesSettings(boolean enabled, List<String> regions, String endpoint, String stsEndpoint,
                          List<SesAccountSettings> accounts,
                          List<String> include, List<String> exclude, double maxRequestsPerSecond,
                          Duration detailInterval, int detailBudget, Duration apiCallTimeout, Duration throttleBudget) {

    public SesSettings {
        regions = List.copyOf(regions);
        accounts = List.copyOf(accounts);
        include = List.copyOf(include);
        exclude = List.copyOf(exclude);
    }

    /** The same settings with this throttle budget. */
    public SesSettings withThrottleBudget(Duration budget) {
        return new SesSettings(enabled, regions, endpoint, stsEndpoint, accounts, include, exclude, maxRequestsPerSecond,
                detailInterval, detailBudget, apiCallTimeout, budget);
    }

    /** With the default throttle budget. */
    public SesSettings(boolean enabled, List<String> regions, String endpoint, String stsEndpoint,
                       List<SesAccountSettings> accounts, List<String> include, List<String> exclude,
                       double maxRequestsPerSecond, Duration detailInterval, int detailBudget, Duration apiCallTimeout) {
        this(enabled, regions, endpoint, stsEndpoint, accounts, include, exclude, maxRequestsPerSecond, detailInterval,
                detailBudget, apiCallTimeout, null);
    }

    /** Without an STS override. */
    public SesSettings(boolean enabled, List<String> regions, String endpoint, List<SesAccountSettings> accounts,
                       List<String> include, List<String> exclude, double maxRequestsPerSecond,
                       Duration detailInterval, int detailBudget, Duration apiCallTimeout) {
        this(enabled, regions, endpoint, "", accounts, include, exclude, maxRequestsPerSecond, detailInterval,
                detailBudget, apiCallTimeout);
    }
}
