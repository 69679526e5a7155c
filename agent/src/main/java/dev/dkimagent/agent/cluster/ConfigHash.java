package dev.dkimagent.agent.cluster;

import dev.dkimagent.agent.config.AlertingSettings;
import dev.dkimagent.agent.config.CanarySettings;
import dev.dkimagent.agent.config.ClusterSettings;
import dev.dkimagent.agent.config.NotifySettings;
import dev.dkimagent.agent.config.SesAccountSettings;
import dev.dkimagent.agent.config.SesSettings;
import dev.dkimagent.agent.config.Settings;
import dev.dkimagent.rules.model.Identity;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A stable fingerprint of what makes two agents judge and alert alike: the agent version and the
 * settings every node of a cluster must share (identities, zones, rules and levels, DNS, schedule,
 * alerting policy and destination, SES scope, canary, notify policy, shards and timings).
 *
 * <p>Left out on purpose: what differs per node by design (node id, metrics bind and port, NOTIFY
 * listen addresses, the state URL and user) and every secret (Slack webhook URL and bot token,
 * the state password, IMAP password, TSIG secrets, SES external ids): a secret must not leak into
 * a metric, not even hashed, and rotating one is not a settings split.
 *
 * @param version   the agent version that was hashed with the settings
 * @param sha256    64 lower-case hex digits
 */
public record ConfigHash(String version, String sha256) {
    /** Hex digits shown in the metric label and logs: enough to tell settings apart at a glance. */
    public static final int SHORT_LENGTH = 12;

    /** The fingerprint of {@code settings} as run by agent {@code version}. */
    public static ConfigHash of(Settings settings, String version) {
        return new ConfigHash(version, sha256(version + "\n" + canonical(settings)));
    }

    /** The first {@value #SHORT_LENGTH} hex digits. */
    public String shortHash() {
        return sha256.substring(0, SHORT_LENGTH);
    }

    /**
     * The hashed text: one {@code key=value} line per shared setting, in a fixed order, maps sorted
     * by key, so the same settings give the same text whatever order the file lists them in.
     */
    static String canonical(Settings s) {
        Lines out = new Lines();
        out.put("identities", identities(s.identities()));
        out.put("zones", new TreeMap<>(s.zoneNameservers()));
        out.put("rules", s.rules());
        out.put("levels", new TreeMap<>(s.levels()));
        out.put("dns", s.dns());
        out.put("schedule", s.schedule());
        alerting(out, s.alerting());
        ses(out, s.ses());
        canary(out, s.canary());
        notify(out, s.watch());
        cluster(out, s.cluster());
        return out.toString();
    }

    private static String identities(List<Identity> identities) {
        return identities.stream().map(Identity::toString).sorted().collect(Collectors.joining(", ", "[", "]"));
    }

    private static void alerting(Lines out, AlertingSettings a) {
        out.put("alerting.policy", a.policy());
        out.put("alerting.slack.mode", a.slack().mode());
        out.put("alerting.slack.channel", a.slack().channel());
        out.put("alerting.slack.api-url", a.slack().apiUrl());
        out.put("alerting.slack.read-timeout", a.slack().readTimeout());
    }

    private static void ses(Lines out, SesSettings ses) {
        out.put("ses.enabled", ses.enabled());
        out.put("ses.regions", ses.regions());
        out.put("ses.endpoint", ses.endpoint());
        out.put("ses.sts-endpoint", ses.stsEndpoint());
        out.put("ses.accounts", ses.accounts().stream().map(ConfigHash::account).toList());
        out.put("ses.filter.include", ses.include());
        out.put("ses.filter.exclude", ses.exclude());
        out.put("ses.max-requests-per-second", ses.maxRequestsPerSecond());
        out.put("ses.detail", ses.detailInterval() + " " + ses.detailBudget());
        out.put("ses.api-call-timeout", ses.apiCallTimeout());
        out.put("ses.throttle-budget", ses.throttleBudget());
    }

    private static String account(SesAccountSettings a) {
        return a.name() + " " + a.roleArn();
    }

    private static void canary(Lines out, CanarySettings c) {
        out.put("canary", Arrays.asList(c.enabled(), c.interval(), c.timeout(), c.identities(), c.from(), c.to(),
                c.configurationSet()));
        CanarySettings.ImapSettings imap = c.imap();
        out.put("canary.imap", Arrays.asList(imap.host(), imap.port(), imap.tls(), imap.user(), imap.folder()));
    }

    private static void notify(Lines out, NotifySettings n) {
        out.put("notify", Arrays.asList(n.enabled(), n.allow(), n.minGap(), n.confirmAfter(), n.queueSize(),
                n.soaInterval(), n.propagationGrace()));
        out.put("notify.tsig", n.tsig().stream().map(k -> k.name() + " " + k.algorithm()).sorted().toList());
    }

    private static void cluster(Lines out, ClusterSettings c) {
        out.put("cluster", Arrays.asList(c.enabled(), c.shards(), c.checkInInterval(), c.misfireThreshold(), c.lease()));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** key=value lines; values by {@code String.valueOf} (records, lists and sorted maps print their parts). */
    private static final class Lines {
        private final Map<String, String> lines = new LinkedHashMap<>();

        void put(String key, Object value) {
            lines.put(key, String.valueOf(value));
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            lines.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
            return text.toString();
        }
    }
}
