package dev.dkimagent.agent.config;

import dev.dkimagent.rules.RuleSettings;
import dev.dkimagent.rules.Severity;
import dev.dkimagent.rules.model.Identity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration, read and validated.
 *
 * @param source          where it came from (the file path, or the name given by an embedder)
 * @param dns             {@code dkim-agent.dns}
 * @param identities      {@code dkim-agent.identities}, then the lines of {@code dkim-agent.identity-files}, in
 *                        order; source "config"
 * @param zoneNameservers {@code dkim-agent.zones}: normalised apex -> nameserver entries, in file order
 * @param rules           {@code dkim-agent.rules} thresholds
 * @param levels          {@code dkim-agent.rules.levels}: "RULE.TAG" -> severity
 * @param ses             {@code dkim-agent.ses}
 * @param schedule        {@code dkim-agent.schedule}
 * @param alerting        {@code dkim-agent.alerting} (with its Slack destination)
 * @param state           {@code dkim-agent.state}
 * @param http            {@code dkim-agent.http}
 * @param canary          {@code dkim-agent.canary}
 * @param watch           {@code dkim-agent.notify}, {@code schedule.soa-interval}, {@code alerting.propagation-grace}
 * @param cluster         {@code dkim-agent.cluster}
 */
public record Settings(String source, DnsSettings dns, List<Identity> identities,
                       Map<String, List<String>> zoneNameservers, RuleSettings rules,
                       Map<String, Severity> levels, SesSettings ses, ScheduleSettings schedule,
                       AlertingSettings alerting, StateSettings state, HttpSettings http, CanarySettings canary,
                       NotifySettings watch, ClusterSettings cluster) {

    public Settings {
        identities = List.copyOf(identities);
        Map<String, List<String>> zones = new LinkedHashMap<>();
        zoneNameservers.forEach((apex, entries) -> zones.put(apex, List.copyOf(entries)));
        zoneNameservers = Collections.unmodifiableMap(zones);
        levels = Collections.unmodifiableMap(new LinkedHashMap<>(levels));
    }
}
