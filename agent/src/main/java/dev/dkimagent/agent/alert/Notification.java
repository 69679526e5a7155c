package dev.dkimagent.agent.alert;

import dev.dkimagent.rules.Severity;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One message about one identity from one sweep: what started firing, what is still firing (a
 * reminder), and what was resolved. Three missing records on ns3 are one notification.
 *
 * @param identity     the identity (domain); for zone-wide findings the zone apex
 * @param firing       newly firing findings
 * @param reminders    findings still firing whose repeat interval has passed
 * @param resolved     findings that were firing and are now clean
 * @param ses          SES status lines for the identity (may be empty)
 * @param at           the sweep time
 */
public record Notification(String identity, List<AlertLine> firing, List<AlertLine> reminders,
                           List<AlertLine> resolved, List<SesLine> ses, Instant at) {

    public Notification {
        firing = List.copyOf(firing);
        reminders = List.copyOf(reminders);
        resolved = List.copyOf(resolved);
        ses = List.copyOf(ses);
    }

    /** The worst severity among the firing and reminded findings; null when only resolutions. */
    public Severity worstSeverity() {
        return Stream.concat(firing.stream(), reminders.stream())
                .map(AlertLine::severity)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }

    /** True when this message only announces resolutions (the incident is over if nothing else fires). */
    public boolean onlyResolved() {
        return firing.isEmpty() && reminders.isEmpty() && !resolved.isEmpty();
    }
}
