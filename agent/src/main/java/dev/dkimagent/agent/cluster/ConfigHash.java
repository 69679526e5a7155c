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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

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

    /**
     * The fingerprint of {@code settings} as run by agent {@code version}: the SHA-256 of
     * {@code version + "\n" + canonical(settings)}, fed to the digest piece by piece, so that
     * 100,000 identities (tens of MB as text) never exist as one string in a 256 MB heap.
     */
    public static ConfigHash of(Settings settings, String version) {
        MessageDigest digest = newDigest();
        Consumer<String> out = text -> digest.update(text.getBytes(StandardCharsets.UTF_8));
        out.accept(version + "\n");
        canonical(settings, out);
        return new ConfigHash(version, HexFormat.of().formatHex(digest.digest()));
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
        StringBuilder text = new StringBuilder();
        canonical(s, text::append);
        return text.toString();
    }

    private static void canonical(Settings s, Consumer<String> text) {
        identities(s.identities(), text);
        Lines out = new Lines();
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
        text.accept(out.toString());
    }

    /**
     * {@code identities=[a, b, ...]} sorted by their text, one identity at a time. Sorting by name
     * first gives the same order without making every text at once: names are unique and a DNS
     * name's characters all sort after the ',' that ends the name in the text.
     */
    private static void identities(List<Identity> identities, Consumer<String> text) {
        List<Identity> sorted = new ArrayList<>(identities);
        sorted.sort(Comparator.comparing(Identity::name).thenComparing(Identity::toString));
        text.accept("identities=[");
        for (int i = 0; i < sorted.size(); i++) {
            text.accept(i == 0 ? sorted.get(i).toString() : ", " + sorted.get(i));
        }
        text.accept("]\n");
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

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
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
