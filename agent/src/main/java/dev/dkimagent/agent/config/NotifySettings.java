package dev.dkimagent.agent.config;

import dev.dkimagent.agent.notify.Cidr;
import dev.dkimagent.agent.notify.NotifyKey;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * {@code dkim-agent.notify}, with the two keys of other sections that decide how fast and how
 * calmly a change is looked at: {@code schedule.soa-interval} and {@code alerting.propagation-grace}.
 *
 * @param enabled          listen for NOTIFY
 * @param listen           UDP and TCP addresses to listen on
 * @param allow            source blocks a NOTIFY may come from
 * @param tsig             keys a NOTIFY must be signed with (none: unsigned NOTIFYs are accepted)
 * @param minGap           a zone's rechecks start at least this far apart
 * @param confirmAfter     a finding a triggered recheck saw first is looked at again this much later
 * @param queueSize        zones waiting for a recheck at most
 * @param soaInterval      between rounds of the SOA watch; zero = off
 * @param propagationGrace how long a secondary behind the newest serial counts as catching up
 */
public record NotifySettings(boolean enabled, List<InetSocketAddress> listen, List<Cidr> allow, List<NotifyKey> tsig,
                             Duration minGap, Duration confirmAfter, int queueSize, Duration soaInterval,
                             Duration propagationGrace) {
    public NotifySettings {
        listen = List.copyOf(listen);
        allow = List.copyOf(allow);
        tsig = List.copyOf(tsig);
    }
}
