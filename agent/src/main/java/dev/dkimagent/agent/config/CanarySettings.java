package dev.dkimagent.agent.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code dkim-agent.canary}.
 *
 * @param enabled          send canary messages at all
 * @param interval         how often each identity sends one
 * @param timeout          how long to wait for it in the mailbox
 * @param identities       the domains to prove
 * @param regions          identity -> the SES region it sends through, for those that set one
 * @param from             the From address, {@code {domain}} replaced per identity
 * @param to               the canary mailbox's address
 * @param configurationSet an SES configuration set, or "" for none
 * @param imap             the IMAP mailbox (its defaults when the S3 mailbox is used)
 * @param s3               the S3 mailbox, or null when the IMAP one is used
 */
public record CanarySettings(boolean enabled, Duration interval, Duration timeout, List<String> identities,
                             Map<String, String> regions, String from, String to, String configurationSet,
                             ImapSettings imap, S3Settings s3) {

    public CanarySettings {
        identities = List.copyOf(identities);
        regions = Map.copyOf(regions);
    }

    /** The From address of one identity. */
    public String fromFor(String domain) {
        return from.replace("{domain}", domain);
    }

    /** The SES region an identity's canary sends through: its own, else {@code defaultRegion} (the first ses.regions). */
    public String regionFor(String domain, String defaultRegion) {
        return regions.getOrDefault(domain, defaultRegion);
    }

    /** True when the messages are read from S3 objects rather than over IMAP. */
    public boolean usesS3() {
        return s3 != null;
    }

    public static CanarySettings disabled() {
        return new CanarySettings(false, Duration.ofHours(6), Duration.ofMinutes(10), List.of(), Map.of(),
                "dkim-canary@{domain}", "", "", ImapSettings.defaults(), null);
    }

    /**
     * {@code dkim-agent.canary.mailbox.imap}. The password never appears in {@link #toString()}.
     */
    public record ImapSettings(String host, int port, boolean tls, String user, String password, String folder) {

        static ImapSettings defaults() {
            return new ImapSettings("", 993, true, "", "", "INBOX");
        }

        /** Where the canary looks, without secrets, for messages and findings: imaps://user@host:993/INBOX. */
        public String display() {
            return (tls ? "imaps" : "imap") + "://" + user + "@" + host + ":" + port + "/" + folder;
        }

        @Override
        public String toString() {
            return "ImapSettings[" + display() + ", password " + Secrets.REDACTED + "]";
        }
    }

    /**
     * {@code dkim-agent.canary.mailbox.s3}: where an SES receipt rule's S3 action stores the
     * messages (object key = prefix + SES message id). No secrets: credentials come from the
     * same chain as SES's.
     *
     * @param bucket   the bucket name
     * @param prefix   the key prefix the receipt rule writes under ("" = the whole bucket)
     * @param region   the bucket's region ("" = the first of ses.regions)
     * @param endpoint "" for AWS, or an S3-compatible endpoint (path-style addressing)
     */
    public record S3Settings(String bucket, String prefix, String region, String endpoint) {

        /** Where the canary looks, for messages and findings: s3://bucket/prefix. */
        public String display() {
            return "s3://" + bucket + "/" + prefix;
        }

        /** The bucket's region: its own, else {@code defaultRegion}. */
        public String regionOr(String defaultRegion) {
            return region.isEmpty() ? defaultRegion : region;
        }
    }
}
