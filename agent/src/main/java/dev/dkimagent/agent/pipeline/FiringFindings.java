package dev.dkimagent.agent.pipeline;

import dev.dkimagent.agent.alert.AlertState;
import dev.dkimagent.agent.alert.AlertStatus;
import dev.dkimagent.agent.metrics.FiringFinding;
import java.util.Collection;
import java.util.List;

/**
 * Adapts the lifecycle's firing states to dkim_findings rows. The identity, zone and SES source
 * come from the finding's key ({@code Finding.key()}: rule|tag|identity|zone|selector|address
 * [|ses:account/region]): an alert state's identity is its notification group, which for a
 * zone-wide finding is the zone and for MON01 the source, not the finding's identity.
 */
final class FiringFindings {
    private static final String SES_PREFIX = "ses:";

    private FiringFindings() {
    }

    static List<FiringFinding> of(Collection<AlertState> states) {
        return states.stream().filter(s -> s.status() == AlertStatus.FIRING).map(FiringFindings::of).toList();
    }

    static FiringFinding of(AlertState s) {
        String[] key = s.key().split("\\|", -1);
        String level = s.line().severity().label();
        if (key.length < 6) { // not a finding key: keep what the state knows
            return FiringFinding.dns(s.identity(), s.line().zone(), s.line().rule(), s.line().tag(), level);
        }
        String source = key.length > 6 && key[6].startsWith(SES_PREFIX) ? key[6].substring(SES_PREFIX.length()) : "";
        int slash = source.indexOf('/');
        String account = slash < 0 ? null : source.substring(0, slash);
        String region = slash < 0 ? null : source.substring(slash + 1);
        return new FiringFinding(key[2], key[3], account, region, s.line().rule(), s.line().tag(), level);
    }
}
